package memberpoints.localstack;

import java.lang.instrument.Instrumentation;

/**
 * Stands in for LocalStack's DynamoDB Local "loader" agent, which LocalStack passes to DynamoDB Local
 * as {@code -javaagent:} and normally downloads from the internet (it lifts the 20-GSI limit, which
 * this project does not need). The JVM refuses to start without an agent jar; this one does nothing.
 */
public final class NoopAgent {
    private NoopAgent() {}

    public static void premain(String arguments, Instrumentation instrumentation) {
        // nothing to change
    }
}
