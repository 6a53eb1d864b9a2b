package com.memberpoints.domain.inmemory;

import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LotChange;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.liability.CutOffs;
import com.memberpoints.domain.liability.LiabilityCounters;
import com.memberpoints.domain.liability.LiabilityTally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@link LiabilityCounters} in memory: tests and the local stack. */
public final class InMemoryLiabilityCounters implements LiabilityCounters {

    private record Key(MerchantId merchant, Wallet wallet) {}

    private final Set<String> recorded = new HashSet<>();
    private final Map<Key, Long> totals = new HashMap<>();
    private final Map<Key, TreeMap<Instant, Long>> buckets = new HashMap<>();

    @Override
    public synchronized boolean record(JournalEntry entry) {
        String id = entry.wallet().merchant().value() + "|" + entry.wallet().member().value() + "|"
                + entry.wallet().wallet() + "|" + entry.operationId().value();
        if (!recorded.add(id)) {
            return false;
        }
        Key key = new Key(entry.wallet().merchant(), entry.wallet().wallet());
        totals.merge(key, entry.delta(), Long::sum);
        for (LotChange change : entry.lots()) {
            change.expiresAt().ifPresent(at ->
                    buckets.computeIfAbsent(key, k -> new TreeMap<>()).merge(at, change.delta(), Long::sum));
        }
        return true;
    }

    /** One pass over each wallet kind's buckets up to the last cut-off (bucket instants are whole seconds). */
    @Override
    public synchronized LiabilityTally tally(MerchantId merchant, CutOffs cutOffs) {
        return new LiabilityTally(cutOffs, counts(merchant, Wallet.POINTS, cutOffs),
                counts(merchant, Wallet.CREDITS, cutOffs));
    }

    private LiabilityTally.Counts counts(MerchantId merchant, Wallet wallet, CutOffs cutOffs) {
        Key key = new Key(merchant, wallet);
        List<Long> upTo = new ArrayList<>(cutOffs.size());
        TreeMap<Instant, Long> b = buckets.getOrDefault(key, new TreeMap<>());
        long sum = 0;
        Instant from = Instant.MIN;
        boolean fromIncluded = true;
        for (Instant cutOff : cutOffs.instants()) {
            // lots expire on whole seconds: "at or before the cut-off's second" is "at or before the cut-off"
            for (long amount : b.subMap(from, fromIncluded, cutOff, true).values()) {
                sum = Math.addExact(sum, amount);
            }
            upTo.add(sum);
            from = cutOff;
            fromIncluded = false;
        }
        return new LiabilityTally.Counts(totals.getOrDefault(key, 0L), upTo);
    }
}
