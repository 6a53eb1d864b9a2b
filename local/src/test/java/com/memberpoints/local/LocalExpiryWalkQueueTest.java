package com.memberpoints.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.inmemory.InMemoryExpiryWalkClaims;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.sweep.ExpiryFanOut;
import com.memberpoints.domain.sweep.ExpiryWalk;
import com.memberpoints.domain.sweep.ExpiryWalkQueue;
import com.memberpoints.domain.sweep.ExpiryWalker;
import com.memberpoints.functions.events.ExpirySweepWorkerHandler;
import com.memberpoints.functions.platform.log.JsonLogger;
import com.memberpoints.infra.sqs.ExpiryWalkCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The local expiry walks queue: the fan-out's walks run through the real worker handler before the sweep returns. */
class LocalExpiryWalkQueueTest {
    static final Instant DUE = Instant.parse("2021-12-31T15:59:59Z");
    static final Instant RUN = Instant.parse("2021-12-31T16:00:00Z");
    final MerchantId shop = MerchantId.of("shop");
    final List<String> lines = new ArrayList<>();
    final LocalExpiryWalkQueue queue = new LocalExpiryWalkQueue(new JsonLogger(lines::add, JsonLogger.Level.INFO));

    @Test
    void theWalksRunOnTheWorkerHandlerBeforeTheFanOutReturns() {
        InMemoryLedgerStore ledger = new InMemoryLedgerStore();
        for (int i = 0; i < 40; i++) {
            ledger.apply(LedgerCommand.manualAdd(WalletRef.points(shop, MemberId.of("m" + i)), "y" + i, 10,
                    Optional.of(DUE), "yearly", Actor.SYSTEM, DUE.minus(Duration.ofDays(100))));
        }
        InMemoryExpiryWalkClaims claims = new InMemoryExpiryWalkClaims();
        ExpirySweepWorkerHandler worker = new ExpirySweepWorkerHandler(new ExpiryWalker(ledger, queue, claims,
                () -> RUN), JsonLogger.discarding());
        queue.worker(body -> worker.handleRequest(LocalHandlers.sqsEvent(body), new LocalContext("r", "w")));

        assertThat(new ExpiryFanOut(ledger, queue, claims, Duration.ofHours(3)).start(shop, RUN)).isEqualTo(1);

        assertThat(ledger.wallet(WalletRef.points(shop, MemberId.of("m39"))).available(RUN)).isZero();
        assertThat(claims.claimOf(shop, 0)).as("the walk finished").isEmpty();
    }

    @Test
    void aReminderWalkRunsOnTheWorkerHandlerToo_writingEachMarkerOnce() {
        InMemoryLedgerStore ledger = new InMemoryLedgerStore();
        Instant soon = RUN.plus(Duration.ofDays(10));
        for (int i = 0; i < 40; i++) {
            ledger.apply(LedgerCommand.manualAdd(WalletRef.points(shop, MemberId.of("m" + i)), "s" + i, 10,
                    Optional.of(soon), "promo", Actor.SYSTEM, RUN.minus(Duration.ofDays(100))));
        }
        var merchants = new com.memberpoints.domain.inmemory.InMemoryMerchantStore();
        merchants.save(new com.memberpoints.domain.merchant.Merchant(shop, "Shop", java.util.Currency.getInstance("TWD"),
                java.time.ZoneId.of("Asia/Taipei"), java.util.Locale.ENGLISH, java.util.Set.of(), true, true,
                java.util.Set.of()));
        var on = Optional.of(com.memberpoints.domain.settings.MerchantSettings.defaults().withExpiryReminders(
                new com.memberpoints.domain.settings.ExpiryReminders(true, 14, true, false)));
        var settings = (com.memberpoints.domain.settings.SettingsStore) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {com.memberpoints.domain.settings.SettingsStore.class},
                (p, method, args) -> method.isDefault()
                        ? java.lang.reflect.InvocationHandler.invokeDefault(p, method, args) : on);
        var markers = new com.memberpoints.domain.inmemory.InMemoryExpiryReminderStore();
        InMemoryExpiryWalkClaims claims = new InMemoryExpiryWalkClaims();
        ExpirySweepWorkerHandler worker = new ExpirySweepWorkerHandler(new ExpiryWalker(ledger, queue, claims,
                () -> RUN, new com.memberpoints.domain.notify.ExpiryReminderPass(merchants, settings, ledger, markers)),
                JsonLogger.discarding());
        queue.worker(body -> worker.handleRequest(LocalHandlers.sqsEvent(body), new LocalContext("r", "w")));

        ExpiryFanOut fanOut = new ExpiryFanOut(ledger, queue, claims, Duration.ofHours(3));
        assertThat(fanOut.start(ExpiryWalk.Kind.REMIND, shop, RUN)).isEqualTo(1);
        assertThat(fanOut.start(ExpiryWalk.Kind.REMIND, shop, RUN)).as("a second wave of the same run").isEqualTo(1);

        assertThat(markers.all()).hasSize(40).allMatch(r -> r.expiresAt().equals(soon));
        assertThat(claims.claimOf(shop, ExpiryWalk.claimSlot(ExpiryWalk.Kind.REMIND, 0))).isEmpty();
    }

    @Test
    void aContinuationQueuedByAStepRunsInTheSameDrain_andAFailedStepIsLogged() {
        List<ExpiryWalk> seen = new ArrayList<>();
        queue.worker(body -> {
            ExpiryWalk walk = ExpiryWalkCodec.decode(body);
            seen.add(walk);
            if (walk.cursor().isEmpty()) {
                queue.enqueue(List.of(walk.from("next")));
            } else if (walk.part() == 1) {
                throw new IllegalStateException("throttled (test)");
            }
        });

        queue.enqueue(List.of(ExpiryWalk.start(shop, 0, RUN), ExpiryWalk.start(shop, 1, RUN)));

        assertThat(seen).extracting(w -> w.part() + w.cursor().orElse("-")).containsExactly("0-", "1-", "0next",
                "1next");
        assertThat(lines).anyMatch(l -> l.contains("local: expiry walk step failed"));
    }

    @Test
    void withoutAWorkerTheQueueRefuses() {
        assertThatThrownBy(() -> new LocalExpiryWalkQueue(JsonLogger.discarding()).enqueue(
                List.of(ExpiryWalk.start(shop, 0, RUN)))).isInstanceOf(ExpiryWalkQueue.ExpiryWalkQueueException.class);
    }
}
