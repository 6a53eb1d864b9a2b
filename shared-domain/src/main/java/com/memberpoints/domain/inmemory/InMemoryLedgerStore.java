package com.memberpoints.domain.inmemory;

import com.memberpoints.domain.ledger.ExpiringLot;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerDecision;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.MemberWallets;
import com.memberpoints.domain.ledger.OperationId;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.ledger.RedemptionHold;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.ledger.WalletState;

import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reference implementation of {@link LedgerStore} in memory: the model the DynamoDB adapter is
 * checked against, and a real (not mocked) ledger for handler tests and the local stack. One lock
 * serialises every operation. Same semantics as the DynamoDB store, including cursors that are
 * opaque and ordered the same way.
 */
public final class InMemoryLedgerStore implements LedgerStore {

    private record MemberKey(MerchantId merchant, MemberId member) {}

    private record HoldKey(WalletRef wallet, OrderId order) {}

    private final Map<WalletRef, WalletState> wallets = new HashMap<>();
    /** Journal by member, keyed by operation id (the idempotency guard). */
    private final Map<MemberKey, Map<OperationId, JournalEntry>> journal = new HashMap<>();
    /** Journal by wallet in sequence order (the history). */
    private final Map<WalletRef, List<JournalEntry>> history = new HashMap<>();
    private final Map<HoldKey, RedemptionHold> holds = new HashMap<>();

    @Override
    public synchronized LedgerResult apply(LedgerCommand command) {
        WalletRef ref = command.wallet();
        WalletState state = wallets.getOrDefault(ref, WalletState.initial(ref));
        Map<OperationId, JournalEntry> entries = journalOf(ref.merchant(), ref.member());
        JournalEntry existing = entries.get(command.operationId(state));
        if (existing != null) {
            return LedgerDecision.repeatOf(existing, command);
        }
        Optional<JournalEntry> redemption = command instanceof LedgerCommand.RevertRedemption r
                ? Optional.ofNullable(entries.get(r.redemptionId()))
                : Optional.empty();
        LedgerDecision decision = LedgerDecision.decide(command, state, redemption);
        return switch (decision) {
            case LedgerDecision.Refuse refuse -> refuse.result();
            case LedgerDecision.Write write -> commit(write, command);
        };
    }

    private LedgerResult commit(LedgerDecision.Write write, LedgerCommand command) {
        JournalEntry entry = write.entry();
        HoldKey holdKey = new HoldKey(entry.wallet(), entry.order().orElse(null));
        switch (write.hold()) {
            case PLACE -> holds.put(holdKey, new RedemptionHold(entry.wallet(), entry.order().orElseThrow(),
                    command.at()));
            case RELEASE_IF_PRESENT -> holds.remove(holdKey);
            case RELEASE_REQUIRED -> {
                if (holds.remove(holdKey) == null) {
                    return new LedgerResult.NotApplicable("redemption of order " + entry.order().orElseThrow()
                            + " is no longer held");
                }
            }
            case NONE -> { }
        }
        wallets.put(entry.wallet(), write.next());
        journalOf(entry.wallet().merchant(), entry.wallet().member()).put(entry.operationId(), entry);
        history.computeIfAbsent(entry.wallet(), k -> new ArrayList<>()).add(entry);
        return new LedgerResult.Applied(entry);
    }

    private Map<OperationId, JournalEntry> journalOf(MerchantId merchant, MemberId member) {
        return journal.computeIfAbsent(new MemberKey(merchant, member), k -> new HashMap<>());
    }

    /** Every wallet of {@code merchant} ever written, ordered by member then wallet (the in-memory balance listing). */
    public synchronized java.util.List<WalletState> walletsOf(MerchantId merchant) {
        return wallets.values().stream().filter(w -> w.ref().merchant().equals(merchant))
                .sorted(java.util.Comparator.comparing((WalletState w) -> w.ref().member().value())
                        .thenComparing(w -> w.ref().wallet()))
                .toList();
    }

    @Override
    public synchronized WalletState wallet(WalletRef ref) {
        return wallets.getOrDefault(ref, WalletState.initial(ref));
    }

    @Override
    public synchronized MemberWallets wallets(MerchantId merchant, MemberId member) {
        return new MemberWallets(wallet(WalletRef.points(merchant, member)), wallet(WalletRef.credits(merchant, member)));
    }

    @Override
    public synchronized Page<JournalEntry> history(WalletRef ref, PageRequest page) {
        List<JournalEntry> all = history.getOrDefault(ref, List.of());
        long below = page.cursor().map(c -> parseLong(decode(c, "h"))).orElse(Long.MAX_VALUE);
        List<JournalEntry> items = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && items.size() < page.limit(); i--) {
            if (all.get(i).sequence() < below) {
                items.add(all.get(i));
            }
        }
        boolean more = !items.isEmpty() && items.getLast().sequence() > 1;
        return new Page<>(items, more ? Optional.of(encode("h", Long.toString(items.getLast().sequence()))) : Optional.empty());
    }

    @Override
    public synchronized List<JournalEntry> entriesForOrder(MerchantId merchant, MemberId member, OrderId order) {
        return journalOf(merchant, member).values().stream()
                .filter(e -> e.order().equals(Optional.of(order)))
                .sorted(Comparator.comparing((JournalEntry e) -> e.operationId().value()))
                .toList();
    }

    @Override
    public synchronized Page<ExpiringLot> expiring(MerchantId merchant, Instant fromInclusive, Instant toExclusive,
                                                   PageRequest page) {
        TreeMap<ListingPosition, ExpiringLot> index = new TreeMap<>();
        wallets.forEach((ref, state) -> {
            if (ref.merchant().equals(merchant) && state.lots().nextExpiry().isPresent()) {
                Instant at = state.lots().nextExpiry().get();
                if (!at.isBefore(fromInclusive) && at.isBefore(toExclusive)) {
                    index.put(ListingPosition.of(at.getEpochSecond(), ref.member().value(), ref.wallet().name()),
                            new ExpiringLot(ref, at));
                }
            }
        });
        return pageOf(index, page, "x");
    }

    @Override
    public synchronized Page<RedemptionHold> staleHolds(MerchantId merchant, Instant heldBefore, PageRequest page) {
        TreeMap<ListingPosition, RedemptionHold> index = new TreeMap<>();
        holds.values().forEach(h -> {
            if (h.wallet().merchant().equals(merchant) && h.heldAt().isBefore(heldBefore)) {
                index.put(ListingPosition.of(h.heldAt().toEpochMilli(), h.wallet().member().value(), h.wallet().wallet().name(),
                        h.order().value()), h);
            }
        });
        return pageOf(index, page, "s");
    }

    @Override
    public synchronized HoldConfirmation confirmHold(WalletRef wallet, OrderId order) {
        return holds.remove(new HoldKey(wallet, order)) != null ? HoldConfirmation.CONFIRMED : HoldConfirmation.NOT_HELD;
    }

    /** Expiry listing: by expiry second, member, wallet; holds listing: by hold millisecond, member, wallet, order. */
    private static <T> Page<T> pageOf(TreeMap<ListingPosition, T> index, PageRequest page, String tag) {
        Map<ListingPosition, T> tail = page.cursor().isPresent()
                ? index.tailMap(ListingPosition.parse(decode(page.cursor().get(), tag)), false) : index;
        List<T> items = new ArrayList<>();
        ListingPosition last = null;
        for (Map.Entry<ListingPosition, T> e : tail.entrySet()) {
            if (items.size() == page.limit()) {
                break;
            }
            items.add(e.getValue());
            last = e.getKey();
        }
        boolean more = last != null && index.higherKey(last) != null;
        return new Page<>(items, more ? Optional.of(encode(tag, last.text())) : Optional.empty());
    }

    private static String encode(String tag, String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((tag + "|" + value).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor, String tag) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!s.startsWith(tag + "|")) {
                throw new IllegalArgumentException("wrong listing");
            }
            return s.substring(tag.length() + 1);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cursor", "is not a cursor returned by this listing");
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cursor", "is not a cursor returned by this listing");
        }
    }
}
