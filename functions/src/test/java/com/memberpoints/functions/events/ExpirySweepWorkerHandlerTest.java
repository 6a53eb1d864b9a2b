package com.memberpoints.functions.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.memberpoints.domain.inmemory.InMemoryExpiryWalkClaims;
import com.memberpoints.domain.inmemory.InMemoryExpiryWalkQueue;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.sweep.ExpiryFanOut;
import com.memberpoints.domain.sweep.ExpiryWalk;
import com.memberpoints.domain.sweep.ExpiryWalker;
import com.memberpoints.functions.platform.CapturedLog;
import com.memberpoints.functions.platform.TestContext;
import com.memberpoints.functions.platform.log.Emf;
import com.memberpoints.infra.sqs.ExpiryWalkCodec;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The expiry sweep worker over in-memory ports (a throwing ledger stands for a throttled table). */
class ExpirySweepWorkerHandlerTest {
    static final Instant DUE = Instant.parse("2026-12-31T15:59:59Z");
    static final Instant RUN = Instant.parse("2026-12-31T16:00:00Z");
    final MerchantId shop = MerchantId.of("shop-1");
    final InMemoryLedgerStore ledger = new InMemoryLedgerStore();
    final InMemoryExpiryWalkQueue queue = new InMemoryExpiryWalkQueue();
    final InMemoryExpiryWalkClaims claims = new InMemoryExpiryWalkClaims();
    final CapturedLog log = new CapturedLog();

    void seed(int wallets) {
        for (int i = 0; i < wallets; i++) {
            ledger.apply(LedgerCommand.manualAdd(WalletRef.points(shop, MemberId.of("m" + i)), "y" + i, 10,
                    Optional.of(DUE), "yearly", Actor.SYSTEM, DUE.minus(Duration.ofDays(200))));
        }
    }

    ExpirySweepWorkerHandler worker(LedgerStore store) {
        return new ExpirySweepWorkerHandler(new ExpiryWalker(store, queue, claims, () -> RUN), log.logger());
    }

    static SQSEvent event(String body) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId("msg-1");
        m.setBody(body);
        SQSEvent e = new SQSEvent();
        e.setRecords(List.of(m));
        return e;
    }

    String started() {
        new ExpiryFanOut(ledger, queue, claims, Duration.ofHours(3)).start(shop, RUN);
        return ExpiryWalkCodec.encode(queue.poll().orElseThrow());
    }

    @Test
    void aWalkMessageExpiresItsPartAndFinishes() {
        seed(30);
        SQSBatchResponse r = worker(ledger).handleRequest(event(started()), new TestContext());

        assertThat(r.getBatchItemFailures()).isEmpty();
        assertThat(ledger.wallet(WalletRef.points(shop, MemberId.of("m7"))).available(RUN)).isZero();
        assertThat(Emf.totals(log.lines())).contains(entry("ExpiryWalksFinished", 1L), entry("LotsExpired", 30L));
        assertThat(log.lines()).anyMatch(l -> l.contains("expiry walk finished") && l.contains("\"merchantId\":\"shop-1\"")
                && l.contains("\"part\":0") && l.contains("\"runAt\":\"2026-12-31T16:00:00Z\""));
        assertThat(claims.claimOf(shop, 0)).isEmpty();
    }

    @Test
    void nearTheEndOfItsTimeAStepQueuesItsContinuation() {
        seed(150);
        TestContext real = new TestContext();
        com.amazonaws.services.lambda.runtime.Context almostOut = (com.amazonaws.services.lambda.runtime.Context)
                Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {com.amazonaws.services.lambda.runtime.Context.class}, (p, method, args) ->
                                method.getName().equals("getRemainingTimeInMillis") ? 5_000 : method.invoke(real, args));
        SQSBatchResponse r = worker(ledger).handleRequest(event(started()), almostOut);

        assertThat(r.getBatchItemFailures()).isEmpty();
        assertThat(queue.waiting()).singleElement().satisfies(next -> {
            assertThat(next.part()).isZero();
            assertThat(next.runAt()).isEqualTo(RUN);
            assertThat(next.cursor()).isPresent();
        });
        assertThat(Emf.totals(log.lines())).contains(entry("ExpiryWalksContinued", 1L), entry("LotsExpired", 100L));
        assertThat(log.lines()).anyMatch(l -> l.contains("expiry walk continued") && l.contains("\"wallets\":100"));
    }

    @Test
    void aThrottledStepIsABatchItemFailure_countedAndLogged_andItsClaimStays() {
        seed(5);
        String body = started();
        LedgerStore throttled = (LedgerStore) Proxy.newProxyInstance(LedgerStore.class.getClassLoader(),
                new Class<?>[] {LedgerStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("apply")) {
                        throw new IllegalStateException("ProvisionedThroughputExceeded (test)");
                    }
                    try {
                        return method.invoke(ledger, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        SQSBatchResponse r = worker(throttled).handleRequest(event(body), new TestContext());

        assertThat(r.getBatchItemFailures()).singleElement()
                .satisfies(f -> assertThat(f.getItemIdentifier()).isEqualTo("msg-1"));
        assertThat(Emf.totals(log.lines())).containsOnly(entry("ExpiryWalksFailed", 1L));
        assertThat(log.lines()).anyMatch(l -> l.contains("resumes from its cursor") && l.contains("\"resumed\":false"));
        assertThat(claims.claimOf(shop, 0)).isPresent();
        // The redelivered message resumes: everything is expired once.
        assertThat(worker(ledger).handleRequest(event(body), new TestContext()).getBatchItemFailures()).isEmpty();
        assertThat(ledger.wallet(WalletRef.points(shop, MemberId.of("m4"))).available(RUN)).isZero();
    }

    @Test
    void aMalformedMessageIsDroppedAndLogged_aSupersededOneIsDropped() {
        SQSBatchResponse r = worker(ledger).handleRequest(event("{\"merchantId\":\"shop-1\"}"), new TestContext());
        assertThat(r.getBatchItemFailures()).isEmpty();
        assertThat(log.lines()).anyMatch(l -> l.contains("expiry walk message dropped"));

        String unclaimed = ExpiryWalkCodec.encode(ExpiryWalk.start(shop, 0, RUN));
        assertThat(worker(ledger).handleRequest(event(unclaimed), new TestContext()).getBatchItemFailures()).isEmpty();
        assertThat(log.lines()).anyMatch(l -> l.contains("expiry walk dropped"));
    }

    @Test
    void aReminderWalkMessageWritesTheMarkersOfItsPart_countedAsRemindersDecided_andADuplicateWritesNone() {
        Instant soon = RUN.plus(Duration.ofDays(5));
        for (int i = 0; i < 12; i++) {
            ledger.apply(LedgerCommand.manualAdd(WalletRef.points(shop, MemberId.of("r" + i)), "s" + i, 10,
                    Optional.of(soon), "promo", Actor.SYSTEM, RUN.minus(Duration.ofDays(20))));
        }
        ledger.apply(LedgerCommand.manualAdd(WalletRef.points(shop, MemberId.of("far")), "f", 10,
                Optional.of(RUN.plus(Duration.ofDays(90))), "promo", Actor.SYSTEM, RUN.minus(Duration.ofDays(20))));
        com.memberpoints.domain.inmemory.InMemoryMerchantStore merchants =
                new com.memberpoints.domain.inmemory.InMemoryMerchantStore();
        merchants.save(new com.memberpoints.domain.merchant.Merchant(shop, "Tea & Co",
                java.util.Currency.getInstance("TWD"), java.time.ZoneId.of("Asia/Taipei"), java.util.Locale.ENGLISH,
                java.util.Set.of(), true, true, java.util.Set.of()));
        Optional<com.memberpoints.domain.settings.MerchantSettings> on = Optional.of(
                com.memberpoints.domain.settings.MerchantSettings.defaults().withExpiryReminders(
                        new com.memberpoints.domain.settings.ExpiryReminders(true, 14, true, false)));
        com.memberpoints.domain.settings.SettingsStore settings = (com.memberpoints.domain.settings.SettingsStore)
                Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {com.memberpoints.domain.settings.SettingsStore.class}, (p, method, args) ->
                                method.isDefault() ? java.lang.reflect.InvocationHandler.invokeDefault(p, method, args)
                                        : on); // a port answering the reminder settings (handler tests mock ports)
        com.memberpoints.domain.inmemory.InMemoryExpiryReminderStore markers =
                new com.memberpoints.domain.inmemory.InMemoryExpiryReminderStore();
        ExpirySweepWorkerHandler worker = new ExpirySweepWorkerHandler(new ExpiryWalker(ledger, queue, claims,
                () -> RUN, new com.memberpoints.domain.notify.ExpiryReminderPass(merchants, settings, ledger, markers)),
                log.logger());
        new ExpiryFanOut(ledger, queue, claims, Duration.ofHours(3)).start(ExpiryWalk.Kind.REMIND, shop, RUN);
        String body = ExpiryWalkCodec.encode(queue.poll().orElseThrow());
        assertThat(body).contains("\"kind\":\"remind\"");

        assertThat(worker.handleRequest(event(body), new TestContext()).getBatchItemFailures()).isEmpty();

        assertThat(markers.all()).hasSize(12).allMatch(r -> r.expiresAt().equals(soon) && r.decidedAt().equals(RUN));
        assertThat(Emf.totals(log.lines())).contains(entry("ExpiryWalksFinished", 1L), entry("RemindersDecided", 12L))
                .doesNotContainKey("LotsExpired");
        assertThat(log.lines()).anyMatch(l -> l.contains("expiry walk finished") && l.contains("\"kind\":\"remind\"")
                && l.contains("\"remindersDecided\":12"));
        assertThat(claims.claimOf(shop, ExpiryWalk.claimSlot(ExpiryWalk.Kind.REMIND, 0))).isEmpty();
        // SQS delivers it again (at least once): the walk is no longer claimed, nothing more is written.
        assertThat(worker.handleRequest(event(body), new TestContext()).getBatchItemFailures()).isEmpty();
        assertThat(markers.all()).hasSize(12);
        assertThat(log.lines()).anyMatch(l -> l.contains("expiry walk dropped"));
    }
}
