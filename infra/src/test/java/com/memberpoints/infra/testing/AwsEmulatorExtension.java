package com.memberpoints.infra.testing;

import com.memberpoints.infra.aws.AwsClients;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The JUnit 5 side of {@link AwsEmulatorTest}: resolves the emulator once per test JVM (kept in the
 * root context's store, closed — LocalStack stopped — at the end of the run), skips or fails the test
 * class when there is none, and injects the emulator and its clients as parameters.
 */
public final class AwsEmulatorExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AwsEmulatorExtension.class);
    private static final Set<Class<?>> INJECTABLE = Set.of(AwsEmulator.class, AwsClients.class, DynamoDbClient.class,
            SesV2Client.class, SnsClient.class, SchedulerClient.class);

    /**
     * Skips through a condition rather than an aborted {@code @BeforeAll}: Surefire and Failsafe count
     * and report a disabled class as skipped (with the reason), while an aborted class container shows
     * as "Tests run: 0" and would hide the skip. With {@value EmulatorLocator#REQUIRE_VARIABLE}=true the
     * class stays enabled and {@link #beforeAll} fails it with the reason.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (located(context).outcome() instanceof EmulatorLocator.Outcome.Unavailable(String reason)
                && !EmulatorLocator.required(System.getenv())) {
            return ConditionEvaluationResult.disabled(EmulatorLocator.unavailableMessage(reason, false));
        }
        return ConditionEvaluationResult.enabled("AWS API emulator available or required");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return INJECTABLE.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        AwsEmulator emulator = emulator(extension);
        Class<?> type = parameter.getParameter().getType();
        if (type == AwsEmulator.class) {
            return emulator;
        }
        if (type == AwsClients.class) {
            return emulator.clients();
        }
        if (type == DynamoDbClient.class) {
            return emulator.clients().dynamoDb();
        }
        if (type == SesV2Client.class) {
            return emulator.sesV2();
        }
        if (type == SnsClient.class) {
            return emulator.clients().sns();
        }
        if (type == SchedulerClient.class) {
            return emulator.clients().scheduler();
        }
        throw new ParameterResolutionException("cannot inject " + type);
    }

    /** The emulator for this JVM; aborts (skips) or fails the calling test when there is none. */
    static AwsEmulator emulator(ExtensionContext context) {
        Map<String, String> environment = System.getenv();
        return switch (located(context).outcome()) {
            case EmulatorLocator.Outcome.Found(AwsEmulator emulator) -> emulator;
            case EmulatorLocator.Outcome.Unavailable(String reason) -> {
                boolean required = EmulatorLocator.required(environment);
                String message = EmulatorLocator.unavailableMessage(reason, required);
                if (required) {
                    throw new IllegalStateException(message);
                }
                Assumptions.abort(message);
                throw new AssertionError("unreachable");
            }
        };
    }

    private static Located located(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Located.class,
                key -> new Located(EmulatorLocator.locate(System.getenv(), EmulatorLocator.httpProbe(), new TestcontainersDocker())),
                Located.class);
    }

    /** Store value; JUnit closes it (stopping LocalStack) when the root context closes. */
    record Located(EmulatorLocator.Outcome outcome) implements AutoCloseable {
        @Override
        public void close() {
            if (outcome instanceof EmulatorLocator.Outcome.Found(AwsEmulator emulator)) {
                emulator.close();
            }
        }
    }
}
