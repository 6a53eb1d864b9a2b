package com.memberpoints.domain.integration;

import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LotChange;
import com.memberpoints.domain.ledger.OperationId;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Journal entries for the integration tests, built directly (the ledger's own rules are tested elsewhere). */
final class Entries {
    static final MerchantId SHOP = MerchantId.of("shop-1");
    static final Instant AT = Instant.parse("2021-12-04T01:00:00Z");
    static final java.util.Currency SHOP_CURRENCY = java.util.Currency.getInstance("TWD");
    static final Instant LOT = Instant.parse("2022-12-31T15:59:59Z");

    private Entries() {}

    static JournalEntry entry(String member, Wallet wallet, EntryKind kind, long amount, String operation,
                              Optional<String> order, String reason, Actor actor) {
        long delta = kind.sign() * amount;
        return new JournalEntry(new OperationId(operation), new WalletRef(SHOP, MemberId.of(member), wallet), kind, delta,
                List.of(new LotChange(Optional.of(LOT), delta)), reason, actor, order.map(OrderId::of), AT,
                1000 + delta, 7, "digest");
    }

    static JournalEntry earn(String member, String order, long points) {
        return entry(member, Wallet.POINTS, EntryKind.EARN, points, "O#" + order + "#POINTS#EARN", Optional.of(order), "",
                Actor.SYSTEM);
    }
}
