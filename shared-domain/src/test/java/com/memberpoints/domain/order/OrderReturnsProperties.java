package com.memberpoints.domain.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.testing.Fixtures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Issue 12.3 invariants: returns apply once each, whatever the order and repetition of their events. */
class OrderReturnsProperties {

    /**
     * Any returns, delivered in any order and any number of times, before or after the assignment: the ledger holds
     * the bound rule's points of the earn base minus the distinct returns (floored at zero) — each return once.
     */
    @Property(tries = 150)
    void theLedgerFollowsTheNetEarnBaseWhateverTheOrderAndRepetitionOfReturns(
            @ForAll @IntRange(min = 0, max = 200_000) int subtotalCents,
            @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 80_000) Integer> returnCents,
            @ForAll @IntRange(min = 0, max = 6) int returnsBeforeDelivery,
            @ForAll long seed) {
        LifecycleHarness h = new LifecycleHarness(Fixtures.settings().assignment(AssignmentPolicy.afterDelivery(0)));
        h.place("o1", cents(subtotalCents));
        Map<String, Integer> distinct = new LinkedHashMap<>();
        for (int i = 0; i < returnCents.size(); i++) {
            distinct.put("r" + i, returnCents.get(i));
        }
        List<String> deliveries = new ArrayList<>(distinct.keySet());
        deliveries.addAll(distinct.keySet()); // every return arrives twice
        Collections.shuffle(deliveries, new Random(seed));
        int before = Math.min(returnsBeforeDelivery, deliveries.size());
        for (String id : deliveries.subList(0, before)) {
            h.returned("o1", id, cents(distinct.get(id)));
        }
        h.delivered("o1", DeliveryStatus.ARRIVED);
        for (String id : deliveries.subList(before, deliveries.size())) {
            h.returned("o1", id, cents(distinct.get(id)));
        }

        long returned = distinct.values().stream().mapToLong(Integer::longValue).sum();
        long net = Math.max(0, subtotalCents - returned);
        long expected = net / 1000; // 10.00 = 1 point
        assertThat(h.points()).isEqualTo(expected);
        assertThat(h.order("o1").earned().pointsAssigned()).isEqualTo(expected);
        assertThat(h.order("o1").returns().applied()).hasSize(distinct.size());
    }

    /**
     * Whatever the member spent in between, a return never takes the balance below zero, and what the ledger holds
     * for the order plus what could not be recovered is what the order earned before the return (nothing lost or
     * made up).
     */
    @Property(tries = 150)
    void aReturnNeverTakesTheBalanceBelowZeroAndAccountsForWhatItCouldNotTakeBack(
            @ForAll @IntRange(min = 1_000, max = 200_000) int subtotalCents,
            @ForAll @IntRange(min = 0, max = 200_000) int returnCents,
            @ForAll @IntRange(min = 0, max = 100) int spentPercent) {
        LifecycleHarness h = new LifecycleHarness(Fixtures.settings().assignment(AssignmentPolicy.afterDelivery(0)));
        h.place("o1", cents(subtotalCents));
        h.delivered("o1", DeliveryStatus.ARRIVED);
        long earned = h.points();
        long spent = earned * spentPercent / 100;
        if (spent > 0) {
            h.ledger.apply(LedgerCommand.manualDeduct(WalletRef.points(h.shop, h.alice), "spent", spent, "spent",
                    Actor.SYSTEM, h.now));
        }
        h.returned("o1", "r1", cents(returnCents));

        long target = Math.max(0, subtotalCents - returnCents) / 1000;
        Order o = h.order("o1");
        assertThat(h.points()).isNotNegative();
        assertThat(o.earned().pointsAssigned()).isEqualTo(target);
        long owedBack = earned - target;
        long takenBack = (earned - spent) - h.points();
        assertThat(takenBack + o.earned().pointsNotRecovered()).isEqualTo(owedBack);
        assertThat(o.earned().pointsNotRecovered()).isEqualTo(Math.max(0, owedBack - (earned - spent)));
    }

    private static String cents(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
