package com.memberpoints.infra.dynamodb;

import static com.memberpoints.infra.dynamodb.LedgerTable.PK;
import static com.memberpoints.infra.dynamodb.LedgerTable.SK;
import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryLiabilityCounters;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LotChange;
import com.memberpoints.domain.ledger.OperationId;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.liability.CutOffs;
import com.memberpoints.domain.liability.LiabilityTally;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.infra.testing.DynamoDbLocal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link DynamoDbLiabilityCounters#tally} on DynamoDB Local answers what the per-window reads it replaced answered:
 * random entries (both wallet kinds, debits, expiry seconds close together, never-expiring lots, another merchant)
 * over every shard; for random cut-offs (on, next to and inside bucket seconds) the one-pass tally equals the former
 * reads — {@code expiringUpTo(c)}: per shard a {@code Query} from the wallet's first bucket to {@code c}'s;
 * {@code expiring(a, b)}: from the bucket after {@code a}'s second to {@code b}'s, nothing unless {@code b} is after
 * {@code a} — made here as those raw queries ({@link #oldWindow}), and equals the in-memory counters' tally.
 */
class LiabilityTallyIT {
    static final Instant BASE = Instant.parse("2026-11-22T08:00:00Z");

    private static String table;
    private static DynamoDbClient client;

    @BeforeContainer
    static void createTable() {
        DynamoDbLocal local = DynamoDbLocal.shared();
        table = local.createLedgerTable();
        client = local.client();
    }

    record Entry(boolean other, boolean debit, boolean credits, int member, List<Optional<Long>> expiries,
                 long amount) {}

    @Provide
    Arbitrary<List<Entry>> entries() {
        Arbitrary<Optional<Long>> expiry = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Optional.<Long>empty())),
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(-3, 60).map(Optional::of)));
        return Combinators.combine(Arbitraries.integers().between(0, 6).map(i -> i == 0),
                        Arbitraries.integers().between(0, 3).map(i -> i == 0), Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 300), expiry.list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.longs().between(1, 900))
                .as(Entry::new).list().ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<Instant>> cutOffs() {
        return Combinators.combine(Arbitraries.longs().between(-5, 65),
                        Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1, 999_999_999)))
                .as((s, n) -> BASE.plusSeconds(s).plusNanos(n))
                .list().ofMinSize(1).ofMaxSize(4).map(l -> l.stream().sorted().toList());
    }

    @Property(tries = 20)
    void aTallyOnDynamoDbEqualsThePerWindowQueriesItReplacedAndTheInMemoryCounters(
            @ForAll("entries") List<Entry> entries, @ForAll("cutOffs") List<Instant> cuts) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        MerchantId shop = MerchantId.of("t-" + run);
        MerchantId other = MerchantId.of("u-" + run);
        DynamoDbLiabilityCounters counters = new DynamoDbLiabilityCounters(client, table);
        InMemoryLiabilityCounters reference = new InMemoryLiabilityCounters();
        List<JournalEntry> journal = new ArrayList<>();
        int n = 0;
        for (Entry e : entries) {
            n++;
            List<LotChange> lots = new ArrayList<>();
            long delta = 0;
            for (Optional<Long> at : e.expiries()) {
                long amount = e.debit() ? -e.amount() : e.amount();
                lots.add(new LotChange(at.map(BASE::plusSeconds), amount));
                delta += amount;
            }
            journal.add(new JournalEntry(new OperationId("op-" + n), new WalletRef(e.other() ? other : shop,
                    MemberId.of("m" + e.member()), e.credits() ? Wallet.CREDITS : Wallet.POINTS),
                    e.debit() ? EntryKind.ADJUST_DEDUCT : EntryKind.EARN, delta, lots, "", Actor.SYSTEM,
                    Optional.empty(), BASE, 0, n, "d" + n));
        }
        counters.recordAll(journal);
        journal.forEach(reference::record);

        CutOffs cutOffs = new CutOffs(cuts);
        LiabilityTally tally = counters.tally(shop, cutOffs);
        assertThat(tally).isEqualTo(reference.tally(shop, cutOffs));
        for (Wallet w : Wallet.values()) {
            for (int i = 0; i < cuts.size(); i++) {
                Instant upTo = cuts.get(i);
                assertThat(tally.upTo(w, upTo)).as(w + " up to " + upTo)
                        .isEqualTo(oldWindow(shop, w, DynamoDbLiabilityCounters.bucketPrefix(w), upTo));
                if (i > 0) {
                    Instant after = cuts.get(i - 1);
                    long old = !upTo.isAfter(after) || upTo.getEpochSecond() == after.getEpochSecond() ? 0
                            : oldWindow(shop, w, DynamoDbLiabilityCounters.bucketSortKey(w,
                                    Instant.ofEpochSecond(after.getEpochSecond() + 1)), upTo);
                    assertThat(tally.between(w, after, upTo)).as(w + " in (" + after + ", " + upTo + "]")
                            .isEqualTo(old);
                }
            }
        }
    }

    /**
     * The former read of one window: per shard one consistent {@code Query} of the sort keys from {@code from} to the
     * bucket of {@code upTo}'s second, summed. (Within one second the former read asked DynamoDB for an empty
     * {@code BETWEEN}, which it refuses; the caller answers 0 for that case, as {@code (after, upTo]} holds no
     * bucket second then.)
     */
    static long oldWindow(MerchantId shop, Wallet w, String from, Instant upTo) {
        long sum = 0;
        for (int shard = 0; shard < DynamoDbLiabilityCounters.SHARDS; shard++) {
            for (Map<String, AttributeValue> item : client.queryPaginator(QueryRequest.builder().tableName(table)
                    .consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                    .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                    .expressionAttributeValues(Map.of(
                            ":pk", AttributeValue.fromS(DynamoDbLiabilityCounters.partition(shop, shard)),
                            ":from", AttributeValue.fromS(from),
                            ":to", AttributeValue.fromS(DynamoDbLiabilityCounters.bucketSortKey(w, upTo))))
                    .build()).items()) {
                sum += Long.parseLong(item.get(DynamoDbLiabilityCounters.AMOUNT).n());
            }
        }
        return sum;
    }
}
