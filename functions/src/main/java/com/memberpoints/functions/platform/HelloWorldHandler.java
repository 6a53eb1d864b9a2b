package com.memberpoints.functions.platform;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * The start-up benchmark's baseline: the smallest possible Java Lambda handler — no SDK, no JSON
 * library, no platform. Not deployed.
 */
public final class HelloWorldHandler implements RequestHandler<Object, String> {
    @Override
    public String handleRequest(Object input, Context context) {
        return "hello world";
    }
}
