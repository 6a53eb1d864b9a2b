package com.memberpoints.domain.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.staff.CreditAdjustments;
import com.memberpoints.domain.testing.Fixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * SPEC §8 example 18 in the domain: the order lifecycle over the in-memory stores, then the merchant's manual
 * deduction ({@link CreditAdjustments}) over the same ledger.
 */
class SpecExample18Test {

    @Test
    void example18_orderCancelledAfter10CreditsAssigned_creditsStay_merchantDeducts10ByHand_balance0_historyShowsBothWithTheActor() {
        // "spend 100.00 get 10.00" non-cumulative: a 150.00 order earns 10.00 reward credits when paid
        LifecycleHarness h = new LifecycleHarness(Fixtures.settings().assignment(AssignmentPolicy.afterDelivery(3))
                .credits(true, Fixtures.creditRule("100.00", CreditType.fixed("10.00", false))));
        h.member(h.alice, Optional.empty());
        h.place("o-18", "150.00");
        h.paid("o-18");
        assertThat(h.credits()).isEqualTo(1000);

        h.cancelled("o-18");
        assertThat(h.credits()).as("cancelling does not take reward credits back").isEqualTo(1000);

        CreditAdjustments adjustments = new CreditAdjustments(h.ledger, h.members, h.merchants, h.settings, () -> h.now);
        CreditAdjustments.Outcome outcome = adjustments.adjust(h.shop, h.alice, new CreditAdjustments.Request(
                Fixtures.twd("-10.00"), "Order o-18 was cancelled", CreditAdjustments.Validity.STORE_DEFAULT,
                NotifyChoice.NONE, "cancel-o-18"), Actor.staff("staff-7"));
        assertThat(outcome).isInstanceOfSatisfying(CreditAdjustments.Outcome.Done.class,
                d -> assertThat(d.balanceAfter()).isEqualTo(Fixtures.twd("0.00")));
        assertThat(h.credits()).isZero();

        List<JournalEntry> history = h.ledger.history(WalletRef.credits(h.shop, h.alice), PageRequest.first(10)).items();
        assertThat(history).extracting(JournalEntry::kind)
                .containsExactly(EntryKind.ADJUST_DEDUCT, EntryKind.REWARD_CREDIT);
        assertThat(history).extracting(JournalEntry::delta).containsExactly(-1000L, 1000L);
        assertThat(history).extracting(JournalEntry::actor).containsExactly(Actor.staff("staff-7"), Actor.SYSTEM);
        assertThat(history.get(0).reason()).isEqualTo("Order o-18 was cancelled");
        assertThat(history.get(1).order()).contains(OrderId.of("o-18"));
    }
}
