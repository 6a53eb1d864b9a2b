package com.memberpoints.domain.order;

import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.model.OrderId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What handling one event (or one scheduled assignment) did: the transition of the order record and the
 * ledger results of reconciling the ledger with it. For logs and tests; nothing depends on it.
 *
 * @param transition what happened to the order record ({@code "assigned"}, {@code "duplicate"}, ...)
 * @param ledger     the ledger results, in the order the commands were applied
 * @param finalStatusRule for a delivery status change, how the order's final delivery status was decided (SPEC §4a):
 *                   the handler logs it and counts options the merchant has not mapped
 */
public record LifecycleOutcome(OrderId order, String transition, List<LedgerResult> ledger,
                               Optional<FinalStatusRule> finalStatusRule) {
    public LifecycleOutcome {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(finalStatusRule, "finalStatusRule");
        ledger = List.copyOf(ledger);
    }

    /** An outcome of an event other than a delivery status change. */
    public LifecycleOutcome(OrderId order, String transition, List<LedgerResult> ledger) {
        this(order, transition, ledger, Optional.empty());
    }

    /** The number of ledger commands that changed the ledger (not duplicates or refusals). */
    public long appliedCount() {
        return ledger.stream().filter(LedgerResult.Applied.class::isInstance).count();
    }
}
