package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.ledger.WalletState;
import com.memberpoints.domain.migration.WalletListing;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Page;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * {@link WalletListing} on the ledger table: a {@code Scan} filtered to the merchant's balance items
 * ({@code pk = L#<merchant>#…}, {@code sk = B#…}). No index lists every wallet (the expiry index holds only wallets
 * with expiring lots), and the export is a one-off for a merchant moving out, so it reads the table once, in
 * pages: each call evaluates at most {@value #SCAN_CALLS} scan pages of {@value #SCAN_LIMIT} items and stops as soon
 * as it holds {@code limit} wallets. The cursor is the key of the last item read (base64url of {@code pk\nsk}), so
 * the walk never holds more than one page. (The whole table is read: journal items are filtered out after being
 * read, which is what one export costs; docs/decisions.md 12.4.)
 */
public final class DynamoDbWalletListing implements WalletListing {
    static final int SCAN_LIMIT = 1000;
    static final int SCAN_CALLS = 20;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbWalletListing(DynamoDbClient dynamo, String tableName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(tableName, "tableName");
    }

    @Override
    public Page<WalletState> wallets(MerchantId merchant, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        String prefix = "L#" + merchant.value() + "#";
        Map<String, AttributeValue> start = cursor.map(DynamoDbWalletListing::decode).orElse(null);
        // a forged cursor can only move the walk: the filter always names the caller's merchant
        List<WalletState> out = new ArrayList<>();
        try {
            for (int call = 0; call < SCAN_CALLS; call++) {
                Map<String, AttributeValue> from = start;
                int room = limit - out.size();
                ScanResponse r = dynamo.scan(b -> b.tableName(table).limit(Math.max(SCAN_LIMIT, room))
                        .filterExpression("begins_with(#pk, :p) AND begins_with(#sk, :b)")
                        .expressionAttributeNames(Map.of("#pk", LedgerTable.PK, "#sk", LedgerTable.SK))
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(prefix),
                                ":b", AttributeValue.fromS("B#")))
                        .exclusiveStartKey(from));
                List<Map<String, AttributeValue>> items = r.items();
                for (int i = 0; i < items.size(); i++) {
                    Map<String, AttributeValue> item = items.get(i);
                    out.add(wallet(merchant, prefix, item));
                    if (out.size() == limit) {
                        boolean more = i < items.size() - 1 || (r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty());
                        return new Page<>(out, more ? Optional.of(encode(item)) : Optional.empty());
                    }
                }
                if (!r.hasLastEvaluatedKey() || r.lastEvaluatedKey().isEmpty()) {
                    return new Page<>(out, Optional.empty());
                }
                start = r.lastEvaluatedKey();
            }
            return new Page<>(out, Optional.of(encode(start)));
        } catch (SdkException e) {
            throw new DynamoDbLedgerException("could not list the wallets of " + merchant.value(), e);
        }
    }

    private static WalletState wallet(MerchantId merchant, String prefix, Map<String, AttributeValue> item) {
        String member = item.get(LedgerTable.PK).s().substring(prefix.length());
        Wallet wallet = Wallet.valueOf(item.get(LedgerTable.SK).s().substring(2));
        return LedgerItemMapper.walletState(new WalletRef(merchant, MemberId.of(member), wallet), item);
    }

    private static String encode(Map<String, AttributeValue> key) {
        String raw = key.get(LedgerTable.PK).s() + "\n" + key.get(LedgerTable.SK).s();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] p = raw.split("\n", 2);
            // key limits of the table: partition key at most 2,048 bytes, sort key at most 1,024
            if (p.length != 2 || p[0].isEmpty() || p[1].isEmpty() || p[0].indexOf('\uFFFD') >= 0
                    || p[1].indexOf('\uFFFD') >= 0 || p[0].getBytes(StandardCharsets.UTF_8).length > 2048
                    || p[1].getBytes(StandardCharsets.UTF_8).length > 1024) {
                throw invalid();
            }
            return Map.of(LedgerTable.PK, AttributeValue.fromS(p[0]), LedgerTable.SK, AttributeValue.fromS(p[1]));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException("cursor", "is not a cursor returned by this listing");
    }
}
