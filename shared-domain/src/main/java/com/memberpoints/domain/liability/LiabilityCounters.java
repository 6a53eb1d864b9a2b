package com.memberpoints.domain.liability;

import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.model.MerchantId;
import java.time.Instant;

/**
 * Per-merchant liability counters, maintained from the ledger's journal (each entry added exactly once) so the
 * liability report never reads members' wallets. Two figures per merchant and wallet: the sum of every entry's
 * change (what members hold, including lots that expired but were not swept yet), and the same sum bucketed by
 * the lots' expiry instant (never-expiring lots are only in the total).
 *
 * <p>A report reads them with one {@link #tally}; {@link #total}, {@link #expiring} and {@link #expiringUpTo} are
 * single figures of a tally (tests and tools).
 *
 * <p>Counters are fed after the ledger write (the DynamoDB stream), so they trail the ledger by the stream's lag;
 * they are not part of any ledger transaction.
 */
public interface LiabilityCounters {

    /**
     * Adds the entry's changes to its merchant's counters, once: a repeated call with the same entry (stream
     * retry, duplicate delivery, concurrent consumers) adds nothing and returns false.
     */
    boolean record(JournalEntry entry);

    /**
     * {@link #record} of each entry, in as few writes as the store can make (a stream batch counted together); element
     * {@code i} of the answer says whether {@code entries.get(i)} was counted by this call (false: counted before, or
     * the same entry earlier in the list). Exactly once per entry as for {@link #record}, whatever was counted before
     * and whichever way a replay groups the entries; when it throws, some entries may be counted and the others not —
     * calling it again with the same entries counts each of the rest once. By default one {@link #record} each.
     */
    default java.util.List<Boolean> recordAll(java.util.List<JournalEntry> entries) {
        java.util.List<Boolean> out = new java.util.ArrayList<>(entries.size());
        for (JournalEntry entry : entries) {
            out.add(record(entry));
        }
        return out;
    }

    /**
     * Everything a report reads of one merchant, in one pass: for each wallet kind, the sum of every recorded change
     * and the sums of the lots expiring at or before each cut-off (to the second; never-expiring lots only in the
     * total). Each counter item is read once, whatever the number of cut-offs; the figures are not one atomic
     * snapshot (counters keep changing while they are read, as between separate reads).
     */
    LiabilityTally tally(MerchantId merchant, CutOffs cutOffs);

    /** Sum of every recorded change of this wallet kind: what members hold (units of the wallet). */
    default long total(MerchantId merchant, Wallet wallet) {
        return tally(merchant, CutOffs.NONE).total(wallet);
    }

    /** Sum of the lots of this wallet kind expiring in {@code (after, upTo]} (instants compared to the second). */
    default long expiring(MerchantId merchant, Wallet wallet, Instant after, Instant upTo) {
        if (!upTo.isAfter(after)) {
            return 0;
        }
        return tally(merchant, CutOffs.of(after, upTo)).between(wallet, after, upTo);
    }

    /** Sum of the lots expiring at or before {@code upTo} (already expired when {@code upTo} is now). */
    default long expiringUpTo(MerchantId merchant, Wallet wallet, Instant upTo) {
        return tally(merchant, CutOffs.of(upTo)).upTo(wallet, upTo);
    }
}
