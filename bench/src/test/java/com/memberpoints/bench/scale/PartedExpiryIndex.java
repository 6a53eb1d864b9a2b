package com.memberpoints.bench.scale;

import com.memberpoints.domain.ledger.ExpiringLot;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * BENCH: a ledger store whose expiry index has {@code parts} parts, for the fanned-out sweep's simulation (issue 16
 * change 7) on a branch where the DynamoDB store still has one (the write-sharded index is change 3). A part's page is
 * cut from the store's full listing read unmetered, then billed as one modelled index Query (8 ms, keys-only, under
 * 1 RCU: not charged) — what one shard's Query costs once the index is sharded. Everything else (the wallet reads and
 * the expiry transactions) goes to the real DynamoDB store. {@code throttleApplyAt}: the n-th expiry transaction from
 * now throws once, as a throttled call does after the SDK's retries.
 */
final class PartedExpiryIndex {
    static final class Throttled extends RuntimeException {
        Throttled() {
            super("ThrottlingException (simulated)");
        }
    }

    final AtomicInteger throttleApplyAt = new AtomicInteger(-1);
    final LedgerStore store;
    private final LedgerStore real;
    private final int parts;
    private final KeyTraffic traffic;
    private final SimClock clock;
    private final Duration latency;

    PartedExpiryIndex(LedgerStore real, int parts, KeyTraffic traffic, SimClock clock, Duration latency) {
        this.real = real;
        this.parts = parts;
        this.traffic = traffic;
        this.clock = clock;
        this.latency = latency;
        this.store = (LedgerStore) Proxy.newProxyInstance(LedgerStore.class.getClassLoader(),
                new Class<?>[] {LedgerStore.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "expiryParts" -> {
                            return parts;
                        }
                        case "expiring" -> {
                            if (args.length == 5) {
                                return part((MerchantId) args[0], (Integer) args[1], (Instant) args[2],
                                        (Instant) args[3], (PageRequest) args[4]);
                            }
                        }
                        case "apply" -> {
                            if (throttleApplyAt.get() >= 0 && throttleApplyAt.getAndDecrement() == 0) {
                                clock.set(clock.now().plus(latency));
                                throw new Throttled();
                            }
                        }
                        default -> { }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    static int partOf(ExpiringLot lot, int parts) {
        int h = (lot.wallet().member().value() + "#" + lot.wallet().wallet().name()).hashCode();
        h ^= h >>> 16;
        h *= 0x45d9f3b;
        h ^= h >>> 16;
        return Math.floorMod(h, parts);
    }

    private static String key(ExpiringLot l) {
        return String.format("%020d|%s|%s", l.expiresAt().getEpochSecond(), l.wallet().member().value(),
                l.wallet().wallet().name());
    }

    private Page<ExpiringLot> part(MerchantId merchant, int part, Instant from, Instant to, PageRequest page) {
        List<ExpiringLot> all = new ArrayList<>();
        traffic.recording(false);
        clock.latencyPerCall(Duration.ZERO);
        try {
            Optional<String> c = Optional.empty();
            do {
                Page<ExpiringLot> p = real.expiring(merchant, from, to, new PageRequest(c, 100));
                all.addAll(p.items());
                c = p.nextCursor();
            } while (c.isPresent());
        } finally {
            traffic.recording(true);
            clock.latencyPerCall(latency);
        }
        clock.set(clock.now().plus(latency)); // one modelled Query of the part's shard
        List<ExpiringLot> mine = all.stream().filter(l -> partOf(l, parts) == part)
                .sorted(Comparator.comparing(PartedExpiryIndex::key))
                .filter(l -> page.cursor().isEmpty() || key(l).compareTo(page.cursor().get()) > 0).toList();
        List<ExpiringLot> items = mine.subList(0, Math.min(page.limit(), mine.size()));
        return new Page<>(items, mine.size() > items.size() ? Optional.of(key(items.getLast())) : Optional.empty());
    }
}
