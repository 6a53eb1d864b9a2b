package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.ledger.OperationId;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.notify.Channel;
import com.memberpoints.domain.notify.Delivery;
import com.memberpoints.domain.notify.DeliveryKey;
import com.memberpoints.domain.notify.DeliveryStatus;
import com.memberpoints.domain.notify.DeliveryStore;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.InFlightProbe;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Delivery records and SMS usage on the single table in DynamoDB Local. */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbDeliveryStoreIT {

    private static DynamoDbDeliveryStore store;
    private static final YearMonth DEC = YearMonth.of(2021, 12);
    private static final Instant T0 = Instant.parse("2021-12-04T02:00:00Z");
    private final MerchantId shop = MerchantId.of("shop-" + UUID.randomUUID().toString().substring(0, 8));

    @BeforeAll
    static void createTable(DynamoDbLocal local) {
        store = new DynamoDbDeliveryStore(local.client(), local.createLedgerTable());
    }

    private DeliveryKey key(String op, Channel channel) {
        return new DeliveryKey(shop, DEC, MemberId.of("amy"), Wallet.POINTS, new OperationId("O#" + op + "#POINTS#EARN"),
                channel);
    }

    private Delivery sms(DeliveryKey key, int parts) {
        return Delivery.claim(key, "+886912345678", "", "", "Shop: 10 points", parts, T0);
    }

    @Test
    void aThrottledSendGivesItsAttemptBackCountsTheDeferralAndIsReclaimedFromZero() {
        DeliveryKey key = key("o-thr", Channel.EMAIL);
        assertThat(store.claim(Delivery.claim(key, "amy@example.com", "S", "<p>h</p>", "h", 0, T0))).isTrue();
        assertThat(store.markThrottled(key, 2, "wrong attempt", T0, T0.plusSeconds(60))).isFalse();
        assertThat(store.markThrottled(key, 1, "SES TooManyRequestsException (429)", T0, T0.plusSeconds(60))).isTrue();
        Delivery d = store.find(key).orElseThrow();
        assertThat(d.status()).isEqualTo(DeliveryStatus.RETRYING);
        assertThat(d.attempts()).isZero();
        assertThat(d.throttles()).isEqualTo(1);
        assertThat(d.nextAttemptAt()).contains(T0.plusSeconds(60));
        assertThat(store.reclaim(key, 0, T0.plusSeconds(30))).as("not due yet").isFalse();
        assertThat(store.reclaim(key, 0, T0.plusSeconds(60))).isTrue();
        assertThat(store.markThrottled(key, 1, "again", T0.plusSeconds(60), T0.plusSeconds(120))).isTrue();
        assertThat(store.find(key).orElseThrow().throttles()).isEqualTo(2);
        assertThat(store.find(key).orElseThrow().attempts()).isZero();
    }

    @Test
    void aKeyIsClaimedOnceAndReadBackWhole() {
        DeliveryKey key = key("o-1", Channel.EMAIL);
        Delivery claim = Delivery.claim(key, "amy@example.com", "Subject 主旨", "<p>Hi &amp;</p>", "Hi &", 0, T0);
        assertThat(store.claim(claim)).isTrue();
        assertThat(store.claim(claim)).isFalse();
        assertThat(store.find(key)).hasValue(claim);
    }

    @Test
    void concurrentClaimsOfOneKeyHaveExactlyOneWinner() throws Exception {
        DeliveryKey key = key("o-race", Channel.SMS);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> store.claim(sms(key, 1)));
            }
            int winners = 0;
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void markingAnSmsSentAddsItsPartsToTheMonthOnceOnly() {
        DeliveryKey key = key("o-2", Channel.SMS);
        store.claim(sms(key, 3));
        assertThat(store.markSent(key, 1, "m-1", T0, DEC)).isTrue();
        assertThat(store.markSent(key, 1, "m-1", T0, DEC)).isFalse();
        DeliveryKey other = key("o-3", Channel.SMS);
        store.claim(sms(other, 2));
        store.markSent(other, 1, "m-2", T0, DEC);
        assertThat(store.usage(shop, DEC)).satisfies(u -> {
            assertThat(u.parts()).isEqualTo(5);
            assertThat(u.messages()).isEqualTo(2);
        });
        assertThat(store.usage(shop, DEC.plusMonths(1)).parts()).isZero();
        assertThat(store.find(key).orElseThrow().providerMessageId()).hasValue("m-1");
    }

    @Test
    void emailsAreNeverMetered() {
        DeliveryKey key = key("o-4", Channel.EMAIL);
        store.claim(Delivery.claim(key, "amy@example.com", "s", "h", "t", 0, T0));
        assertThat(store.markSent(key, 1, "e-1", T0, DEC)).isTrue();
        assertThat(store.usage(shop, DEC).messages()).isZero();
    }

    @Test
    void aRetryIsReclaimedOnlyWhenDueAndOnlyOnce() {
        DeliveryKey key = key("o-5", Channel.SMS);
        store.claim(sms(key, 1));
        Instant due = T0.plusSeconds(60);
        assertThat(store.markRetrying(key, 1, "throttled", T0, due)).isTrue();
        assertThat(store.markRetrying(key, 1, "again", T0, due)).isFalse();
        assertThat(store.reclaim(key, 1, due.minusMillis(1))).isFalse();
        assertThat(store.reclaim(key, 1, due)).isTrue();
        assertThat(store.reclaim(key, 1, due)).isFalse();
        Delivery d = store.find(key).orElseThrow();
        assertThat(d.status()).isEqualTo(DeliveryStatus.CLAIMED);
        assertThat(d.attempts()).isEqualTo(2);
        assertThat(d.nextAttemptAt()).isEmpty();
        // A sender holding the stale attempt number can no longer record anything.
        assertThat(store.markSent(key, 1, "late", due, DEC)).isFalse();
        assertThat(store.markSent(key, 2, "m-5", due, DEC)).isTrue();
        assertThat(store.usage(shop, DEC).parts()).isEqualTo(1);
    }

    @Test
    void anUnconfirmedSendIsTerminalUnmeteredAndListed() {
        DeliveryKey key = key("o-10", Channel.SMS);
        store.claim(sms(key, 2));
        assertThat(store.markUnconfirmed(key, 2, "stale attempt", T0)).isFalse();
        assertThat(store.markUnconfirmed(key, 1, "SNS SdkClientException: Read timed out", T0)).isTrue();
        assertThat(store.markUnconfirmed(key, 1, "again", T0)).isFalse();
        // Terminal: nothing moves it on, and it is never re-claimed.
        assertThat(store.markSent(key, 1, "late", T0, DEC)).isFalse();
        assertThat(store.markRetrying(key, 1, "x", T0, T0)).isFalse();
        assertThat(store.markFailed(key, 1, "x", T0)).isFalse();
        assertThat(store.reclaim(key, 1, T0.plusSeconds(3600))).isFalse();
        Delivery d = store.find(key).orElseThrow();
        assertThat(d.status()).isEqualTo(DeliveryStatus.UNCONFIRMED);
        assertThat(d.lastError()).hasValue("SNS SdkClientException: Read timed out");
        assertThat(d.nextAttemptAt()).isEmpty();
        assertThat(store.usage(shop, DEC).messages()).isZero();
        assertThat(store.list(shop, key.month(), EnumSet.of(DeliveryStatus.UNCONFIRMED), PageRequest.first(10)).items())
                .containsExactly(d);
    }

    @Test
    void recordsAndUsageAreShardedUsageSumsEveryShardAndListingPagesInOrderAcrossShards(DynamoDbLocal local) {
        String table = local.createLedgerTable();
        DynamoDbDeliveryStore sharded = new DynamoDbDeliveryStore(local.client(), table);
        List<DeliveryKey> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            DeliveryKey k = new DeliveryKey(shop, DEC, MemberId.of("m" + i), Wallet.POINTS,
                    new OperationId("O#o" + i + "#POINTS#EARN"), Channel.SMS);
            keys.add(k);
            assertThat(sharded.claim(sms(k, 1 + i % 3))).isTrue();
            assertThat(sharded.markSent(k, 1, "p" + i, T0, DEC)).isTrue();
            assertThat(sharded.markSent(k, 1, "p" + i, T0, DEC)).as("metered once").isFalse();
        }
        java.util.Map<String, Long> itemsPerPartition = new java.util.TreeMap<>();
        local.client().scanPaginator(r -> r.tableName(table)).items().forEach(item ->
                itemsPerPartition.merge(item.get(LedgerTable.PK).s(), 1L, Long::sum));
        long recordPartitions = itemsPerPartition.keySet().stream()
                .filter(pk -> pk.matches("N#" + shop.value() + "#2021-12#\\d{2}")).count();
        long usagePartitions = itemsPerPartition.keySet().stream()
                .filter(pk -> pk.matches("N#" + shop.value() + "#SMS#\\d{2}")).count();
        // 300 deliveries over 16 shards (P(a shard unused) < 1e-7): every shard takes records and usage
        assertThat(recordPartitions).isEqualTo(DynamoDbDeliveryStore.SHARDS);
        assertThat(usagePartitions).isEqualTo(DynamoDbDeliveryStore.SHARDS);
        long parts = keys.stream().mapToLong(k -> 1 + Long.parseLong(k.member().value().substring(1)) % 3).sum();
        assertThat(sharded.usage(shop, DEC)).satisfies(u -> {
            assertThat(u.parts()).isEqualTo(parts);
            assertThat(u.messages()).isEqualTo(300);
        });

        List<DeliveryKey> listed = new ArrayList<>();
        Page<Delivery> page = sharded.list(shop, DEC, EnumSet.of(DeliveryStatus.SENT), PageRequest.first(40));
        int pages = 1;
        listed.addAll(page.items().stream().map(Delivery::key).toList());
        while (page.nextCursor().isPresent()) {
            page = sharded.list(shop, DEC, EnumSet.of(DeliveryStatus.SENT), PageRequest.after(page.nextCursor().get(), 40));
            listed.addAll(page.items().stream().map(Delivery::key).toList());
            pages++;
        }
        assertThat(pages).isEqualTo(8);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(keys).doesNotHaveDuplicates();
        assertThat(listed.stream().map(DeliveryKey::id).toList()).isSorted();
    }

    @Test
    void aPageReadsTheSixteenShardsAtOnce_andAFailureIsTheStoresOwn(DynamoDbLocal local) {
        String table = local.createLedgerTable();
        // one read after another would wait in the probe for its time-out, shard after shard
        InFlightProbe probe = new InFlightProbe(QueryRequest.class, DynamoDbDeliveryStore.SHARDS);
        try (var client = local.clientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(probe)).build()) {
            DynamoDbDeliveryStore watched = new DynamoDbDeliveryStore(client, table);
            DeliveryKey key = key("o-conc", Channel.EMAIL);
            assertThat(watched.claim(Delivery.claim(key, "amy@example.com", "S", "<p>h</p>", "h", 0, T0))).isTrue();
            assertThat(watched.list(shop, DEC, EnumSet.of(DeliveryStatus.CLAIMED), PageRequest.first(10)).items())
                    .extracting(Delivery::key).containsExactly(key);
        }
        assertThat(probe.operations()).hasSize(DynamoDbDeliveryStore.SHARDS);
        assertThat(probe.most()).as("every shard's read in flight at once").isEqualTo(DynamoDbDeliveryStore.SHARDS);

        DynamoDbDeliveryStore missing = new DynamoDbDeliveryStore(local.client(), "no-such-table");
        assertThatThrownBy(() -> missing.list(shop, DEC, EnumSet.of(DeliveryStatus.SENT), PageRequest.first(10)))
                .isInstanceOf(DeliveryStore.DeliveryStoreException.class)
                .hasCauseInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase("no-such-table"));
    }

    @Test
    void failuresAreRecordedAndListedByStatus() {
        DeliveryKey failed = key("o-6", Channel.EMAIL);
        DeliveryKey retrying = key("o-7", Channel.EMAIL);
        DeliveryKey sent = key("o-8", Channel.EMAIL);
        DeliveryKey lost = key("o-9", Channel.EMAIL);
        for (DeliveryKey k : List.of(failed, retrying, sent, lost)) {
            store.claim(Delivery.claim(k, "amy@example.com", "s", "h", "t", 0, T0));
        }
        store.markFailed(failed, 1, "SES MessageRejected " + "x".repeat(900), T0);
        store.markRetrying(retrying, 1, "SES Throttling", T0, T0.plusSeconds(60));
        store.markSent(sent, 1, "ok", T0, DEC);

        List<Delivery> attention = store.list(shop, DEC,
                EnumSet.of(DeliveryStatus.FAILED_PERMANENT, DeliveryStatus.RETRYING, DeliveryStatus.CLAIMED), PageRequest.first(10)).items();
        assertThat(attention).extracting(Delivery::key).containsExactlyInAnyOrder(failed, retrying, lost);
        assertThat(attention).filteredOn(d -> d.key().equals(failed)).singleElement()
                .satisfies(d -> assertThat(d.lastError().orElseThrow()).startsWith("SES MessageRejected").hasSize(500));
        assertThat(store.list(shop, DEC, EnumSet.of(DeliveryStatus.SENT), PageRequest.first(10)).items()).extracting(Delivery::key)
                .containsExactly(sent);
        Page<Delivery> first = store.list(shop, DEC, EnumSet.allOf(DeliveryStatus.class), PageRequest.first(3));
        assertThat(first.items()).hasSize(3);
        Page<Delivery> second = store.list(shop, DEC, EnumSet.allOf(DeliveryStatus.class),
                PageRequest.after(first.nextCursor().orElseThrow(), 3));
        assertThat(second.items()).hasSize(1);
        assertThat(second.nextCursor()).isEmpty();
        List<DeliveryKey> all = new ArrayList<>();
        first.items().forEach(d -> all.add(d.key()));
        second.items().forEach(d -> all.add(d.key()));
        assertThat(all).containsExactlyInAnyOrder(failed, retrying, sent, lost);
        assertThatThrownBy(() -> store.list(shop, DEC, EnumSet.allOf(DeliveryStatus.class),
                PageRequest.after("nonsense", 3))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void storeFailuresAreTypedExceptions(DynamoDbLocal local) {
        DynamoDbDeliveryStore missing = new DynamoDbDeliveryStore(local.client(), "no-such-table");
        assertThatThrownBy(() -> missing.claim(sms(key("o-x", Channel.SMS), 1)))
                .isInstanceOf(DeliveryStore.DeliveryStoreException.class);
        assertThatThrownBy(() -> missing.usage(shop, DEC)).isInstanceOf(DeliveryStore.DeliveryStoreException.class);
    }
}
