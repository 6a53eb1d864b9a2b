package com.memberpoints.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link OrderJournal}: what one order already did, read from its journal entries in both wallets. */
class OrderJournalTest {
    static final Instant NOW = Instant.parse("2021-06-01T04:00:00Z");
    final MerchantId m = MerchantId.of("shop");
    final MemberId ann = MemberId.of("ann");
    final OrderId order = OrderId.of("o-1");
    final InMemoryLedgerStore ledger = new InMemoryLedgerStore();

    @Test
    void anOrderTheLedgerNeverSawDidNothing() {
        OrderJournal j = ledger.orderJournal(m, ann, order);
        assertThat(j.entries()).isEmpty();
        assertThat(j.redeemed(Wallet.POINTS)).isZero();
        assertThat(j.hasEarn()).isFalse();
        assertThat(j.hasRewardCredit()).isFalse();
        assertThat(j.redemptionReverted()).isFalse();
        assertThat(OrderJournal.EMPTY).isEqualTo(j);
    }

    @Test
    void redemptionsArePerWallet_andARevertIsSeen() {
        ledger.apply(LedgerCommand.earn(m, ann, OrderId.of("e"), 300, Optional.empty(), NOW));
        ledger.apply(LedgerCommand.rewardCredit(m, ann, OrderId.of("c"), 2_000, Optional.empty(), NOW));
        ledger.apply(LedgerCommand.redeem(WalletRef.points(m, ann), order, 120, true, NOW));
        ledger.apply(LedgerCommand.redeem(WalletRef.credits(m, ann), order, 500, true, NOW));
        OrderJournal held = ledger.orderJournal(m, ann, order);
        assertThat(held.redeemed(Wallet.POINTS)).isEqualTo(120);
        assertThat(held.redeemed(Wallet.CREDITS)).isEqualTo(500);
        assertThat(held.redemptionReverted()).isFalse();

        ledger.apply(LedgerCommand.revertRedemption(WalletRef.points(m, ann), order, Actor.SYSTEM, NOW));
        assertThat(ledger.orderJournal(m, ann, order).redemptionReverted()).isTrue();
    }

    @Test
    void earningsNetTheEarnAndEveryAdjustment_andCountTheAdjustments() {
        ledger.apply(LedgerCommand.earn(m, ann, order, 100, Optional.empty(), NOW));
        ledger.apply(LedgerCommand.earnAdjust(m, ann, order, "adj1", 20, Optional.empty(), NOW));
        ledger.apply(LedgerCommand.earnAdjust(m, ann, order, "adj2", -50, Optional.empty(), NOW));
        ledger.apply(LedgerCommand.rewardCredit(m, ann, order, 1_000, Optional.empty(), NOW));
        OrderJournal j = ledger.orderJournal(m, ann, order);
        assertThat(j.hasEarn()).isTrue();
        assertThat(j.pointsEarnedNet()).isEqualTo(70);
        assertThat(j.earnAdjustments()).isEqualTo(2);
        assertThat(j.hasRewardCredit()).isTrue();
        assertThat(j.redeemed(Wallet.POINTS)).isZero();
    }
}
