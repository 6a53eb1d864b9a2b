package com.memberpoints.infra.dynamodb;

import static com.memberpoints.infra.dynamodb.LedgerTable.PK;
import static com.memberpoints.infra.dynamodb.LedgerTable.SK;

import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.notify.DeliveryStore.DeliveryStoreException;
import com.memberpoints.domain.notify.ExpiryReminder;
import com.memberpoints.domain.notify.ExpiryReminderStore;
import com.memberpoints.domain.notify.ReminderProgress;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@link ExpiryReminderStore} on the ledger's single table (layout in docs/architecture.md):
 *
 * <pre>
 * reminder marker  R#&lt;merchant&gt;#&lt;member&gt;   R#&lt;WALLET&gt;#&lt;12-digit expiry epoch s&gt;
 *                  merchant, member, wallet (S), amt, bal, exp (N: expiry epoch s), expAt, at (S: ISO instants), days (N),
 *                  ch (S: channels chosen, E / S / ES / -)
 * progress         R#&lt;merchant&gt;            PROGRESS   from, pos (S: ISO instants), cur (S, the index cursor, optional)
 * </pre>
 *
 * A marker is created once with {@code attribute_not_exists(pk)} and never changed; a losing create gets the stored
 * marker back in the same call ({@code ReturnValuesOnConditionCheckFailure=ALL_OLD}), so a repeated pass costs one
 * failed conditional write per lot and no read. Markers are written as table items so the table's stream carries
 * them (an INSERT per reminder: the "points about to expire" fact for integration events).
 */
public final class DynamoDbExpiryReminderStore implements ExpiryReminderStore {

    static final String MERCHANT = "merchant";
    static final String MEMBER = "member";
    static final String WALLET = "wallet";
    static final String AMOUNT = "amt";
    static final String BALANCE = "bal";
    static final String EXPIRY = "exp";
    static final String EXPIRY_AT = "expAt";
    static final String DECIDED_AT = "at";
    static final String DAYS = "days";
    static final String CHANNELS = "ch";
    static final String FROM = "from";
    static final String POSITION = "pos";
    static final String CURSOR = "cur";
    static final String PROGRESS_SK = "PROGRESS";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbExpiryReminderStore(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    static String markerPartition(MerchantId merchant, MemberId member) {
        return "R#" + merchant.value() + "#" + member.value();
    }

    static String markerSortKey(Wallet wallet, Instant expiresAt) {
        return "R#" + wallet + "#" + String.format("%012d", expiresAt.getEpochSecond());
    }

    static String progressPartition(MerchantId merchant) {
        return "R#" + merchant.value();
    }

    private static Map<String, AttributeValue> markerKey(WalletRef wallet, Instant expiresAt) {
        return Map.of(PK, s(markerPartition(wallet.merchant(), wallet.member())),
                SK, s(markerSortKey(wallet.wallet(), expiresAt)));
    }

    private static Map<String, AttributeValue> progressKey(MerchantId merchant) {
        return Map.of(PK, s(progressPartition(merchant)), SK, s(PROGRESS_SK));
    }

    @Override
    public Recorded record(ExpiryReminder r) {
        Map<String, AttributeValue> item = new HashMap<>(markerKey(r.wallet(), r.expiresAt()));
        item.put(MERCHANT, s(r.wallet().merchant().value()));
        item.put(MEMBER, s(r.wallet().member().value()));
        item.put(WALLET, s(r.wallet().wallet().name()));
        item.put(AMOUNT, n(r.amount()));
        item.put(BALANCE, n(r.balance()));
        item.put(EXPIRY, n(r.expiresAt().getEpochSecond()));
        item.put(EXPIRY_AT, s(r.expiresAt().toString()));
        item.put(DECIDED_AT, s(r.decidedAt().toString()));
        item.put(DAYS, n(r.daysBefore()));
        item.put(CHANNELS, s(r.channels().code()));
        try {
            dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Recorded(r, true);
        } catch (ConditionalCheckFailedException e) {
            if (e.hasItem() && !e.item().isEmpty()) {
                return new Recorded(marker(e.item()), false); // the marker written before, from the same call
            }
            return new Recorded(find(r.wallet(), r.expiresAt()).orElseThrow(
                    () -> new DeliveryStoreException("reminder marker vanished for " + r.wallet(), e)), false);
        } catch (SdkException e) {
            throw failure("recording the reminder of " + r.wallet().member().value(), e);
        }
    }

    @Override
    public Optional<ExpiryReminder> find(WalletRef wallet, Instant expiresAt) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table)
                    .key(markerKey(wallet, expiresAt)).consistentRead(true)).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(marker(item));
        } catch (SdkException e) {
            throw failure("reading a reminder marker", e);
        }
    }

    @Override
    public Optional<ReminderProgress> progress(MerchantId merchant) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).key(progressKey(merchant))
                    .consistentRead(true)).item();
            if (item == null || item.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ReminderProgress(Instant.parse(item.get(FROM).s()),
                    Optional.ofNullable(item.get(CURSOR)).map(AttributeValue::s), Instant.parse(item.get(POSITION).s())));
        } catch (SdkException e) {
            throw failure("reading the reminder progress of " + merchant.value(), e);
        }
    }

    @Override
    public void saveProgress(MerchantId merchant, ReminderProgress progress) {
        Map<String, AttributeValue> item = new HashMap<>(progressKey(merchant));
        item.put(FROM, s(progress.from().toString()));
        item.put(POSITION, s(progress.position().toString()));
        progress.cursor().ifPresent(c -> item.put(CURSOR, s(c)));
        try {
            dynamo.putItem(p -> p.tableName(table).item(item));
        } catch (SdkException e) {
            throw failure("saving the reminder progress of " + merchant.value(), e);
        }
    }

    static ExpiryReminder marker(Map<String, AttributeValue> item) {
        WalletRef wallet = new WalletRef(MerchantId.of(item.get(MERCHANT).s()), MemberId.of(item.get(MEMBER).s()),
                Wallet.valueOf(item.get(WALLET).s()));
        return new ExpiryReminder(wallet, Instant.ofEpochSecond(Long.parseLong(item.get(EXPIRY).n())),
                Long.parseLong(item.get(AMOUNT).n()), Long.parseLong(item.get(BALANCE).n()),
                Instant.parse(item.get(DECIDED_AT).s()), Integer.parseInt(item.get(DAYS).n()),
                NotifyChoice.parse(item.get(CHANNELS).s()));
    }

    /**
     * The reminder a table item is, if it is a marker (the stream consumers' reading of a new image); empty for any
     * other item, including the progress items.
     */
    public static Optional<ExpiryReminder> reminderOf(Map<String, AttributeValue> item) {
        AttributeValue pk = item.get(PK);
        AttributeValue sk = item.get(SK);
        if (pk == null || sk == null || pk.s() == null || sk.s() == null || !pk.s().startsWith("R#")
                || !sk.s().startsWith("R#")) {
            return Optional.empty();
        }
        return Optional.of(marker(item));
    }

    private static DeliveryStoreException failure(String what, SdkException e) {
        return new DeliveryStoreException(what + " failed: " + e.getClass().getSimpleName(), e);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
