package com.memberpoints.infra.dynamodb;

import static com.memberpoints.infra.dynamodb.LedgerTable.EXPIRY_PK;
import static com.memberpoints.infra.dynamodb.LedgerTable.EXPIRY_SK;
import static com.memberpoints.infra.dynamodb.LedgerTable.HISTORY_SK;
import static com.memberpoints.infra.dynamodb.LedgerTable.HOLDS_PK;
import static com.memberpoints.infra.dynamodb.LedgerTable.HOLDS_SK;
import static com.memberpoints.infra.dynamodb.LedgerTable.PK;
import static com.memberpoints.infra.dynamodb.LedgerTable.SK;

import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.ledger.Lot;
import com.memberpoints.domain.ledger.LotChange;
import com.memberpoints.domain.ledger.Lots;
import com.memberpoints.domain.ledger.OperationId;
import com.memberpoints.domain.ledger.RedemptionHold;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.ledger.WalletState;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps the ledger store's items (balance, journal entry, redemption hold) and their key formats, including the
 * sort keys of the expiry and holds indexes. Attribute names are short on purpose: item
 * size (names + values) is what DynamoDB bills.
 */
final class LedgerItemMapper {
    private LedgerItemMapper() {}

    static final String VERSION = "ver";
    static final String BALANCE = "bal";
    static final String LOTS = "lots";
    static final String KIND = "k";
    static final String DELTA = "d";
    static final String LOT_CHANGES = "lc";
    static final String AT = "at";
    static final String ACTOR = "act";
    static final String REASON = "rsn";
    static final String ORDER = "ord";
    static final String DIGEST = "cd";
    static final String SEQUENCE = "seq";
    /** Notify choice of a credit ({@code NotifyChoice.code()}); absent means BOTH (the default). */
    static final String NOTIFY = "nt";
    static final String NEVER = "never";

    // ------------------------------------------------------------------ keys

    static String partitionKey(MerchantId merchant, MemberId member) {
        return "L#" + merchant.value() + "#" + member.value();
    }

    static String balanceSortKey(Wallet wallet) {
        return "B#" + wallet;
    }

    static String journalSortKey(OperationId id) {
        return "J#" + id.value();
    }

    static String orderJournalPrefix(OrderId order) {
        return "J#O#" + order.value() + "#";
    }

    static String holdSortKey(Wallet wallet, OrderId order) {
        return "H#" + wallet + "#" + order.value();
    }

    static String historySortKey(Wallet wallet, long sequence) {
        return String.format("%s#%012d", wallet, sequence);
    }

    /**
     * Expiry index partition of a member's balance items: {@code X#<merchant>#<shard 00..15>}, the shard a hash of
     * the member (write-sharded, docs/scale.md change 3). Items written before sharding carry {@code X#<merchant>}.
     */
    static String expiryPartition(MerchantId merchant, MemberId member) {
        return Shards.key(expiryBase(merchant), Shards.of(member.value(), Shards.INDEX_SHARDS));
    }

    /** The expiry index parts of a merchant: the 16 shards, then the unsharded key (part 16). */
    static List<String> expiryParts(MerchantId merchant) {
        return Shards.partsWithLegacy(expiryBase(merchant), Shards.INDEX_SHARDS);
    }

    private static String expiryBase(MerchantId merchant) {
        return "X#" + merchant.value();
    }

    /** Holds index partition of a member's holds: {@code H#<merchant>#<shard 00..15>} (hash of the member). */
    static String holdsPartition(MerchantId merchant, MemberId member) {
        return Shards.key(holdsBase(merchant), Shards.of(member.value(), Shards.INDEX_SHARDS));
    }

    /** The holds index parts of a merchant: the 16 shards, then the unsharded key. */
    static List<String> holdsParts(MerchantId merchant) {
        return Shards.partsWithLegacy(holdsBase(merchant), Shards.INDEX_SHARDS);
    }

    private static String holdsBase(MerchantId merchant) {
        return "H#" + merchant.value();
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return LedgerTable.itemKey(pk, sk);
    }

    /** Expiry index sort key {@code <epochSecond, 12 digits>#<member>#<wallet>}: expiry order, then member. */
    static String expirySortKey(Instant expiresAt, WalletRef ref) {
        return String.format("%012d#%s#%s", expiresAt.getEpochSecond(), ref.member().value(), ref.wallet());
    }

    /** Holds index sort key {@code <epochMilli, 15 digits>#<member>#<wallet>#<order>}: oldest hold first. */
    static String holdsIndexSortKey(RedemptionHold hold) {
        return String.format("%015d#%s#%s#%s", hold.heldAt().toEpochMilli(), hold.wallet().member().value(),
                hold.wallet().wallet(), hold.order().value());
    }

    static Map<String, AttributeValue> balanceKey(WalletRef ref) {
        return key(partitionKey(ref.merchant(), ref.member()), balanceSortKey(ref.wallet()));
    }

    // ------------------------------------------------------------------ balance

    static Map<String, AttributeValue> balanceItem(WalletState state) {
        WalletRef ref = state.ref();
        Map<String, AttributeValue> item = new HashMap<>(balanceKey(ref));
        item.put(VERSION, n(state.version()));
        item.put(BALANCE, n(state.balance()));
        Map<String, AttributeValue> lots = new HashMap<>();
        for (Lot lot : state.lots().asList()) {
            lots.put(lotKey(lot.expiresAt()), n(lot.amount()));
        }
        item.put(LOTS, AttributeValue.fromM(lots));
        state.lots().nextExpiry().ifPresent(next -> {
            item.put(EXPIRY_PK, s(expiryPartition(ref.merchant(), ref.member())));
            item.put(EXPIRY_SK, s(expirySortKey(next, ref)));
        });
        return item;
    }

    static WalletState walletState(WalletRef ref, Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return WalletState.initial(ref);
        }
        try {
            List<Lot> lots = new ArrayList<>();
            item.get(LOTS).m().forEach((k, v) -> lots.add(new Lot(parseLotKey(k), Long.parseLong(v.n()))));
            WalletState state = new WalletState(ref, Long.parseLong(item.get(VERSION).n()), Lots.of(lots));
            if (state.balance() != Long.parseLong(item.get(BALANCE).n())) {
                throw new DynamoDbLedgerException("balance item of " + ref + " disagrees with its lots");
            }
            return state;
        } catch (RuntimeException e) {
            if (e instanceof DynamoDbLedgerException d) {
                throw d;
            }
            throw new DynamoDbLedgerException("unreadable balance item of " + ref, e);
        }
    }

    // ------------------------------------------------------------------ journal

    static Map<String, AttributeValue> journalItem(JournalEntry e) {
        WalletRef ref = e.wallet();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(partitionKey(ref.merchant(), ref.member())));
        item.put(SK, s(journalSortKey(e.operationId())));
        item.put(HISTORY_SK, s(historySortKey(ref.wallet(), e.sequence())));
        item.put(KIND, s(e.kind().name()));
        item.put(DELTA, n(e.delta()));
        Map<String, AttributeValue> changes = new HashMap<>();
        for (LotChange c : e.lots()) {
            changes.put(lotKey(c.expiresAt()), n(c.delta()));
        }
        item.put(LOT_CHANGES, AttributeValue.fromM(changes));
        item.put(BALANCE, n(e.balanceAfter()));
        item.put(AT, s(e.at().toString()));
        item.put(ACTOR, s(e.actor().label()));
        if (!e.reason().isEmpty()) {
            item.put(REASON, s(e.reason()));
        }
        e.order().ifPresent(o -> item.put(ORDER, s(o.value())));
        item.put(DIGEST, s(e.contentDigest()));
        if (e.kind().isCredit() && !e.notification().equals(NotifyChoice.BOTH)) {
            item.put(NOTIFY, s(e.notification().code()));
        }
        return item;
    }

    static JournalEntry journalEntry(Map<String, AttributeValue> item) {
        try {
            String[] pk = item.get(PK).s().split("#", 3);
            String sk = item.get(SK).s();
            String[] history = item.get(HISTORY_SK).s().split("#", 2);
            WalletRef ref = new WalletRef(MerchantId.of(pk[1]), MemberId.of(pk[2]), Wallet.valueOf(history[0]));
            List<LotChange> changes = new ArrayList<>();
            item.get(LOT_CHANGES).m().forEach((k, v) -> changes.add(new LotChange(parseLotKey(k), Long.parseLong(v.n()))));
            changes.sort((a, b) -> Lots.SPENDING_ORDER.compare(a.expiresAt(), b.expiresAt()));
            return new JournalEntry(
                    new OperationId(sk.substring(2)),
                    ref,
                    EntryKind.valueOf(item.get(KIND).s()),
                    Long.parseLong(item.get(DELTA).n()),
                    changes,
                    item.containsKey(REASON) ? item.get(REASON).s() : "",
                    Actor.parse(item.get(ACTOR).s()),
                    item.containsKey(ORDER) ? Optional.of(OrderId.of(item.get(ORDER).s())) : Optional.empty(),
                    Instant.parse(item.get(AT).s()),
                    Long.parseLong(item.get(BALANCE).n()),
                    Long.parseLong(history[1]),
                    item.get(DIGEST).s(),
                    item.containsKey(NOTIFY) ? NotifyChoice.parse(item.get(NOTIFY).s()) : NotifyChoice.BOTH);
        } catch (RuntimeException e) {
            throw new DynamoDbLedgerException("unreadable journal item " + item.get(SK), e);
        }
    }

    // ------------------------------------------------------------------ holds

    static Map<String, AttributeValue> holdItem(RedemptionHold hold) {
        WalletRef ref = hold.wallet();
        Map<String, AttributeValue> item = new HashMap<>(
                key(partitionKey(ref.merchant(), ref.member()), holdSortKey(ref.wallet(), hold.order())));
        item.put(HOLDS_PK, s(holdsPartition(ref.merchant(), ref.member())));
        item.put(HOLDS_SK, s(holdsIndexSortKey(hold)));
        return item;
    }

    /** From the keys-only projection of the holds index. */
    static RedemptionHold holdFromIndex(Map<String, AttributeValue> item) {
        try {
            String[] pk = item.get(PK).s().split("#", 3);
            String[] hsk = item.get(HOLDS_SK).s().split("#", 4);
            WalletRef ref = new WalletRef(MerchantId.of(pk[1]), MemberId.of(hsk[1]), Wallet.valueOf(hsk[2]));
            return new RedemptionHold(ref, OrderId.of(hsk[3]), Instant.ofEpochMilli(Long.parseLong(hsk[0])));
        } catch (RuntimeException e) {
            throw new DynamoDbLedgerException("unreadable hold index item " + item, e);
        }
    }

    /** From the keys-only projection of the expiry index. */
    static com.memberpoints.domain.ledger.ExpiringLot expiringFromIndex(Map<String, AttributeValue> item) {
        try {
            String[] pk = item.get(PK).s().split("#", 3);
            String[] xsk = item.get(EXPIRY_SK).s().split("#", 3);
            WalletRef ref = new WalletRef(MerchantId.of(pk[1]), MemberId.of(xsk[1]), Wallet.valueOf(xsk[2]));
            return new com.memberpoints.domain.ledger.ExpiringLot(ref, Instant.ofEpochSecond(Long.parseLong(xsk[0])));
        } catch (RuntimeException e) {
            throw new DynamoDbLedgerException("unreadable expiry index item " + item, e);
        }
    }

    // ------------------------------------------------------------------ values

    static String lotKey(Optional<Instant> expiresAt) {
        return expiresAt.map(i -> Long.toString(i.getEpochSecond())).orElse(NEVER);
    }

    static Optional<Instant> parseLotKey(String key) {
        return NEVER.equals(key) ? Optional.empty() : Optional.of(Instant.ofEpochSecond(Long.parseLong(key)));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
