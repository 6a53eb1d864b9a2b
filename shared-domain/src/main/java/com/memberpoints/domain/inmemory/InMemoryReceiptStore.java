package com.memberpoints.domain.inmemory;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.staff.Receipt;
import com.memberpoints.domain.staff.ReceiptStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** {@link ReceiptStore} in memory: per merchant, receipts by {@code <epoch ms, 15 digits>#<kind>#<receipt id>}. */
public final class InMemoryReceiptStore implements ReceiptStore {
    private static final String TAG = "r";
    private final Map<MerchantId, NavigableMap<String, Receipt>> byMerchant = new HashMap<>();

    /** The listing position of a receipt: its time, then kind and receipt id. */
    static String position(Receipt r) {
        return String.format("%015d", r.at().toEpochMilli()) + "#" + r.kind().name() + "#" + r.receiptId();
    }

    @Override
    public synchronized Receipt recordIfAbsent(Receipt receipt) {
        return byMerchant.computeIfAbsent(receipt.merchant(), m -> new TreeMap<>())
                .computeIfAbsent(position(receipt), k -> receipt);
    }

    @Override
    public synchronized void markCancelled(Receipt receipt, Instant cancelledAt) {
        NavigableMap<String, Receipt> receipts = byMerchant.get(receipt.merchant());
        if (receipts != null) {
            receipts.computeIfPresent(position(receipt), (k, r) -> r.cancelled() ? r : r.cancel(cancelledAt));
        }
    }

    @Override
    public synchronized Page<Receipt> recordedBetween(MerchantId merchant, Instant from, Instant to, PageRequest page) {
        Optional<String> after = page.cursor().map(c -> Cursors.decode(c, TAG));
        List<Receipt> rows = new ArrayList<>();
        for (Receipt r : byMerchant.getOrDefault(merchant, new TreeMap<>()).values()) {
            String p = position(r);
            if (!r.at().isBefore(from) && r.at().isBefore(to) && (after.isEmpty() || p.compareTo(after.get()) > 0)) {
                rows.add(r);
            }
        }
        List<Receipt> items = rows.stream().limit(page.limit()).toList();
        Optional<String> next = rows.size() > page.limit()
                ? Optional.of(Cursors.encode(TAG, position(items.getLast())))
                : Optional.empty();
        return new Page<>(items, next);
    }
}
