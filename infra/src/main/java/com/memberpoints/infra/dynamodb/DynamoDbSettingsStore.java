package com.memberpoints.infra.dynamodb;

import static com.memberpoints.infra.dynamodb.Attrs.n;
import static com.memberpoints.infra.dynamodb.Attrs.s;
import static com.memberpoints.infra.dynamodb.LedgerTable.PK;
import static com.memberpoints.infra.dynamodb.LedgerTable.SK;

import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.settings.MerchantSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link SettingsStore} on the single table, partition {@code S#<merchant>}:
 * <ul>
 *   <li>{@code CURRENT}: the pointer, {@code version} plus a copy of the current settings, so
 *       {@link #current} is one strongly consistent GetItem;</li>
 *   <li>{@code V#<version>}: every version ever saved (orders are bound to one), immutable;</li>
 *   <li>{@code A#<version>}: its activity-log entry (actor, time, section, changes), small, so the log is read
 *       newest first with a Query in reverse;</li>
 *   <li>{@code A#<version in force>#<epoch ms>#<random>}: an entry appended without a new version (store profile
 *       changes, {@link #appendActivity}); it sorts after the entry of the version in force and before the next.</li>
 * </ul>
 * A save is ONE {@code TransactWriteItems}: the pointer put conditioned on the expected version (absent for 0),
 * and the version and activity puts conditioned on their absence. A failed condition is a
 * {@link SaveResult.Conflict} carrying the version stored now.
 */
public final class DynamoDbSettingsStore implements SettingsStore {

    /** A settings or activity item larger than this is refused before writing (DynamoDB's limit is 400 KB). */
    static final int MAX_ITEM_BYTES = 350_000;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbSettingsStore(DynamoDbClient dynamo, String tableName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(tableName, "tableName");
    }

    @Override
    public Optional<MerchantSettings> current(MerchantId merchant) {
        return call("reading the settings of " + merchant,
                () -> get(merchant, SettingsItemMapper.SETTINGS_CURRENT).map(DynamoDbSettingsStore::settingsOf));
    }

    @Override
    public Optional<MerchantSettings> byVersion(MerchantId merchant, long version) {
        if (version < 1) {
            return Optional.empty();
        }
        return call("reading settings version " + version + " of " + merchant,
                () -> get(merchant, SettingsItemMapper.settingsVersionSk(version)).map(DynamoDbSettingsStore::settingsOf));
    }

    @Override
    public SaveResult save(MerchantId merchant, MerchantSettings settings, long expectedVersion, ChangeLogEntry entry) {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(entry, "entry");
        if (expectedVersion < 0 || settings.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("settings must carry version expectedVersion + 1");
        }
        long version = settings.version();
        String pk = SettingsItemMapper.settingsPk(merchant);
        AttributeValue payload = SettingsItemMapper.settings(settings);
        Map<String, AttributeValue> pointer = new HashMap<>(LedgerTable.itemKey(pk, SettingsItemMapper.SETTINGS_CURRENT));
        pointer.put("version", n(version));
        pointer.put("settings", payload);
        Map<String, AttributeValue> versionItem = new HashMap<>(LedgerTable.itemKey(pk, SettingsItemMapper.settingsVersionSk(version)));
        versionItem.put("settings", payload);
        Map<String, AttributeValue> activity = new HashMap<>(SettingsItemMapper.activity(ActivityLogEntry.of(version, entry)));
        activity.putAll(LedgerTable.itemKey(pk, SettingsItemMapper.activitySk(version)));
        long size = Math.max(ItemSize.of(pointer), ItemSize.of(activity));
        if (size > MAX_ITEM_BYTES) {
            throw new SettingsStoreException("settings of " + merchant + " too large to store (" + size + " bytes)", null);
        }
        Put.Builder current = Put.builder().tableName(table).item(pointer);
        if (expectedVersion == 0) {
            current.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK));
        } else {
            current.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":v", n(expectedVersion)));
        }
        Put absentVersion = Put.builder().tableName(table).item(versionItem)
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK)).build();
        Put absentActivity = Put.builder().tableName(table).item(activity)
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK)).build();
        TransactWriteItemsRequest write = TransactWriteItemsRequest.builder().transactItems(
                TransactWriteItem.builder().put(current.build()).build(),
                TransactWriteItem.builder().put(absentVersion).build(),
                TransactWriteItem.builder().put(absentActivity).build()).build();
        return call("saving settings version " + version + " of " + merchant, () -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    dynamo.transactWriteItems(write);
                    return new SaveResult.Saved(version);
                } catch (TransactionCanceledException e) {
                    if (reason(e, "ConditionalCheckFailed")) {
                        long stored = get(merchant, SettingsItemMapper.SETTINGS_CURRENT)
                                .map(i -> new Attrs.Reader(i).num("version")).orElse(0L);
                        return new SaveResult.Conflict(stored);
                    }
                    // Another transaction on the same items was in flight (two sections saved at once): the
                    // conditions still decide, so try again a few times before letting the caller retry.
                    if (!reason(e, "TransactionConflict") || attempt == TRANSACTION_CONFLICT_ATTEMPTS) {
                        throw e;
                    }
                    sleep(attempt);
                }
            }
        });
    }

    @Override
    public void appendActivity(MerchantId merchant, ChangeLogEntry entry) {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(entry, "entry");
        String pk = SettingsItemMapper.settingsPk(merchant);
        call("appending to the activity log of " + merchant, () -> {
            long inForce = get(merchant, SettingsItemMapper.SETTINGS_CURRENT)
                    .map(i -> new Attrs.Reader(i).num("version")).orElse(0L);
            String sk = SettingsItemMapper.appendedActivitySk(inForce, entry.at(),
                    java.util.concurrent.ThreadLocalRandom.current().nextInt());
            Map<String, AttributeValue> item = new HashMap<>(SettingsItemMapper.activity(ActivityLogEntry.of(inForce, entry)));
            item.putAll(LedgerTable.itemKey(pk, sk));
            if (ItemSize.of(item) > MAX_ITEM_BYTES) {
                throw new SettingsStoreException("activity entry of " + merchant + " too large to store", null);
            }
            return dynamo.putItem(software.amazon.awssdk.services.dynamodb.model.PutItemRequest.builder().tableName(table)
                    .item(item).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK)).build());
        });
    }

    @Override
    public Page<ActivityLogEntry> activityLog(MerchantId merchant, PageRequest page) {
        String pk = SettingsItemMapper.settingsPk(merchant);
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :a)")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", s(pk), ":a", s("A#")))
                .scanIndexForward(false)
                .limit(page.limit() + 1);
        page.cursor().ifPresent(c -> q.exclusiveStartKey(LedgerTable.itemKey(pk, position(c))));
        return call("reading the activity log of " + merchant, () -> {
            QueryResponse r = dynamo.query(q.build());
            List<ActivityLogEntry> entries = r.items().stream().map(SettingsItemMapper::activity).toList();
            if (entries.size() <= page.limit()) {
                return new Page<>(entries, Optional.empty());
            }
            List<ActivityLogEntry> items = entries.subList(0, page.limit());
            String lastSk = r.items().get(page.limit() - 1).get(SK).s();
            return new Page<>(items, Optional.of(StoreCalls.encodeCursor("a", lastSk.substring(2))));
        });
    }

    /** Attempts of a save whose transaction collided with another one in flight ({@code TransactionConflict}). */
    static final int TRANSACTION_CONFLICT_ATTEMPTS = 5;

    private static boolean reason(TransactionCanceledException e, String code) {
        return e.hasCancellationReasons() && e.cancellationReasons().stream().map(CancellationReason::code)
                .anyMatch(code::equals);
    }

    private static void sleep(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while saving settings", e);
        }
    }

    /** The sort key a cursor stands for: {@code A#} and a version entry's or an appended entry's position. */
    private static String position(String cursor) {
        String p = StoreCalls.decodeCursor(cursor, "a", 1)[0];
        if (!SettingsItemMapper.isActivityPosition(p)) {
            throw StoreCalls.badCursor();
        }
        return "A#" + p;
    }

    private Optional<Map<String, AttributeValue>> get(MerchantId merchant, String sk) {
        return StoreCalls.item(dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(LedgerTable.itemKey(SettingsItemMapper.settingsPk(merchant), sk)).consistentRead(true).build()).item());
    }

    private static MerchantSettings settingsOf(Map<String, AttributeValue> item) {
        return SettingsItemMapper.settings(new Attrs.Reader(item).sub("settings"));
    }

    private static <T> T call(String what, java.util.function.Supplier<T> body) {
        return StoreCalls.call(what, SettingsStoreException::new, body);
    }
}
