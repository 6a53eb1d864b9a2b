package com.memberpoints.functions.storefront;

import com.memberpoints.domain.checkout.CheckoutService;
import com.memberpoints.domain.membercenter.MemberCenter;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.order.OrderStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.functions.platform.CapturedLog;
import com.memberpoints.functions.platform.http.ApiHandler;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SnapStart priming of every storefront handler touches no port (no data read or written) and logs nothing. */
class StorefrontPrimingTest {

    @Test
    void primingReadsAndWritesNothing() throws Exception {
        List<String> calls = new ArrayList<>();
        com.memberpoints.domain.model.TimeSource clock = () -> {
            calls.add("clock");
            return java.time.Instant.EPOCH;
        };
        CheckoutService service = new CheckoutService(port(LedgerStore.class, calls), port(SettingsStore.class, calls),
                port(MerchantStore.class, calls), port(MemberStore.class, calls), clock);
        MemberCenter center = new MemberCenter(port(LedgerStore.class, calls), port(SettingsStore.class, calls),
                port(MerchantStore.class, calls), port(MemberStore.class, calls), port(OrderStore.class, calls), clock);
        CapturedLog log = new CapturedLog();
        List<ApiHandler> handlers = List.of(new QuoteHandler(service, log.logger()), new RedemptionHandler(service, log.logger()),
                new MyPointsHandler(center, log.logger()), new MyPointsHistoryHandler(center, log.logger()),
                new MyCreditsHandler(center, log.logger()));
        for (ApiHandler h : handlers) {
            h.beforeCheckpoint(null);
        }
        assertThat(calls).isEmpty();
        assertThat(log.lines()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static <T> T port(Class<T> type, List<String> calls) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? type.getSimpleName() : null;
            }
            calls.add(type.getSimpleName() + "." + method.getName());
            throw new AssertionError("priming called " + method);
        });
    }
}
