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
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
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
        return apply(command, Optional.empty());
    }

    /**
     * Starts from {@code expected} instead of reading the balance item: the transaction's version condition checks
     * it, and when it fails the item DynamoDB returns with the cancellation (ALL_OLD) is the state of the next round
     * — still no read. A refusal is decided on a state read in that round only.
     */
    @Override
    public LedgerResult apply(LedgerCommand command, WalletState expected) {
        if (!expected.ref().equals(command.wallet())) {
            throw new IllegalArgumentException("expected state of " + expected.ref() + " for a command on "
                    + command.wallet());
        }
        return apply(command, Optional.of(expected));
    }

    private LedgerResult apply(LedgerCommand command, Optional<WalletState> expected) {
        WalletRef ref = command.wallet();
        Throttled lastThrottle = null;
        Optional<WalletState> known = expected;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            try {
                Round round = attempt(command, ref, known);
                if (round.result().isPresent()) {
                    return round.result().get();
                }
                known = round.current(); // the wallet moved; when DynamoDB said to what, the next round reads nothing
                lastThrottle = null;
            } catch (Throttled t) {
                lastThrottle = t; // refused for rate or capacity: nothing written, back off and try again
                known = Optional.empty();
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

    /**
     * One round's outcome: the result, or none when the wallet changed in between — with its current state when
     * DynamoDB returned it (the next round needs no read).
     */
    private record Round(Optional<LedgerResult> result, Optional<WalletState> current) {
        static Round of(LedgerResult result) {
            return new Round(Optional.of(result), Optional.empty());
        }
    }

    /** One read-decide-write round ({@code known}: the state to start from, no read); {@link Throttled} when throttled. */
    private Round attempt(LedgerCommand command, WalletRef ref, Optional<WalletState> known) {
        WalletState state = known.orElseGet(() -> readWallet(ref));
        Optional<JournalEntry> redemption = command instanceof LedgerCommand.RevertRedemption r
                ? readJournal(ref.merchant(), ref.member(), r.redemptionId())
                : Optional.empty();
        OperationId id = command.operationId(state);
        LedgerDecision decision = LedgerDecision.decide(command, state, redemption);
        if (decision instanceof LedgerDecision.Refuse refuse) {
            if (known.isPresent()) {
                return attempt(command, ref, Optional.empty()); // refuse only on a state read now
            }
            // A refusal may hide a repeat of an operation applied when the state allowed it.
            return Round.of(readJournal(ref.merchant(), ref.member(), id)
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

    /** No result when the wallet changed since it was read (retry), with its current state if DynamoDB returned it. */
    private Round tryWrite(LedgerCommand command, WalletState read, LedgerDecision.Write write) {
        List<TransactWriteItem> items = writeItems(command, read, write);
        JournalEntry entry = write.entry();
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(items).build());
            return Round.of(new LedgerResult.Applied(entry));
        } catch (TransactionCanceledException e) {
            if (DynamoDbThrottling.isThrottling(e)) {
                throw new Throttled(e);
            }
            return onCancelled(command, entry, e);
        } catch (SdkException e) {
            throw failure("ledger write failed for " + entry.wallet() + " " + entry.operationId(), e);
        }
    }

    /** Commands of one {@link #applyEach} transaction: two items each (balance, journal), 100 at most. */
    static final int COMMANDS_PER_TRANSACTION = 50;

    /**
     * Credits without a hold (a bulk chunk's), up to {@value #COMMANDS_PER_TRANSACTION} in one
     * {@code TransactWriteItems}: each command's balance put (conditioned on the version it was decided on) and
     * journal put (absent: the idempotency guard), all or nothing. When DynamoDB cancels the transaction, its reasons
     * say, per command, whether the journal entry exists (a repeat: answered from the returned entry, as
     * {@link #apply} answers it) or the wallet moved (decided again on the returned balance item); the rest is written
     * again in the next round. Anything else — a command that is not such a credit, a refusal, a wallet named twice,
     * rounds used up — goes through {@link #apply(LedgerCommand, WalletState)} alone. Same write units as one
     * transaction per command (2 per item), far fewer calls.
     */
    @Override
    public List<LedgerResult> applyEach(List<? extends LedgerCommand> commands, Map<WalletRef, WalletState> expected) {
        LedgerResult[] out = new LedgerResult[commands.size()];
        Map<WalletRef, WalletState> known = new java.util.HashMap<>(expected);
        java.util.Set<WalletRef> seen = new java.util.HashSet<>();
        List<Integer> together = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            LedgerCommand c = commands.get(i);
            if (c instanceof LedgerCommand.Credit && seen.add(c.wallet())) {
                together.add(i);
            }
        }
        for (int from = 0; from < together.size(); from += COMMANDS_PER_TRANSACTION) {
            writeTogether(commands, together.subList(from, Math.min(together.size(), from + COMMANDS_PER_TRANSACTION)),
                    known, out);
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                LedgerCommand c = commands.get(i);
                WalletState state = known.get(c.wallet());
                out[i] = state == null ? apply(c) : apply(c, state);
            }
        }
        return List.of(out);
    }

    /** Rounds of one group (as {@link #apply}'s attempts); what is left after them is applied alone. */
    private void writeTogether(List<? extends LedgerCommand> commands, List<Integer> group,
                               Map<WalletRef, WalletState> known, LedgerResult[] out) {
        List<Integer> pending = new ArrayList<>(group);
        java.util.Set<Integer> alone = new java.util.HashSet<>();
        for (int attempt = 1; attempt <= retry.maxAttempts() && pending.size() > 1; attempt++) {
            List<Integer> written = new ArrayList<>();
            List<LedgerDecision.Write> writes = new ArrayList<>();
            List<TransactWriteItem> items = new ArrayList<>();
            for (int i : pending) {
                LedgerCommand c = commands.get(i);
                WalletState state = known.getOrDefault(c.wallet(), WalletState.initial(c.wallet()));
                if (LedgerDecision.decide(c, state, Optional.empty()) instanceof LedgerDecision.Write w
                        && w.hold() == LedgerDecision.HoldEffect.NONE) {
                    written.add(i);
                    writes.add(w);
                    items.addAll(writeItems(c, state, w));
                } // else: left for apply alone (a refusal is never decided on a known state)
            }
            if (written.size() < 2) {
                return; // one or none: apply alone is the same call
            }
            try {
                dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(items).build());
                for (int k = 0; k < written.size(); k++) {
                    out[written.get(k)] = new LedgerResult.Applied(writes.get(k).entry());
                }
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                boolean wait = DynamoDbThrottling.isThrottling(e)
                        || reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
                boolean understood = wait;
                for (int k = 0; k < written.size() && reasons.size() == items.size(); k++) {
                    LedgerCommand c = commands.get(written.get(k));
                    CancellationReason balance = reasons.get(2 * k);
                    CancellationReason journal = reasons.get(2 * k + 1);
                    if (isConditionFailure(journal) && journal.item() != null && !journal.item().isEmpty()) {
                        out[written.get(k)] = LedgerDecision.repeatOf(LedgerItemMapper.journalEntry(journal.item()), c);
                        understood = true;
                    } else if (isConditionFailure(balance) && balance.item() != null && !balance.item().isEmpty()) {
                        known.put(c.wallet(), LedgerItemMapper.walletState(c.wallet(), balance.item()));
                        understood = true;
                    } else if (isConditionFailure(journal) || isConditionFailure(balance)) {
                        known.remove(c.wallet()); // the emulator did not say: apply alone reads it
                        alone.add(written.get(k));
                        understood = true;
                    }
                }
                if (!understood) {
                    throw new DynamoDbLedgerException("bulk ledger transaction cancelled: "
                            + reasons.stream().map(CancellationReason::code).distinct().toList(), e);
                }
                pending = written.stream().filter(i -> out[i] == null && !alone.contains(i)).toList();
                if (wait && attempt < retry.maxAttempts()) {
                    retry.pause(attempt);
                }
            } catch (SdkException e) {
                throw outsideApply("bulk ledger write of " + written.size() + " commands failed", e);
            }
        }
    }

    /** The items of one command's transaction: balance (version condition), journal (absent), hold if any. */
    private List<TransactWriteItem> writeItems(LedgerCommand command, WalletState read, LedgerDecision.Write write) {
        List<TransactWriteItem> items = new ArrayList<>(3);
        Put.Builder balance = Put.builder().tableName(table).item(LedgerItemMapper.balanceItem(write.next()));
        if (read.version() == 0) {
            balance.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK));
        } else {
            balance.conditionExpression("#v = :v")
                    .expressionAttributeNames(Map.of("#v", LedgerItemMapper.VERSION))
                    .expressionAttributeValues(Map.of(":v", LedgerItemMapper.n(read.version())));
        }
        balance.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
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
        return items;
    }

    private Round onCancelled(LedgerCommand command, JournalEntry entry, TransactionCanceledException e) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        if (reasons.size() > JOURNAL && isConditionFailure(reasons.get(JOURNAL))) {
            // Applied before (possibly by a concurrent delivery of the same operation).
            Map<String, AttributeValue> old = reasons.get(JOURNAL).item();
            JournalEntry stored = old != null && !old.isEmpty()
                    ? LedgerItemMapper.journalEntry(old)
                    : readJournal(entry.wallet().merchant(), entry.wallet().member(), entry.operationId())
                            .orElseThrow(() -> new DynamoDbLedgerException("journal condition failed but no entry "
                                    + entry.operationId()));
            return Round.of(LedgerDecision.repeatOf(stored, command));
        }
        boolean versionConflict = reasons.size() > BALANCE && isConditionFailure(reasons.get(BALANCE));
        boolean transactionConflict = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
        Map<String, AttributeValue> now = versionConflict ? reasons.get(BALANCE).item() : null;
        if (now != null && !now.isEmpty() && !transactionConflict) {
            // The balance item as it is now: the next round starts from it (without it, the next round reads).
            return new Round(Optional.empty(), Optional.of(LedgerItemMapper.walletState(command.wallet(), now)));
        }
        if (versionConflict || transactionConflict) {
            return new Round(Optional.empty(), Optional.empty());
        }
        if (reasons.size() > HOLD && isConditionFailure(reasons.get(HOLD))) {
            return Round.of(new LedgerResult.NotApplicable("redemption of order " + entry.order().orElseThrow()
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

    /** Read rounds of a {@code BatchGetItem} before giving up on keys DynamoDB left unprocessed (throttling). */
    private static final int BATCH_READ_ROUNDS = 6;
    /** DynamoDB's {@code BatchGetItem} limit. */
    private static final int BATCH_READ_KEYS = 100;

    /** One strongly consistent {@code BatchGetItem} per 100 wallets (unprocessed keys read again with a back-off). */
    @Override
    public Map<WalletRef, WalletState> walletsOf(List<WalletRef> refs) {
        Map<WalletRef, WalletState> out = new java.util.LinkedHashMap<>();
        Map<Map<String, AttributeValue>, WalletRef> byKey = new java.util.HashMap<>();
        for (WalletRef ref : refs) {
            out.put(ref, WalletState.initial(ref));
            byKey.put(LedgerItemMapper.balanceKey(ref), ref);
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>(byKey.keySet());
        for (int from = 0; from < keys.size(); from += BATCH_READ_KEYS) {
            List<Map<String, AttributeValue>> slice = keys.subList(from, Math.min(keys.size(), from + BATCH_READ_KEYS));
            Map<String, KeysAndAttributes> request = Map.of(table,
                    KeysAndAttributes.builder().keys(slice).consistentRead(true).build());
            for (int round = 1; !request.isEmpty(); round++) {
                if (round > BATCH_READ_ROUNDS) {
                    throw new LedgerContentionException("DynamoDB kept throttling a read of " + slice.size()
                            + " wallets", null);
                }
                if (round > 1) {
                    retry.pause(round - 1);
                }
                Map<String, KeysAndAttributes> pending = request;
                BatchGetItemResponse response;
                try {
                    response = dynamo.batchGetItem(b -> b.requestItems(pending));
                } catch (SdkException e) {
                    throw outsideApply("reading " + slice.size() + " wallets failed", e);
                }
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    WalletRef ref = byKey.get(LedgerItemMapper.key(item.get(PK).s(), item.get(SK).s()));
                    if (ref != null) {
                        out.put(ref, LedgerItemMapper.walletState(ref, item));
                    }
                }
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return out;
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
