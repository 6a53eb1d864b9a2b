package com.memberpoints.domain.sweep;

import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.ledger.ExpiringLot;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TEST: the in-memory ledger with an expiry index of {@code parts} parts (a wallet's part is a hash of its member and
 * wallet, as a write-sharded index would place it), each listed alone with its own key cursor; and a fault switch:
 * after {@code callsBeforeFailure} more store calls, the next one throws once, as a throttled DynamoDB call would after
 * the SDK's retries (negative: off).
 */
final class PartedLedgerStore implements InvocationHandler {
    static final class Throttled extends RuntimeException {
        Throttled() {
            super("throttled (test)");
        }
    }

    final InMemoryLedgerStore inner = new InMemoryLedgerStore();
    final int parts;
    final AtomicInteger callsBeforeFailure = new AtomicInteger(-1);
    /** Store calls by method name (for the tests that count what a run read or wrote). */
    final java.util.Map<String, AtomicInteger> calls = new java.util.concurrent.ConcurrentHashMap<>();
    final LedgerStore store;

    PartedLedgerStore(int parts) {
        this.parts = parts;
        this.store = (LedgerStore) Proxy.newProxyInstance(LedgerStore.class.getClassLoader(),
                new Class<?>[] {LedgerStore.class}, this);
    }

    static int partOf(ExpiringLot lot, int parts) {
        return Math.floorMod((lot.wallet().member().value() + "/" + lot.wallet().wallet().name()).hashCode() * 31 + 7,
                parts);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("expiryParts")) {
            return parts;
        }
        calls.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
        if (callsBeforeFailure.get() >= 0 && callsBeforeFailure.getAndDecrement() == 0) {
            throw new Throttled();
        }
        if (method.getName().equals("expiring") && args.length == 5) {
            return partPage((MerchantId) args[0], (Integer) args[1], (Instant) args[2], (Instant) args[3],
                    (PageRequest) args[4]);
        }
        try {
            return method.invoke(inner, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String key(ExpiringLot l) {
        return String.format("%020d|%s|%s", l.expiresAt().getEpochSecond(), l.wallet().member().value(),
                l.wallet().wallet().name());
    }

    private Page<ExpiringLot> partPage(MerchantId merchant, int part, Instant from, Instant to, PageRequest page) {
        if (part < 0 || part >= parts) {
            throw new IllegalArgumentException("expiry index part out of range: " + part);
        }
        List<ExpiringLot> all = new ArrayList<>();
        Optional<String> c = Optional.empty();
        do {
            Page<ExpiringLot> p = inner.expiring(merchant, from, to, new PageRequest(c, 100));
            all.addAll(p.items());
            c = p.nextCursor();
        } while (c.isPresent());
        List<ExpiringLot> mine = all.stream().filter(l -> partOf(l, parts) == part)
                .sorted(Comparator.comparing(PartedLedgerStore::key))
                .filter(l -> page.cursor().isEmpty() || key(l).compareTo(page.cursor().get()) > 0).toList();
        List<ExpiringLot> items = mine.subList(0, Math.min(page.limit(), mine.size()));
        boolean more = mine.size() > items.size();
        return new Page<>(items, more ? Optional.of(key(items.getLast())) : Optional.empty());
    }
}
