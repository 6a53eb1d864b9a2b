package com.memberpoints.domain.inmemory;

import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LotChange;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.liability.LiabilityCounters;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
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

    @Override
    public synchronized long total(MerchantId merchant, Wallet wallet) {
        return totals.getOrDefault(new Key(merchant, wallet), 0L);
    }

    @Override
    public synchronized long expiring(MerchantId merchant, Wallet wallet, Instant after, Instant upTo) {
        TreeMap<Instant, Long> b = buckets.get(new Key(merchant, wallet));
        if (b == null || !upTo.isAfter(after)) {
            return 0;
        }
        return b.subMap(after, false, upTo, true).values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public synchronized long expiringUpTo(MerchantId merchant, Wallet wallet, Instant upTo) {
        TreeMap<Instant, Long> b = buckets.get(new Key(merchant, wallet));
        return b == null ? 0 : b.headMap(upTo, true).values().stream().mapToLong(Long::longValue).sum();
    }
}
