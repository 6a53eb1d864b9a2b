package com.memberpoints.domain.sweep;

import com.memberpoints.domain.ledger.ExpiringLot;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.ledger.RedemptionHold;

import com.memberpoints.domain.model.MerchantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The two time-driven ledger jobs, on any {@link LedgerStore}: expiring due lots and releasing
 * stale redemption holds. Both read only what their index lists, are idempotent, and stop after
 * {@code maxWallets} so one invocation stays within a Lambda timeout (run again to continue).
 */
public final class LedgerSweeps {
    private static final int PAGE = 100;

    private final LedgerStore store;

    public LedgerSweeps(LedgerStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** What a sweep did. {@code complete} is false when it stopped at its limit with work left. */
    public record SweepReport(int applied, int notApplicable, boolean complete) {}

    /**
     * Expires every lot of {@code merchant} that is due at {@code now} (expiry at or before now),
     * soonest first, including lots missed by earlier runs. A wallet with several due lots is
     * listed again after each expiry (the index holds its next soonest lot), so the query is
     * repeated from the start until nothing due is left.
     */
    public SweepReport expireDue(MerchantId merchant, Instant now, int maxWallets) {
        int applied = 0;
        int skipped = 0;
        while (true) {
            Page<ExpiringLot> page = store.expiringUpTo(merchant, now, PageRequest.first(PAGE));
            if (page.items().isEmpty()) {
                return new SweepReport(applied, skipped, true);
            }
            int appliedThisRound = 0;
            for (ExpiringLot lot : page.items()) {
                if (applied + skipped >= maxWallets) {
                    return new SweepReport(applied, skipped, false);
                }
                LedgerResult r = store.apply(LedgerCommand.expire(lot.wallet(), lot.expiresAt(), now));
                if (r instanceof LedgerResult.Applied) {
                    applied++;
                    appliedThisRound++;
                } else {
                    skipped++;
                }
            }
            if (appliedThisRound == 0) {
                // Everything listed was already handled (index lag): stop rather than spin.
                return new SweepReport(applied, skipped, true);
            }
        }
    }

    /** Releases the redemption holds of {@code merchant} placed more than {@code limit} before {@code now}. */
    public SweepReport releaseStaleHolds(MerchantId merchant, Instant now, Duration limit, int maxHolds) {
        Instant cutoff = now.minus(limit);
        int applied = 0;
        int skipped = 0;
        java.util.Optional<String> cursor = java.util.Optional.empty();
        do {
            Page<RedemptionHold> page = store.staleHolds(merchant, cutoff, new PageRequest(cursor, PAGE));
            for (RedemptionHold hold : page.items()) {
                if (applied + skipped >= maxHolds) {
                    return new SweepReport(applied, skipped, false);
                }
                LedgerResult r = store.apply(LedgerCommand.releaseStaleHold(hold.wallet(), hold.order(), now));
                if (r instanceof LedgerResult.Applied) {
                    applied++;
                } else {
                    skipped++;
                }
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return new SweepReport(applied, skipped, true);
    }
}
