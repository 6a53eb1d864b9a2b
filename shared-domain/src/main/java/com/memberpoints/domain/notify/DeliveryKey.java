package com.memberpoints.domain.notify;

import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.OperationId;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Identity of one message: one journal entry (member, wallet, operation id) on one channel. {@code month} is
 * the entry's month in the store's time zone; deliveries are grouped by it so a month can be listed.
 */
public record DeliveryKey(MerchantId merchant, YearMonth month, MemberId member, Wallet wallet,
                          OperationId operationId, Channel channel) {
    public DeliveryKey {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(channel, "channel");
    }

    public static DeliveryKey of(JournalEntry entry, ZoneId storeZone, Channel channel) {
        return new DeliveryKey(entry.wallet().merchant(), YearMonth.from(entry.at().atZone(storeZone)),
                entry.wallet().member(), entry.wallet().wallet(), entry.operationId(), channel);
    }

    /** Unique within the merchant and month: {@code <member>#<WALLET>#<CHANNEL>#<operationId>}. */
    public String id() {
        return member.value() + "#" + wallet + "#" + channel + "#" + operationId.value();
    }
}
