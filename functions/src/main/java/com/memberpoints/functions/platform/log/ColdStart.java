package com.memberpoints.functions.platform.log;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the next invocation is the first of its execution environment (the {@code cold_start} key). One per
 * class loader, that is per Lambda execution environment; a SnapStart snapshot is taken before any invocation, so
 * every restored environment starts with it still unconsumed.
 */
public final class ColdStart {
    /** The execution environment's flag (what {@link JsonLogger#stdout()} uses). */
    public static final ColdStart CONTAINER = new ColdStart();

    private final AtomicBoolean first = new AtomicBoolean(true);

    /** A fresh flag (tests). */
    public static ColdStart fresh() {
        return new ColdStart();
    }

    private ColdStart() {}

    /** True the first time only. */
    boolean consume() {
        return first.getAndSet(false);
    }
}
