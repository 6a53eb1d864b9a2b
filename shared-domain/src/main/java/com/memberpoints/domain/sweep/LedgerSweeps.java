package com.memberpoints.domain.sweep;

import com.memberpoints.domain.ledger.ExpiringLot;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.ledger.RedemptionHold;
import com.memberpoints.domain.ledger.WalletRef;

import com.memberpoints.domain.model.MerchantId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

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
     * soonest first, including lots missed by earlier runs. Walks the expiry index once with its
     * cursor: an entry that applies nothing (stale, or handled by a concurrent run) is passed over,
     * never the end of the run. A wallet listed is emptied of all its due lots at once (it is read
     * again after each attempt: the index lists only its soonest lot, and that entry may be stale), and
     * a wallet met again later in the same walk is not read again. Reads: the index entries up to
     * {@code now} once, and per wallet listed at most two reads per lot it expires or tries (one when
     * the expiry empties the wallet). {@code maxWallets} counts the wallets listed.
     */
    public SweepReport expireDue(MerchantId merchant, Instant now, int maxWallets) {
        return expireDue(merchant, now, maxWallets, () -> true);
    }

    /**
     * The same, asking {@code proceed} once, when the first page lists a due wallet and before anything is expired;
     * when it answers false the run expires nothing and reports {@code complete=false} (the due work is left to
     * others: the hourly run yields to live expiry walks, docs/decisions.md "S4 The hourly run yields to live
     * walks"). Not asked when nothing is due.
     */
    public SweepReport expireDue(MerchantId merchant, Instant now, int maxWallets, BooleanSupplier proceed) {
        Objects.requireNonNull(proceed, "proceed");
        int applied = 0;
        int skipped = 0;
        Set<WalletRef> done = new HashSet<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<ExpiringLot> page = store.expiringUpTo(merchant, now, new PageRequest(cursor, PAGE));
            if (cursor.isEmpty() && !page.items().isEmpty() && !proceed.getAsBoolean()) {
                return new SweepReport(0, 0, false);
            }
            for (ExpiringLot listed : page.items()) {
                if (done.contains(listed.wallet())) {
                    continue;
                }
                if (done.size() >= maxWallets) {
                    return new SweepReport(applied, skipped, false);
                }
                done.add(listed.wallet());
                SweepReport one = expireWallet(listed, now);
                applied += one.applied();
                skipped += one.notApplicable();
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return new SweepReport(applied, skipped, true);
    }

    /**
     * Expires every lot of the listed wallet due at {@code now} (the wallet is read again after each attempt: the
     * index lists only its soonest lot, and that entry may be stale). Idempotent: a lot already expired is
     * {@code notApplicable}. Shared by the hourly run ({@link #expireDue}) and the fanned-out walks
     * ({@link ExpiryWalker}).
     */
    SweepReport expireWallet(ExpiringLot listed, Instant now) {
        int applied = 0;
        int skipped = 0;
        Optional<Instant> lot = Optional.of(listed.expiresAt());
        while (lot.isPresent() && !lot.get().isAfter(now)) {
            LedgerResult result = store.apply(LedgerCommand.expire(listed.wallet(), lot.get(), now));
            if (result instanceof LedgerResult.Applied a) {
                applied++;
                if (a.entry().balanceAfter() == 0) {
                    break; // no lot left
                }
            } else {
                skipped++;
            }
            // The wallet's soonest lot now (a stale entry may hide another due lot).
            Optional<Instant> next = store.wallet(listed.wallet()).lots().nextExpiry();
            lot = next.equals(lot) ? Optional.empty() : next;
        }
        return new SweepReport(applied, skipped, true);
    }

    /** Releases the redemption holds of {@code merchant} placed more than {@code limit} before {@code now}. */
    public SweepReport releaseStaleHolds(MerchantId merchant, Instant now, Duration limit, int maxHolds) {
        Instant cutoff = now.minus(limit);
        int applied = 0;
        int skipped = 0;
        Optional<String> cursor = Optional.empty();
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
