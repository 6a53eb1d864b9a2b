package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LotChange;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.infra.testing.DynamoDbLocal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Issue 15, cheaper liability counting: {@link DynamoDbLiabilityCounters#recordAll} counts a stream batch in few
 * transactions. Property: real journal entries (several merchants, members, wallets and expiry instants, repeats
 * inside the batch) are counted by a consumer that crashes — before a transaction is sent, or after it was written
 * and its answer lost — then the same records are replayed in another grouping (another batch size, one at a time
 * through {@link DynamoDbLiabilityCounters#record}, or in reverse). After the replay every counter equals the sum of
 * the distinct entries: each entry counted exactly once; and every entry was answered "counted" by exactly one call.
 */
class LiabilityBatchCountingIT {
    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    static final List<Optional<Instant>> EXPIRIES = List.of(Optional.empty(),
            Optional.of(Instant.parse("2026-12-31T15:59:59Z")), Optional.of(Instant.parse("2027-06-30T15:59:59Z")),
            Optional.of(Instant.parse("2027-12-31T15:59:59Z")));

    private static DynamoDbLocal local;
    private static String table;
    /** Transactions still allowed before the crash (-1: no crash); {@link #crashAfterWrite}: crash after it ran. */
    private static final AtomicInteger transactionsBeforeCrash = new AtomicInteger(-1);
    private static volatile boolean crashAfterWrite;
    private static DynamoDbClient crashing;
    private static DynamoDbClient healthy;

    @BeforeContainer
    static void createTable() {
        local = DynamoDbLocal.shared();
        table = local.createLedgerTable();
        healthy = local.client();
        crashing = local.clientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (!crashAfterWrite && context.request() instanceof TransactWriteItemsRequest) {
                    crashWhenDue();
                }
            }

            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                if (crashAfterWrite && context.request() instanceof TransactWriteItemsRequest) {
                    crashWhenDue();
                }
            }
        })).build();
    }

    private static void crashWhenDue() {
        if (transactionsBeforeCrash.get() >= 0 && transactionsBeforeCrash.getAndDecrement() == 0) {
            throw SdkClientException.create("consumer crashed (test)");
        }
    }

    record Op(int merchant, int member, boolean credits, int expiry, long amount, boolean debit) {}

    record Case(List<Op> ops, int batch, int crashAt, boolean afterWrite, int replay, int replayBatch) {}

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 5),
                Arbitraries.of(true, false), Arbitraries.integers().between(0, EXPIRIES.size() - 1),
                Arbitraries.longs().between(1, 500), Arbitraries.integers().between(0, 4).map(i -> i == 0))
                .as(Op::new);
        return Combinators.combine(op.list().ofMinSize(1).ofMaxSize(60), Arbitraries.integers().between(1, 120),
                Arbitraries.integers().between(0, 6), Arbitraries.of(true, false), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 40)).as(Case::new);
    }

    @Property(tries = 40)
    void aCrashThenAReplayOfTheSameRecordsCountsEachEntryOnce(@ForAll("cases") Case c) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<MerchantId> shops = List.of(MerchantId.of("a-" + run), MerchantId.of("b-" + run));
        InMemoryLedgerStore ledger = new InMemoryLedgerStore();
        List<JournalEntry> records = new ArrayList<>();
        int n = 0;
        for (Op op : c.ops()) {
            n++;
            WalletRef wallet = op.credits() ? WalletRef.credits(shops.get(op.merchant()), MemberId.of("m" + op.member()))
                    : WalletRef.points(shops.get(op.merchant()), MemberId.of("m" + op.member()));
            LedgerCommand command = op.debit()
                    ? LedgerCommand.manualDeduct(wallet, "d" + n, op.amount(), "test", Actor.staff("bob"), NOW)
                    : LedgerCommand.manualAdd(wallet, "c" + n, op.amount(), EXPIRIES.get(op.expiry()), "test",
                            Actor.staff("bob"), NOW);
            if (ledger.apply(command) instanceof LedgerResult.Applied a) {
                records.add(a.entry());
                if (op.amount() % 3 == 0) {
                    records.add(a.entry()); // the stream delivered this record twice
                }
            }
        }
        if (records.isEmpty()) {
            return;
        }
        // 1. a consumer counting in batches crashes at some transaction (before sending it, or after it was written)
        DynamoDbLiabilityCounters first = new DynamoDbLiabilityCounters(crashing, table);
        List<JournalEntry> countedFirst = new ArrayList<>();
        crashAfterWrite = c.afterWrite();
        transactionsBeforeCrash.set(c.crashAt());
        try {
            for (int from = 0; from < records.size(); from += c.batch()) {
                List<JournalEntry> batch = records.subList(from, Math.min(records.size(), from + c.batch()));
                List<Boolean> answers = first.recordAll(batch);
                for (int i = 0; i < batch.size(); i++) {
                    if (answers.get(i)) {
                        countedFirst.add(batch.get(i));
                    }
                }
            }
        } catch (LiabilityCountersException crashed) {
            // the stream retries: the replay below
        } finally {
            transactionsBeforeCrash.set(-1);
        }
        // 2. the same records replayed, grouped another way
        DynamoDbLiabilityCounters replay = new DynamoDbLiabilityCounters(healthy, table);
        List<JournalEntry> countedReplay = new ArrayList<>();
        List<JournalEntry> again = new ArrayList<>(records);
        if (c.replay() == 2) {
            java.util.Collections.reverse(again);
        }
        for (int from = 0; from < again.size(); from += c.replayBatch()) {
            List<JournalEntry> batch = again.subList(from, Math.min(again.size(), from + c.replayBatch()));
            List<Boolean> answers = c.replay() == 1 ? batch.stream().map(replay::record).toList() : replay.recordAll(batch);
            for (int i = 0; i < batch.size(); i++) {
                if (answers.get(i)) {
                    countedReplay.add(batch.get(i));
                }
            }
        }
        // every distinct entry answered "counted" exactly once over both runs (a crash after the write loses an answer:
        // that entry was counted, its answer never arrived, and the replay answers "counted before")
        Set<JournalEntry> distinct = new HashSet<>(records);
        List<JournalEntry> answeredCounted = new ArrayList<>(countedFirst);
        answeredCounted.addAll(countedReplay);
        assertThat(new HashSet<>(answeredCounted)).hasSameSizeAs(answeredCounted);
        assertThat(distinct).containsAll(answeredCounted);
        if (!c.afterWrite()) {
            assertThat(new HashSet<>(answeredCounted)).isEqualTo(distinct);
        }
        // counters: exactly the sum of the distinct entries
        for (MerchantId shop : shops) {
            for (Wallet w : Wallet.values()) {
                Map<Optional<Instant>, Long> byExpiry = new HashMap<>();
                long total = 0;
                for (JournalEntry e : distinct) {
                    if (e.wallet().merchant().equals(shop) && e.wallet().wallet() == w) {
                        total += e.delta();
                        for (LotChange lot : e.lots()) {
                            byExpiry.merge(lot.expiresAt(), lot.delta(), Long::sum);
                        }
                    }
                }
                assertThat(replay.total(shop, w)).as("total " + shop + " " + w).isEqualTo(total);
                for (Optional<Instant> at : EXPIRIES) {
                    if (at.isPresent()) {
                        assertThat(replay.expiring(shop, w, at.get().minusSeconds(1), at.get()))
                                .as("bucket " + at.get() + " " + shop + " " + w).isEqualTo(byExpiry.getOrDefault(at, 0L));
                    }
                }
            }
        }
    }
}
