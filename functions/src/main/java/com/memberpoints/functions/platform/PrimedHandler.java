package com.memberpoints.functions.platform;

import org.crac.Resource;

/**
 * SnapStart priming of a non-HTTP function, in one place: the function registers itself (from its Lambda no-arg
 * constructor, never in tests) and its {@link #prime()} runs before the snapshot. Priming does no I/O: no port is
 * called, nothing is sent or logged (checked by SnapStartPrimingCoverageTest). The HTTP functions get the same from
 * {@link com.memberpoints.functions.platform.http.ApiHandler}; registration and the shared warm-up are in {@link Priming}.
 */
public abstract class PrimedHandler implements Resource {

    /** Call from the Lambda entry-point constructor only: prime() then runs before the SnapStart snapshot. */
    protected final void primeBeforeSnapshot() {
        Priming.beforeSnapshot(this);
    }

    /** Loads and runs the code paths of an invocation on made-up input, without I/O. */
    public abstract void prime();

    @Override
    public final void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
    }

    @Override
    public final void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing: the SDK clients re-resolve credentials themselves.
    }
}
