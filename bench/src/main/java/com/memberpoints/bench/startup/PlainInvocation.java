package com.memberpoints.bench.startup;

import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Invokes a handler taking any input with the empty-object input the runtime would pass. */
final class PlainInvocation {
    private PlainInvocation() {}

    @SuppressWarnings("unchecked")
    static String invoke(RequestHandler<?, ?> handler) {
        Object result = ((RequestHandler<Object, Object>) handler).handleRequest("{}", new ProbeContext("bench-hello"));
        return "200 " + result;
    }
}
