package com.memberpoints.functions.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.sweep.LedgerSweeps;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.order.AssignmentScheduler;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.order.OrderStore;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.functions.platform.http.ApiHandler;
import com.memberpoints.functions.platform.log.JsonLogger;
import com.memberpoints.functions.events.DailySweepHandler;
import com.memberpoints.functions.events.OrderEventsHandler;
import com.memberpoints.functions.events.BulkAssignmentWorkerHandler;
import com.memberpoints.functions.events.LiabilityReplayHandler;
import com.memberpoints.functions.events.LiabilityStreamHandler;
import com.memberpoints.functions.events.NotificationRetryHandler;
import com.memberpoints.functions.events.NotificationDispatcherHandler;
import com.memberpoints.functions.events.ScheduledAssignmentHandler;
import com.memberpoints.functions.events.SweepSettings;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.crac.Resource;
import org.junit.jupiter.api.Test;

/**
 * Every function has a SnapStart priming hook, and priming does no I/O: each handler class of {@link ApiRoutes}
 * and each order handler is built over ports that record and refuse every call, then primed through its CRaC
 * {@code beforeCheckpoint}; no port may be called and nothing may be logged. The route handlers are built
 * generically (interfaces become refusing ports, services are built from them), so a handler added to the
 * route table is covered without touching this test.
 */
class SnapStartPrimingCoverageTest {
    private final List<String> calls = new ArrayList<>();
    private final CapturedLog log = new CapturedLog();

    @Test
    void everyRouteHandlerPrimesWithoutTouchingAPortOrLogging() throws Exception {
        Set<Class<? extends ApiHandler>> handlers = ApiRoutes.all().stream().map(ApiRoutes.Route::handler)
                .collect(Collectors.toSet());
        assertThat(handlers).isNotEmpty();
        for (Class<? extends ApiHandler> type : handlers) {
            ApiHandler handler = (ApiHandler) build(type);
            handler.beforeCheckpoint(null);
            handler.afterRestore(null);
            assertThat(calls).as("ports called while priming %s", type.getSimpleName()).isEmpty();
            assertThat(log.lines()).as("lines logged while priming %s", type.getSimpleName()).isEmpty();
        }
    }

    @Test
    void everyOrderHandlerPrimesWithoutTouchingAPortOrLogging() throws Exception {
        OrderLifecycle lifecycle = new OrderLifecycle(port(OrderStore.class), port(LedgerStore.class),
                port(SettingsStore.class), port(MerchantStore.class), port(MemberStore.class),
                port(AssignmentScheduler.class), port(TimeSource.class));
        JsonLogger logger = log.logger();
        List<Resource> handlers = List.of(new OrderEventsHandler(lifecycle, logger),
                new ScheduledAssignmentHandler(lifecycle, logger),
                new DailySweepHandler(port(MerchantStore.class), new LedgerSweeps(port(LedgerStore.class)), lifecycle,
                        port(TimeSource.class), SweepSettings.DEFAULTS, logger));
        for (Resource handler : handlers) {
            handler.beforeCheckpoint(null);
            handler.afterRestore(null);
            assertThat(calls).as("ports called while priming %s", handler.getClass().getSimpleName()).isEmpty();
            assertThat(log.lines()).as("lines logged while priming %s", handler.getClass().getSimpleName()).isEmpty();
        }
    }

    @Test
    void everyStreamQueueAndRetryHandlerPrimesWithoutTouchingAPortOrLogging() throws Exception {
        for (Class<?> type : List.of(NotificationDispatcherHandler.class, NotificationRetryHandler.class,
                LiabilityStreamHandler.class, BulkAssignmentWorkerHandler.class, LiabilityReplayHandler.class,
                com.memberpoints.functions.events.ExpirySweepWorkerHandler.class)) {
            Resource handler = (Resource) build(type);
            handler.beforeCheckpoint(null);
            handler.afterRestore(null);
            assertThat(calls).as("ports called while priming %s", type.getSimpleName()).isEmpty();
            assertThat(log.lines()).as("lines logged while priming %s", type.getSimpleName()).isEmpty();
        }
    }

    @Test
    void everyLambdaHandlerClassOfTheFunctionsIsASnapStartResourceWithAPrimeMethod() throws Exception {
        // The event-driven handlers are not in the route table; list them here so a new one without a hook fails.
        for (Class<?> type : List.of(OrderEventsHandler.class, ScheduledAssignmentHandler.class, DailySweepHandler.class,
                NotificationDispatcherHandler.class, NotificationRetryHandler.class, LiabilityStreamHandler.class,
                BulkAssignmentWorkerHandler.class, LiabilityReplayHandler.class,
                com.memberpoints.functions.events.ExpirySweepWorkerHandler.class)) {
            assertThat(Resource.class).as(type.getSimpleName()).isAssignableFrom(type);
            Method prime = type.getMethod("prime");
            assertThat(Modifier.isPublic(prime.getModifiers())).isTrue();
        }
    }

    @Test
    void aPortCalledWhilePrimingIsCaught() {
        // The harness itself must be able to fail: a refusing port records the call and throws.
        MerchantStore merchants = port(MerchantStore.class);
        try {
            merchants.all();
        } catch (AssertionError expected) {
            // recorded below
        }
        assertThat(calls).containsExactly("MerchantStore.all");
    }

    /** Builds {@code type} from its public constructor with the most parameters: ports refuse, loggers capture. */
    private Object build(Class<?> type) throws ReflectiveOperationException {
        if (type == JsonLogger.class) {
            return log.logger();
        }
        if (type == com.memberpoints.domain.notify.RateLimiter.class) {
            return new com.memberpoints.domain.notify.RateLimiter(1e9, 1_000_000, System::nanoTime, n -> { });
        }
        if (type == com.memberpoints.domain.notify.NotificationDispatcher.Settings.class) {
            return com.memberpoints.domain.notify.NotificationDispatcher.Settings.DEFAULT;
        }
        if (type.isInterface()) {
            return port(type);
        }
        Constructor<?> constructor = Arrays.stream(type.getConstructors())
                .max(Comparator.comparingInt(Constructor::getParameterCount))
                .orElseThrow(() -> new AssertionError("no public constructor on " + type));
        Object[] args = new Object[constructor.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            args[i] = build(constructor.getParameterTypes()[i]);
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new AssertionError("could not build " + type + " for priming: " + e.getCause(), e.getCause());
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T port(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> proxy == args[0];
                };
            }
            calls.add(type.getSimpleName() + "." + method.getName());
            throw new AssertionError("priming called " + type.getSimpleName() + "." + method.getName());
        });
    }
}
