import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.io.File;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Smoke check of a built deployment (`sam build`): run with a function's class path exactly as Lambda
 * builds it (the function's lib/*.jar, then the layer's java/lib/*.jar), it
 *  1. loads every class of this project's jars (a missing superclass or interface fails here),
 *  2. initialises and constructs every handler named on the command line (no-arg constructor, as Lambda does),
 *  3. invokes the health handler with a GET /v1/health event and expects 200.
 * Used by .ci/run after sam build; no AWS call is made (the health route touches no AWS service).
 *
 *   java -cp "<fn>/lib/*:<layer>/java/lib/*" deploy/HandlerSmoke.java <fn>/lib com.x.AHandler com.x.BHandler ...
 */
public final class HandlerSmoke {
    public static void main(String[] args) throws Exception {
        File lib = new File(args[0]);
        ClassLoader loader = HandlerSmoke.class.getClassLoader();
        int loaded = 0;
        List<String> failures = new ArrayList<>();
        for (File jar : lib.listFiles((d, n) -> n.endsWith(".jar"))) {
            try (JarFile file = new JarFile(jar)) {
                for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    if (name.endsWith(".class") && !name.contains("module-info") && !name.startsWith("META-INF/")) {
                        String cls = name.substring(0, name.length() - 6).replace('/', '.');
                        try {
                            Class.forName(cls, false, loader);
                            loaded++;
                        } catch (Throwable t) {
                            failures.add(cls + ": " + t);
                        }
                    }
                }
            }
        }
        int handlers = 0;
        for (int i = 1; i < args.length; i++) {
            try {
                Class<?> type = Class.forName(args[i], true, loader);
                type.getConstructor().newInstance();
                handlers++;
            } catch (Throwable t) {
                Throwable cause = t;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                failures.add(args[i] + " (construct): " + cause);
            }
        }
        String health = "com.memberpoints.functions.platform.HealthHandler";
        @SuppressWarnings("unchecked")
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(health, true, loader)
                        .getConstructor().newInstance();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("GET /v1/health").withRawPath("/v1/health")
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey("GET /v1/health").withRequestId("smoke")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath("/v1/health").build())
                        .build())
                .build();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new SmokeContext());
        if (response.getStatusCode() != 200) {
            failures.add(health + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        System.out.println("HandlerSmoke: " + loaded + " classes loaded from " + lib + ", " + handlers
                + " handlers constructed, GET /v1/health answered " + response.getStatusCode());
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.err.println("HandlerSmoke: FAILED " + f));
            System.exit(1);
        }
    }

    private static final class SmokeContext implements Context {
        public String getAwsRequestId() { return "smoke-request"; }
        public String getLogGroupName() { return "smoke"; }
        public String getLogStreamName() { return "smoke"; }
        public String getFunctionName() { return "smoke"; }
        public String getFunctionVersion() { return "$LATEST"; }
        public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:smoke"; }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return 10_000; }
        public int getMemoryLimitInMB() { return 1024; }
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                public void log(String message) { System.out.println(message); }
                public void log(byte[] message) { System.out.println(new String(message)); }
            };
        }
    }
}
