package com.memberpoints.bench.scale;

import com.memberpoints.domain.ledger.LedgerStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * BENCH: the real ledger store with one injected throttle, for the fanned-out sweep's simulation (issue 16 change 7).
 * Every call goes to the DynamoDB store (its expiry index has the 16 write shards + the unsharded key as parts, change
 * 3); {@code throttleApplyAt}: the n-th ledger command from now throws once instead, after one modelled call, as a
 * throttled call does after the SDK's retries.
 */
final class ThrottlingLedger {
    static final class Throttled extends RuntimeException {
        Throttled() {
            super("ThrottlingException (simulated)");
        }
    }

    final AtomicInteger throttleApplyAt = new AtomicInteger(-1);
    final LedgerStore store;

    ThrottlingLedger(LedgerStore real, SimClock clock, Duration latency) {
        this.store = (LedgerStore) Proxy.newProxyInstance(LedgerStore.class.getClassLoader(),
                new Class<?>[] {LedgerStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("apply") && throttleApplyAt.get() >= 0
                            && throttleApplyAt.getAndDecrement() == 0) {
                        clock.set(clock.now().plus(latency));
                        throw new Throttled();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
