package com.memberpoints.bench.startup;

import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.io.PrintStream;

/**
 * Runs in a fresh JVM started by {@link StartupBenchmark}: creates one handler the way the Lambda
 * runtime does (reflection, no-arg constructor), invokes it once, and prints
 * {@code RESPONSE <status> <body>} on stdout — the parent stops its clock when that line arrives.
 *
 * <pre>
 *   StartupProbe hello &lt;handlerClass&gt;
 *   StartupProbe http &lt;handlerClass&gt; &lt;routeKey&gt; &lt;rawPath&gt; [claims as a=b&amp;c=d | -] [body | -]
 * </pre>
 *
 * Plain invocations and HTTP invocations live in separate classes so the hello-world run never loads
 * an API Gateway event class.
 */
public final class StartupProbe {
    public static final String MARKER = "RESPONSE ";

    private StartupProbe() {}

    public static void main(String[] args) throws Exception {
        run(args, System.out);
        System.out.flush();
        System.exit(0); // a handler's client threads must not keep the probe alive
    }

    static void run(String[] args, PrintStream out) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: StartupProbe hello|http <handlerClass> ...");
        }
        Object handler = Class.forName(args[1]).getConstructor().newInstance();
        String line = switch (args[0]) {
            case "hello" -> PlainInvocation.invoke((RequestHandler<?, ?>) handler);
            case "http" -> HttpInvocation.invoke(handler, args);
            default -> throw new IllegalArgumentException("mode " + args[0]);
        };
        out.println(MARKER + line);
    }
}
