package com.memberpoints.domain.inmemory;

import com.memberpoints.domain.ledger.WalletState;
import com.memberpoints.domain.migration.WalletListing;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Page;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link WalletListing} over an {@link InMemoryLedgerStore}; the cursor is the position in member order. */
public final class InMemoryWalletListing implements WalletListing {
    private final InMemoryLedgerStore ledger;

    public InMemoryWalletListing(InMemoryLedgerStore ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public Page<WalletState> wallets(MerchantId merchant, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        List<WalletState> all = ledger.walletsOf(merchant);
        int from;
        try {
            from = cursor.map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cursor", "is not a cursor returned by this listing");
        }
        if (from < 0) {
            throw new InvalidInputException("cursor", "is not a cursor returned by this listing");
        }
        int to = Math.min(all.size(), from + limit);
        List<WalletState> items = from >= all.size() ? List.of() : all.subList(from, to);
        return new Page<>(items, to < all.size() ? Optional.of(Integer.toString(to)) : Optional.empty());
    }
}
