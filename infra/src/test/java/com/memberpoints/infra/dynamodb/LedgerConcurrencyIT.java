package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.Lot;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Many concurrent debits on one balance: exactly the ones the balance covers succeed, nothing overdraws. */
@ExtendWith(DynamoDbLocalExtension.class)
class LedgerConcurrencyIT {
    static final int THREADS = 50;
    static final Instant T0 = Instant.parse("2021-03-01T00:00:00Z");
    static final Optional<Instant> END_2021 = Optional.of(Instant.parse("2021-12-31T15:59:59Z"));
    static final Optional<Instant> END_2022 = Optional.of(Instant.parse("2022-12-31T15:59:59Z"));

    private static DynamoDbLedgerStore store;
    /**
     * Same table, more attempts. With the standard 25 attempts, the 50 redeemers are always enough:
     * a thread only loses a round to another thread's success and only 14 can succeed. In the mixed
     * test up to 40 writes succeed, so a (very unlucky) thread could need more than 25 attempts.
     */
    private static DynamoDbLedgerStore patient;

    final MerchantId shop = MerchantId.of("shop-" + UUID.randomUUID());
    final MemberId ann = MemberId.of("ann");
    final WalletRef points = WalletRef.points(shop, ann);

    @BeforeAll
    static void createTable(DynamoDbLocal local) {
        String table = local.createLedgerTable();
        store = new DynamoDbLedgerStore(local.client(), table);
        patient = new DynamoDbLedgerStore(local.client(), table,
                new RetryPolicy(60, java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(250)));
    }

    @Test
    void fiftyConcurrentRedemptionsOfTheSameAmountNeverOverdraw() throws Exception {
        long balance = 1_000;
        long amount = 70;
        store.apply(LedgerCommand.earn(shop, ann, OrderId.of("e-1"), 400, END_2021, T0));
        store.apply(LedgerCommand.earn(shop, ann, OrderId.of("e-2"), 500, END_2022, T0));
        store.apply(LedgerCommand.manualAdd(points, "r-1", 100, Optional.empty(), "gift", Actor.staff("bob"), T0));

        List<LedgerResult> results = runConcurrently(THREADS, i ->
                () -> store.apply(LedgerCommand.redeem(points, OrderId.of("buy-" + i), amount, true, T0)));

        Map<Class<?>, Long> byType = results.stream().collect(Collectors.groupingBy(Object::getClass, Collectors.counting()));
        long expectedSuccesses = balance / amount; // 14
        assertThat(byType.get(LedgerResult.Applied.class)).isEqualTo(expectedSuccesses);
        assertThat(byType.get(LedgerResult.InsufficientBalance.class)).isEqualTo(THREADS - expectedSuccesses);
        assertThat(byType).containsOnlyKeys(LedgerResult.Applied.class, LedgerResult.InsufficientBalance.class);
        results.stream().filter(r -> r instanceof LedgerResult.InsufficientBalance).forEach(r ->
                assertThat(((LedgerResult.InsufficientBalance) r).available()).isLessThan(amount));

        long left = balance - expectedSuccesses * amount;
        assertThat(store.wallet(points).balance()).isEqualTo(left);
        // Soonest-expiring first, never-expiring last, even under contention.
        assertThat(store.wallet(points).lots().asList()).containsExactly(new Lot(Optional.empty(), left));
        List<JournalEntry> journal = LedgerTwin.allHistory(store, points);
        assertThat(journal).hasSize(3 + (int) expectedSuccesses);
        assertThat(journal.stream().mapToLong(JournalEntry::delta).sum()).isEqualTo(left);
        assertThat(journal).allSatisfy(e -> assertThat(e.balanceAfter()).isNotNegative());
        // Sequences are dense: every applied entry got its own version.
        assertThat(journal.stream().map(JournalEntry::sequence).sorted().toList())
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, journal.size()).boxed().toList());
    }

    @Test
    void concurrentDeductionsAndEarningsKeepTheArithmetic() throws Exception {
        store.apply(LedgerCommand.earn(shop, ann, OrderId.of("e-0"), 300, END_2022, T0));
        List<LedgerResult> results = runConcurrently(40, i -> i % 2 == 0
                ? () -> patient.apply(LedgerCommand.manualDeduct(points, "d-" + i, 35, "correction", Actor.staff("bob"), T0))
                : () -> patient.apply(LedgerCommand.earn(shop, ann, OrderId.of("e-" + i), 10, END_2021, T0)));
        long earned = results.stream().filter(r -> r instanceof LedgerResult.Applied a && a.entry().kind() == EntryKind.EARN).count();
        long deducted = results.stream().filter(r -> r instanceof LedgerResult.Applied a && a.entry().kind() == EntryKind.ADJUST_DEDUCT).count();
        assertThat(earned).isEqualTo(20);
        assertThat(300 + earned * 10).isGreaterThanOrEqualTo(deducted * 35);
        assertThat(store.wallet(points).balance()).isEqualTo(300 + earned * 10 - deducted * 35);
        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOfAny(LedgerResult.Applied.class,
                LedgerResult.InsufficientBalance.class));
    }

    static List<LedgerResult> runConcurrently(int threads, Function<Integer, Callable<LedgerResult>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<LedgerResult>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<LedgerResult> body = task.apply(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return body.call();
                }));
            }
            go.countDown();
            List<LedgerResult> results = new ArrayList<>();
            for (Future<LedgerResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
