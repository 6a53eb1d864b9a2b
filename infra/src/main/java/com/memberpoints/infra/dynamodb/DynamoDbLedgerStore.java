package com.memberpoints.infra.dynamodb;

import static com.memberpoints.infra.dynamodb.LedgerItemMapper.s;
import static com.memberpoints.infra.dynamodb.LedgerTable.EXPIRY_PK;
import static com.memberpoints.infra.dynamodb.LedgerTable.EXPIRY_SK;
import static com.memberpoints.infra.dynamodb.LedgerTable.HISTORY_SK;
import static com.memberpoints.infra.dynamodb.LedgerTable.HOLDS_PK;
import static com.memberpoints.infra.dynamodb.LedgerTable.HOLDS_SK;
import static com.memberpoints.infra.dynamodb.LedgerTable.PK;
import static com.memberpoints.infra.dynamodb.LedgerTable.SK;

import com.memberpoints.domain.ledger.ExpiringLot;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerContentionException;
import com.memberpoints.domain.ledger.LedgerStoreException;
import com.memberpoints.domain.ledger.LedgerDecision;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.MemberWallets;
import com.memberpoints.domain.ledger.OperationId;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.ledger.RedemptionHold;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.ledger.WalletState;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link LedgerStore} on one DynamoDB table (see {@link LedgerTable}), with the low-level client.
 *
 * <p>Every mutation: one strongly consistent read of the balance item (plus, for a revert, the
 * redemption's journal item), the pure {@link LedgerDecision}, then ONE {@code TransactWriteItems}:
 * <ol>
 *   <li>put of the balance item, conditioned on the version read (optimistic concurrency);</li>
 *   <li>put of the journal item keyed by the operation id, conditioned on its absence (the permanent
 *       idempotency guard; no TTL);</li>
 *   <li>for redemptions only: put or delete of the hold item.</li>
 * </ol>
 * A failed journal condition means the operation was applied before: the stored entry is returned
 * as a duplicate (or a conflict if its content differs). A failed version condition means someone
 * else wrote the wallet in between: read again and retry, bounded by the {@link RetryPolicy}.
 */
public final class DynamoDbLedgerStore implements LedgerStore {

    private static final int BALANCE = 0;
    private static final int JOURNAL = 1;
    private static final int HOLD = 2;

    private final DynamoDbClient dynamo;
    private final String table;
    private final RetryPolicy retry;

    public DynamoDbLedgerStore(DynamoDbClient dynamo, String tableName, RetryPolicy retry) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(tableName, "tableName");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    public DynamoDbLedgerStore(DynamoDbClient dynamo, String tableName) {
        this(dynamo, tableName, RetryPolicy.standard());
    }

    // ================================================================== writes

    @Override
    public LedgerResult apply(LedgerCommand command) {
        WalletRef ref = command.wallet();
        Throttled lastThrottle = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            try {
                Optional<LedgerResult> outcome = attempt(command, ref);
                if (outcome.isPresent()) {
                    return outcome.get();
                }
                lastThrottle = null;
            } catch (Throttled t) {
                lastThrottle = t; // refused for rate or capacity: nothing written, back off and try again
            }
            if (attempt < retry.maxAttempts()) {
                retry.pause(attempt);
            }
        }
        if (lastThrottle != null) {
            throw new LedgerContentionException("DynamoDB kept throttling wallet " + ref + " during "
                    + retry.maxAttempts() + " attempts; nothing applied for " + command.kind(), lastThrottle.getCause());
        }
        throw new LedgerContentionException("wallet " + ref + " kept changing during " + retry.maxAttempts()
                + " attempts; nothing applied for " + command.kind());
    }

    /** One read-decide-write round: empty when the wallet changed in between; {@link Throttled} when throttled. */
    private Optional<LedgerResult> attempt(LedgerCommand command, WalletRef ref) {
        WalletState state = readWallet(ref);
        Optional<JournalEntry> redemption = command instanceof LedgerCommand.RevertRedemption r
                ? readJournal(ref.merchant(), ref.member(), r.redemptionId())
                : Optional.empty();
        OperationId id = command.operationId(state);
        LedgerDecision decision = LedgerDecision.decide(command, state, redemption);
        if (decision instanceof LedgerDecision.Refuse refuse) {
            // A refusal may hide a repeat of an operation applied when the state allowed it.
            return Optional.of(readJournal(ref.merchant(), ref.member(), id)
                    .map(stored -> LedgerDecision.repeatOf(stored, command))
                    .orElse(refuse.result()));
        }
        return tryWrite(command, state, (LedgerDecision.Write) decision);
    }

    /** A throttled DynamoDB call inside {@link #apply}: caught there and retried. */
    private static final class Throttled extends RuntimeException {
        Throttled(SdkException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** The SDK failure as this store reports it: {@link Throttled} (retried by apply) or a {@link DynamoDbLedgerException}. */
    private static RuntimeException failure(String message, SdkException e) {
        return DynamoDbThrottling.isThrottling(e) ? new Throttled(e) : new DynamoDbLedgerException(message, e);
    }

    /** Empty when the wallet changed since it was read (retry). */
    private Optional<LedgerResult> tryWrite(LedgerCommand command, WalletState read, LedgerDecision.Write write) {
        List<TransactWriteItem> items = new ArrayList<>(3);
        Put.Builder balance = Put.builder().tableName(table).item(LedgerItemMapper.balanceItem(write.next()));
        if (read.version() == 0) {
            balance.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK));
        } else {
            balance.conditionExpression("#v = :v")
                    .expressionAttributeNames(Map.of("#v", LedgerItemMapper.VERSION))
                    .expressionAttributeValues(Map.of(":v", LedgerItemMapper.n(read.version())));
        }
        items.add(TransactWriteItem.builder().put(balance.build()).build());
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(LedgerItemMapper.journalItem(write.entry()))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PK))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build());
        JournalEntry entry = write.entry();
        switch (write.hold()) {
            case PLACE -> items.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(LedgerItemMapper.holdItem(new RedemptionHold(entry.wallet(), entry.order().orElseThrow(), command.at())))
                    .build()).build());
            case RELEASE_IF_PRESENT -> items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(holdKey(entry.wallet(), entry.order().orElseThrow())).build()).build());
            case RELEASE_REQUIRED -> items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(holdKey(entry.wallet(), entry.order().orElseThrow()))
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK)).build()).build());
            case NONE -> { }
        }
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(items).build());
            return Optional.of(new LedgerResult.Applied(entry));
        } catch (TransactionCanceledException e) {
            if (DynamoDbThrottling.isThrottling(e)) {
                throw new Throttled(e);
            }
            return onCancelled(command, entry, e);
        } catch (SdkException e) {
            throw failure("ledger write failed for " + entry.wallet() + " " + entry.operationId(), e);
        }
    }

    private Optional<LedgerResult> onCancelled(LedgerCommand command, JournalEntry entry, TransactionCanceledException e) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        if (reasons.size() > JOURNAL && isConditionFailure(reasons.get(JOURNAL))) {
            // Applied before (possibly by a concurrent delivery of the same operation).
            Map<String, AttributeValue> old = reasons.get(JOURNAL).item();
            JournalEntry stored = old != null && !old.isEmpty()
                    ? LedgerItemMapper.journalEntry(old)
                    : readJournal(entry.wallet().merchant(), entry.wallet().member(), entry.operationId())
                            .orElseThrow(() -> new DynamoDbLedgerException("journal condition failed but no entry "
                                    + entry.operationId()));
            return Optional.of(LedgerDecision.repeatOf(stored, command));
        }
        boolean versionConflict = reasons.size() > BALANCE && isConditionFailure(reasons.get(BALANCE));
        boolean transactionConflict = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
        if (versionConflict || transactionConflict) {
            return Optional.empty();
        }
        if (reasons.size() > HOLD && isConditionFailure(reasons.get(HOLD))) {
            return Optional.of(new LedgerResult.NotApplicable("redemption of order " + entry.order().orElseThrow()
                    + " is no longer held"));
        }
        throw new DynamoDbLedgerException("ledger transaction cancelled for " + entry.operationId() + ": "
                + reasons.stream().map(CancellationReason::code).toList(), e);
    }

    private static boolean isConditionFailure(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }

    @Override
    public HoldConfirmation confirmHold(WalletRef wallet, OrderId order) {
        try {
            dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(holdKey(wallet, order))
                    .conditionExpression("attribute_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK)).build());
            return HoldConfirmation.CONFIRMED;
        } catch (ConditionalCheckFailedException e) {
            return HoldConfirmation.NOT_HELD;
        } catch (SdkException e) {
            throw outsideApply("confirming the hold of order " + order + " failed", e);
        }
    }

    // ================================================================== reads

    @Override
    public WalletState wallet(WalletRef ref) {
        try {
            return readWallet(ref);
        } catch (Throttled t) {
            throw new LedgerContentionException("DynamoDB throttled reading wallet " + ref, t.getCause());
        }
    }

    private WalletState readWallet(WalletRef ref) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                    .key(LedgerItemMapper.balanceKey(ref)).consistentRead(true).build()).item();
            return LedgerItemMapper.walletState(ref, item);
        } catch (SdkException e) {
            throw failure("reading wallet " + ref + " failed", e);
        }
    }

    private Optional<JournalEntry> readJournal(MerchantId merchant, MemberId member, OperationId id) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                    .key(LedgerItemMapper.key(LedgerItemMapper.partitionKey(merchant, member), LedgerItemMapper.journalSortKey(id)))
                    .consistentRead(true).build()).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(LedgerItemMapper.journalEntry(item));
        } catch (SdkException e) {
            throw failure("reading journal entry " + id + " failed", e);
        }
    }

    @Override
    public MemberWallets wallets(MerchantId merchant, MemberId member) {
        QueryResponse response = query(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :b)")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", s(LedgerItemMapper.partitionKey(merchant, member)), ":b", s("B#")))
                .build(), "reading the wallets of " + member);
        WalletRef points = WalletRef.points(merchant, member);
        WalletRef credits = WalletRef.credits(merchant, member);
        WalletState p = WalletState.initial(points);
        WalletState c = WalletState.initial(credits);
        for (Map<String, AttributeValue> item : response.items()) {
            String sk = item.get(SK).s();
            if (sk.equals(LedgerItemMapper.balanceSortKey(Wallet.POINTS))) {
                p = LedgerItemMapper.walletState(points, item);
            } else if (sk.equals(LedgerItemMapper.balanceSortKey(Wallet.CREDITS))) {
                c = LedgerItemMapper.walletState(credits, item);
            }
        }
        return new MemberWallets(p, c);
    }

    @Override
    public Page<JournalEntry> history(WalletRef ref, PageRequest page) {
        String pk = LedgerItemMapper.partitionKey(ref.merchant(), ref.member());
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(LedgerTable.HISTORY_INDEX)
                .keyConditionExpression("#pk = :pk AND begins_with(#h, :w)")
                .expressionAttributeNames(Map.of("#pk", PK, "#h", HISTORY_SK))
                .expressionAttributeValues(Map.of(":pk", s(pk), ":w", s(ref.wallet() + "#")))
                .scanIndexForward(false)
                .consistentRead(true) // an LSI can be read consistently: a change is in the history at once
                .limit(page.limit());
        page.cursor().ifPresent(c -> {
            String[] parts = StoreCalls.decodeCursor(c, "h", 2);
            if (!parts[0].startsWith("J#") || !parts[1].startsWith(ref.wallet() + "#")) {
                throw StoreCalls.badCursor();
            }
            q.exclusiveStartKey(Map.of(PK, s(pk), SK, s(parts[0]), HISTORY_SK, s(parts[1])));
        });
        QueryResponse response = query(q.build(), "reading the history of " + ref);
        return new Page<>(response.items().stream().map(LedgerItemMapper::journalEntry).toList(),
                nextCursor(response, "h", k -> List.of(k.get(SK).s(), k.get(HISTORY_SK).s())));
    }

    @Override
    public List<JournalEntry> entriesForOrder(MerchantId merchant, MemberId member, OrderId order) {
        List<JournalEntry> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :o)")
                    .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                    .expressionAttributeValues(Map.of(":pk", s(LedgerItemMapper.partitionKey(merchant, member)),
                            ":o", s(LedgerItemMapper.orderJournalPrefix(order))));
            if (start != null) {
                q.exclusiveStartKey(start);
            }
            QueryResponse response = query(q.build(), "reading the entries of order " + order);
            response.items().forEach(i -> out.add(LedgerItemMapper.journalEntry(i)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /** The expiry index is write-sharded (docs/scale.md change 3): its 16 shards, then the unsharded key (part 16). */
    @Override
    public int expiryParts() {
        return Shards.INDEX_SHARDS + 1;
    }

    @Override
    public Page<ExpiringLot> expiring(MerchantId merchant, Instant fromInclusive, Instant toExclusive, PageRequest page) {
        return expiring(merchant, LedgerItemMapper.expiryParts(merchant), fromInclusive, toExclusive, page);
    }

    @Override
    public Page<ExpiringLot> expiring(MerchantId merchant, int part, Instant fromInclusive, Instant toExclusive,
                                      PageRequest page) {
        if (part < 0 || part >= expiryParts()) {
            throw new IllegalArgumentException("expiry index part out of range: " + part);
        }
        return expiring(merchant, List.of(LedgerItemMapper.expiryParts(merchant).get(part)), fromInclusive,
                toExclusive, page);
    }

    /** Scatter-gather over {@code parts} of the expiry index, merged by its sort key; the cursor is one position. */
    private Page<ExpiringLot> expiring(MerchantId merchant, List<String> parts, Instant fromInclusive,
                                       Instant toExclusive, PageRequest page) {
        long first = fromInclusive.getEpochSecond() + (fromInclusive.getNano() == 0 ? 0 : 1);
        long last = toExclusive.getEpochSecond() - (toExclusive.getNano() == 0 ? 1 : 0);
        if (first < 0) {
            first = 0;
        }
        Optional<ScatterGather.Position> after = page.cursor().map(c -> position(c, "x"));
        if (last < first) {
            return new Page<>(List.of(), Optional.empty());
        }
        Map<String, AttributeValue> range = Map.of(":lo", s(String.format("%012d", first)),
                ":hi", s(String.format("%012d$", last)));
        ScatterGather.Gathered<Map<String, AttributeValue>> gathered = gather("reading lots expiring for " + merchant,
                () -> ScatterGather.query(dynamo, table, EXPIRY, parts, "#s BETWEEN :lo AND :hi", range, after,
                        page.limit()));
        return new Page<>(gathered.entries().stream().map(LedgerItemMapper::expiringFromIndex).toList(),
                gathered.next().map(p -> cursor("x", p)));
    }

    @Override
    public Page<RedemptionHold> staleHolds(MerchantId merchant, Instant heldBefore, PageRequest page) {
        long ms = heldBefore.toEpochMilli() + (heldBefore.getNano() % 1_000_000 == 0 ? 0 : 1);
        Optional<ScatterGather.Position> after = page.cursor().map(c -> position(c, "s"));
        ScatterGather.Gathered<Map<String, AttributeValue>> gathered = gather("reading stale holds of " + merchant,
                () -> ScatterGather.query(dynamo, table, HOLDS, LedgerItemMapper.holdsParts(merchant), "#s < :hi",
                        Map.of(":hi", s(String.format("%015d", ms))), after, page.limit()));
        return new Page<>(gathered.entries().stream().map(LedgerItemMapper::holdFromIndex).toList(),
                gathered.next().map(p -> cursor("s", p)));
    }

    private static final ScatterGather.Index EXPIRY = new ScatterGather.Index(LedgerTable.EXPIRY_INDEX, EXPIRY_PK,
            EXPIRY_SK);
    private static final ScatterGather.Index HOLDS = new ScatterGather.Index(LedgerTable.HOLDS_INDEX, HOLDS_PK,
            HOLDS_SK);

    /** A cursor of the expiry or holds index: one position in its merged order (same format as before sharding). */
    private static String cursor(String tag, ScatterGather.Position p) {
        return StoreCalls.encodeCursor(tag, p.indexSk(), p.pk(), p.sk());
    }

    private static ScatterGather.Position position(String cursor, String tag) {
        String[] parts = StoreCalls.decodeCursor(cursor, tag, 3);
        return new ScatterGather.Position(parts[0], parts[1], parts[2]);
    }

    private static <T> T gather(String what, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (SdkException e) {
            throw outsideApply(what + " failed", e);
        }
    }

    // ================================================================== helpers

    private Map<String, AttributeValue> holdKey(WalletRef wallet, OrderId order) {
        return LedgerItemMapper.key(LedgerItemMapper.partitionKey(wallet.merchant(), wallet.member()),
                LedgerItemMapper.holdSortKey(wallet.wallet(), order));
    }

    private QueryResponse query(QueryRequest request, String what) {
        try {
            return dynamo.query(request);
        } catch (SdkException e) {
            throw outsideApply(what + " failed", e);
        }
    }

    /** A failed call outside {@link #apply} (the SDK already retried it): throttling is a RetryLater, the rest a store failure. */
    private static LedgerStoreException outsideApply(String message, SdkException e) {
        return DynamoDbThrottling.isThrottling(e) ? new LedgerContentionException("throttled: " + message, e)
                : new DynamoDbLedgerException(message, e);
    }

    private static Optional<String> nextCursor(QueryResponse response, String tag,
                                               Function<Map<String, AttributeValue>, List<String>> parts) {
        if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(StoreCalls.encodeCursor(tag, parts.apply(response.lastEvaluatedKey()).toArray(String[]::new)));
    }

    /**
     * The journal entry an item of the table holds (a stream record's NEW_IMAGE), or empty when the item is
     * something else (a balance, a hold, a delivery record...). A journal item that cannot be read throws
     * {@link DynamoDbLedgerException}.
     */
    public static Optional<JournalEntry> journalEntryOf(Map<String, AttributeValue> item) {
        AttributeValue pk = item.get(LedgerTable.PK);
        AttributeValue sk = item.get(LedgerTable.SK);
        if (pk == null || sk == null || pk.s() == null || sk.s() == null
                || !pk.s().startsWith("L#") || !sk.s().startsWith("J#")) {
            return Optional.empty();
        }
        return Optional.of(LedgerItemMapper.journalEntry(item));
    }
}
