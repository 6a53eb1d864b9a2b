package com.memberpoints.domain.sweep;

import com.memberpoints.domain.ledger.ExpiringLot;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.RedemptionHold;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.notify.ExpiryReminderPass;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.order.OrderStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When the sweep next has work: the earliest instant, over every merchant, at which a lot expires, a redemption hold
 * becomes stale or an unassigned order becomes overdue — read from the first entry of the same three indexes the
 * sweep reads (three one-item queries per merchant). A sweep run before that instant finds nothing to do. The local
 * stack's time machine uses it to skip idle hourly runs during a long time travel.
 */
public final class SweepAgenda {
    /** Far enough to list every pending entry, near enough for every store's key encoding. */
    private static final Duration HORIZON = Duration.ofDays(100 * 366);

    private final MerchantStore merchants;
    private final LedgerStore ledger;
    private final OrderStore orders;
    private final DailySweep.Limits limits;
    private final Optional<ExpiryReminderPass> reminders;

    public SweepAgenda(MerchantStore merchants, LedgerStore ledger, OrderStore orders, DailySweep.Limits limits) {
        this(merchants, ledger, orders, limits, Optional.empty());
    }

    /** Also names when the expiry-reminder pass next has work ({@link ExpiryReminderPass#nextDue}). */
    public SweepAgenda(MerchantStore merchants, LedgerStore ledger, OrderStore orders, DailySweep.Limits limits,
                       ExpiryReminderPass reminders) {
        this(merchants, ledger, orders, limits, Optional.of(reminders));
    }

    private SweepAgenda(MerchantStore merchants, LedgerStore ledger, OrderStore orders, DailySweep.Limits limits,
                        Optional<ExpiryReminderPass> reminders) {
        this.reminders = Objects.requireNonNull(reminders, "reminders");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The earliest instant at which a run has work (possibly already past); empty when nothing is pending. */
    public Optional<Instant> nextDue(Instant now) {
        Instant horizon = now.plus(HORIZON);
        Optional<Instant> earliest = Optional.empty();
        for (MerchantId merchant : merchants.all()) {
            earliest = min(earliest, ledger.expiring(merchant, Instant.EPOCH, horizon, PageRequest.first(1)).items()
                    .stream().map(ExpiringLot::expiresAt).findFirst());
            // A hold is stale once strictly older than the limit; an order once due at least the grace ago.
            earliest = min(earliest, ledger.staleHolds(merchant, horizon, PageRequest.first(1)).items().stream()
                    .map(RedemptionHold::heldAt).map(t -> t.plus(limits.holdTimeLimit()).plusMillis(1)).findFirst());
            earliest = min(earliest, orders.awaitingAssignment(merchant, horizon, PageRequest.first(1)).items().stream()
                    .flatMap(o -> o.assignmentDueAt().stream()).map(t -> t.plus(limits.reconcileGrace())).findFirst());
            if (reminders.isPresent()) {
                earliest = min(earliest, reminders.get().nextDue(merchant, now, horizon));
            }
        }
        return earliest;
    }

    private static Optional<Instant> min(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.filter(x -> x.isBefore(a.get())).or(() -> a);
    }
}
