package com.memberpoints.infra.dynamodb;

import static com.memberpoints.infra.dynamodb.Attrs.n;
import static com.memberpoints.infra.dynamodb.Attrs.s;
import static com.memberpoints.infra.dynamodb.LedgerTable.PK;
import static com.memberpoints.infra.dynamodb.LedgerTable.SK;

import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.staff.Receipt;
import com.memberpoints.domain.staff.ReceiptKind;
import com.memberpoints.domain.staff.ReceiptStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@link ReceiptStore} on the single table: one item per in-store receipt in its merchant's receipt partition,
 * {@code RC#<merchant>} / {@code <epoch ms, 15 digits>#<KIND>#<receiptId>}, so the orders report reads a time range
 * with one strongly consistent Query on the base table (no index). A record is a PutItem conditioned on the item's
 * absence (a repeat reads the stored one back); a cancellation is an UpdateItem setting {@code cx} only if absent
 * and only on a stored item. Receipts are rare beside orders (staff at a till), so one partition per merchant is
 * well within a partition's write rate; the table's LSI limits an item collection to 10 GB (about 30 million
 * receipts per merchant at ~300 bytes).
 */
public final class DynamoDbReceiptStore implements ReceiptStore {
    private static final String TAG = "rc";
    private static final String MEMBER = "mem";
    private static final String AT = "at";
    private static final String CURRENCY = "cur";
    private static final String SALE = "sale";
    private static final String EARNED = "pe";
    private static final String REDEEMED = "pr";
    private static final String DISCOUNT = "pd";
    private static final String ACTOR = "by";
    private static final String CANCELLED = "cx";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbReceiptStore(DynamoDbClient dynamo, String tableName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(tableName, "tableName");
    }

    static String partition(MerchantId merchant) {
        return "RC#" + merchant.value();
    }

    static String sortKey(Receipt r) {
        return millis(r.at()) + "#" + r.kind().name() + "#" + r.receiptId();
    }

    private static String millis(Instant at) {
        return String.format("%015d", at.toEpochMilli());
    }

    @Override
    public Receipt recordIfAbsent(Receipt receipt) {
        Map<String, AttributeValue> key = key(receipt);
        return call("recording receipt " + receipt.receiptId() + " of " + receipt.merchant(), () -> {
            try {
                dynamo.putItem(PutItemRequest.builder().tableName(table).item(item(receipt))
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", PK)).build());
                return receipt;
            } catch (ConditionalCheckFailedException e) {
                Map<String, AttributeValue> stored = dynamo.getItem(GetItemRequest.builder().tableName(table).key(key)
                        .consistentRead(true).build()).item();
                return receipt(receipt.merchant(), stored);
            }
        });
    }

    @Override
    public void markCancelled(Receipt receipt, Instant cancelledAt) {
        call("cancelling receipt " + receipt.receiptId() + " of " + receipt.merchant(), () -> {
            try {
                dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(receipt))
                        .updateExpression("SET #cx = if_not_exists(#cx, :cx)")
                        .conditionExpression("attribute_exists(#pk)")
                        .expressionAttributeNames(Map.of("#cx", CANCELLED, "#pk", PK))
                        .expressionAttributeValues(Map.of(":cx", Attrs.instant(cancelledAt))).build());
            } catch (ConditionalCheckFailedException e) {
                // not listed (the redemption's listing copy was never written): nothing to mark
            }
            return null;
        });
    }

    @Override
    public Page<Receipt> recordedBetween(MerchantId merchant, Instant from, Instant to, PageRequest page) {
        if (!from.isBefore(to)) {
            return new Page<>(List.of(), Optional.empty());
        }
        String p = partition(merchant);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":p", s(p));
        values.put(":from", s(millis(from)));
        values.put(":to", s(millis(to.minusMillis(1)) + "#~"));
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#p = :p AND #s BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#p", PK, "#s", SK))
                .expressionAttributeValues(values)
                .scanIndexForward(true).limit(page.limit() + 1);
        page.cursor().ifPresent(c -> {
            String sk = StoreCalls.decodeCursor(c, TAG, 1)[0];
            q.exclusiveStartKey(Map.of(PK, s(p), SK, s(sk)));
        });
        return call("listing receipts of " + merchant, () -> {
            QueryResponse r = dynamo.query(q.build());
            List<Map<String, AttributeValue>> items = r.items();
            boolean more = items.size() > page.limit();
            List<Map<String, AttributeValue>> pageItems = more ? items.subList(0, page.limit()) : items;
            List<Receipt> receipts = new ArrayList<>();
            for (Map<String, AttributeValue> item : pageItems) {
                receipts.add(receipt(merchant, item));
            }
            Optional<String> next = more
                    ? Optional.of(StoreCalls.encodeCursor(TAG, pageItems.getLast().get(SK).s()))
                    : Optional.empty();
            return new Page<>(receipts, next);
        });
    }

    private static Map<String, AttributeValue> key(Receipt r) {
        return LedgerTable.itemKey(partition(r.merchant()), sortKey(r));
    }

    private static Map<String, AttributeValue> item(Receipt r) {
        Map<String, AttributeValue> item = new HashMap<>(key(r));
        item.put(MEMBER, s(r.member().value()));
        item.put(AT, Attrs.instant(r.at()));
        item.put(CURRENCY, s(r.saleAmount().currency().getCurrencyCode()));
        item.put(SALE, Attrs.dec(r.saleAmount().amount()));
        item.put(EARNED, n(r.pointsEarned()));
        item.put(REDEEMED, n(r.pointsRedeemed()));
        item.put(DISCOUNT, Attrs.dec(r.pointDiscount().amount()));
        item.put(ACTOR, s(r.actor().label()));
        r.cancelledAt().ifPresent(c -> item.put(CANCELLED, Attrs.instant(c)));
        return item;
    }

    private static Receipt receipt(MerchantId merchant, Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            throw new Attrs.CorruptItemException("receipt item vanished");
        }
        String[] sk = item.get(SK).s().split("#", 3);
        if (sk.length != 3) {
            throw new Attrs.CorruptItemException("receipt sort key " + item.get(SK).s());
        }
        Attrs.Reader r = new Attrs.Reader(item);
        Currency currency = Currency.getInstance(r.str(CURRENCY));
        return new Receipt(merchant, ReceiptKind.valueOf(sk[1]), sk[2], MemberId.of(r.str(MEMBER)), r.instant(AT),
                new Money(r.dec(SALE), currency), r.num(EARNED), r.num(REDEEMED), new Money(r.dec(DISCOUNT), currency),
                Actor.parse(r.str(ACTOR)), r.optInstant(CANCELLED));
    }

    private static <T> T call(String what, java.util.function.Supplier<T> body) {
        return StoreCalls.call(what, ReceiptStoreException::new, body);
    }
}
