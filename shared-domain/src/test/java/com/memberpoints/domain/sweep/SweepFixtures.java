package com.memberpoints.domain.sweep;

import com.memberpoints.domain.inmemory.InMemoryAssignmentScheduler;
import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryOrderStore;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.settings.SettingsStore;
import java.time.Duration;

/** What the sweep tests of expiry and reminders build alike: a store without orders, the usual limits. */
final class SweepFixtures {
    private SweepFixtures() {}

    /** The order lifecycle of a store that has no orders (the sweep's order job finds nothing). */
    static OrderLifecycle noOrders(LedgerStore ledger, SettingsStore settings, MerchantStore merchants,
                                   TimeSource clock) {
        return new OrderLifecycle(new InMemoryOrderStore(), ledger, settings, merchants, new InMemoryMemberStore(),
                new InMemoryAssignmentScheduler(), clock);
    }

    /** Holds released after 24 h, orders reconciled after 24 h, {@code maxItems} per job and run. */
    static DailySweep.Limits limits(int maxItems) {
        return new DailySweep.Limits(Duration.ofHours(24), Duration.ofHours(24), maxItems);
    }
}
