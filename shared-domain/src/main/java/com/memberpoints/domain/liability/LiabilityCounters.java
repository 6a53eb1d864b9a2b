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

    /** Sum of every recorded change of this wallet kind: what members hold (units of the wallet). */
    long total(MerchantId merchant, Wallet wallet);

    /** Sum of the lots of this wallet kind expiring in {@code (after, upTo]} (instants compared to the second). */
    long expiring(MerchantId merchant, Wallet wallet, Instant after, Instant upTo);

    /** Sum of the lots expiring at or before {@code upTo} (already expired when {@code upTo} is now). */
    long expiringUpTo(MerchantId merchant, Wallet wallet, Instant upTo);
}
