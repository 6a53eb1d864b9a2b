package com.memberpoints.functions.events;

import static com.memberpoints.functions.events.HandlerHarness.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.memberpoints.domain.bulk.BulkAssignments;
import com.memberpoints.domain.bulk.BulkJobStore;
import com.memberpoints.domain.inmemory.InMemoryBulkJobQueue;
import com.memberpoints.domain.inmemory.InMemoryDeliveryStore;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.inmemory.InMemoryLiabilityCounters;
import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemorySettingsStore;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.notify.DeliveryResult;
import com.memberpoints.domain.notify.NotificationDispatcher;
import com.memberpoints.domain.notify.RateLimiter;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.functions.platform.CapturedLog;
import com.memberpoints.functions.platform.TestContext;
import com.memberpoints.functions.platform.log.Emf;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The business metrics of real flows, read back from the log lines as Embedded Metric Format documents (each line
 * validated against the EMF structure by {@link Emf}): one EMF line per invocation, with the values of the flow.
 */
class BusinessMetricsTest {
    private final CapturedLog log = new CapturedLog();

    @Test
    void journalEntriesOfTheStreamCountPointsEarnedAndAdjustedOnceEach() {
        // The sample: an order's points assigned (EARN 120), a staff deduction of 20 and an addition of 30.
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/dynamodb-stream-journal.json");
        LiabilityStreamHandler handler = new LiabilityStreamHandler(new InMemoryLiabilityCounters(), log.logger());
        handler.handleRequest(event, new TestContext());

        assertThat(Emf.documents(log.lines())).hasSize(1);
        assertThat(Emf.totals(log.lines())).containsOnly(entry("PointsEarned", 120L), entry("PointsAdjusted", 50L));

        log.lines().clear();
        handler.handleRequest(event, new TestContext()); // redelivered: counted already, no metric again
        assertThat(Emf.documents(log.lines())).isEmpty();
    }

    @Test
    void aSweepRunCountsTheWalletsWhoseLotsItExpiredAndItsCompletion() {
        // LotsExpired counts expiry entries: one per wallet, covering all of its due lots (two here for alice).
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(3), null);
        WalletRef points = WalletRef.points(h.shop, h.alice);
        Instant endOf2021 = local(2021, 12, 31, 23, 59).plusSeconds(59);
        h.ledger.apply(LedgerCommand.manualAdd(points, "seed-1", 70, Optional.of(endOf2021), "seed", Actor.SYSTEM, h.now));
        WalletRef bob = WalletRef.points(h.shop, MemberId.of("m-43"));
        h.ledger.apply(LedgerCommand.manualAdd(points, "seed-2", 5, Optional.of(endOf2021), "seed", Actor.SYSTEM, h.now));
        h.ledger.apply(LedgerCommand.manualAdd(bob, "seed-3", 9, Optional.of(endOf2021), "seed", Actor.SYSTEM, h.now));
        h.at(2022, 1, 1, 0, 5);
        h.log.lines().clear();

        h.sweep.handleRequest(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), new TestContext());

        assertThat(Emf.documents(h.log.lines())).hasSize(1);
        assertThat(Emf.totals(h.log.lines())).containsOnly(entry("LotsExpired", 2L), entry("SweepRunsCompleted", 1L),
                entry("ExpiryWalksStarted", 0L), entry("ReminderWalksStarted", 0L), entry("RemindersDecided", 0L),
                entry("ExpiryLeftToWalks", 0L), entry("RemindersLeftToWalks", 0L));
    }

    @Test
    void notificationsCountSentFailedAndTheSmsParts() {
        InMemoryMerchantStore merchants = new InMemoryMerchantStore();
        InMemoryMemberStore members = new InMemoryMemberStore();
        merchants.save(new Merchant(MerchantId.of("shop-1"), "Tea & Co", Currency.getInstance("TWD"),
                ZoneId.of("Asia/Taipei"), Locale.ENGLISH, Set.of(), true, true, Set.of()));
        members.upsert(new MemberProfile(MerchantId.of("shop-1"), MemberId.of("amy"), Optional.of("Amy"),
                Optional.of("amy@example.com"), Optional.of("+886912345678"), Optional.empty(), Optional.empty(),
                Instant.parse("2021-01-01T00:00:00Z")));
        AtomicInteger emails = new AtomicInteger();
        AtomicInteger texts = new AtomicInteger();
        RateLimiter unlimited = new RateLimiter(1e9, 1_000_000, System::nanoTime, n -> { });
        NotificationDispatcherHandler handler = new NotificationDispatcherHandler(new NotificationDispatcher(merchants,
                members, new InMemoryLedgerStore(), new InMemoryDeliveryStore(),
                m -> {
                    emails.incrementAndGet();
                    return new DeliveryResult.PermanentFailure("address rejected");
                },
                m -> {
                    texts.incrementAndGet();
                    return new DeliveryResult.Sent("s-" + texts.get());
                }, unlimited, unlimited, Instant::now, NotificationDispatcher.Settings.DEFAULT), log.logger());

        handler.handleRequest(EventLoader.loadDynamoDbEvent("events/dynamodb-stream-journal.json"), new TestContext());

        assertThat(emails.get()).isPositive();
        assertThat(texts.get()).isPositive();
        assertThat(Emf.documents(log.lines())).hasSize(1);
        var totals = Emf.totals(log.lines());
        assertThat(totals).containsEntry("NotificationsFailed", (long) emails.get())
                .containsEntry("NotificationsSent", (long) texts.get())
                .containsEntry("NotificationsUnconfirmed", 0L);
        assertThat(totals.get("SmsParts")).isGreaterThanOrEqualTo(texts.get());
    }

    @Test
    void aFailedBulkChunkIsCountedAndStillRedelivered() {
        BulkJobStore broken = (BulkJobStore) Proxy.newProxyInstance(BulkJobStore.class.getClassLoader(),
                new Class<?>[] {BulkJobStore.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("table unavailable");
                });
        BulkAssignments service = new BulkAssignments(new InMemoryLedgerStore(), new InMemoryMemberStore(),
                new InMemoryMerchantStore(), new InMemorySettingsStore(), broken, new InMemoryBulkJobQueue(),
                Instant::now, () -> "id");
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-1");
        message.setBody("{\"merchantId\":\"shop-1\",\"jobId\":\"job-1\",\"chunk\":0}");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));

        var response = new BulkAssignmentWorkerHandler(service, log.logger()).handleRequest(event, new TestContext());

        assertThat(response.getBatchItemFailures()).hasSize(1);
        assertThat(Emf.totals(log.lines())).containsOnly(entry("BulkChunksFailed", 1L));
    }
}
