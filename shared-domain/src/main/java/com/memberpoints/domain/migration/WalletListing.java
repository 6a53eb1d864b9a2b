package com.memberpoints.domain.migration;

import com.memberpoints.domain.ledger.WalletState;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Page;
import java.util.Optional;

/**
 * Every wallet of a merchant, page by page (the balance export). The cursor is opaque; a page may hold fewer than
 * {@code limit} wallets (even none) and still have a next cursor: the walk ends when the cursor is empty. Failures
 * of the underlying store are thrown as the store's own runtime exception.
 */
public interface WalletListing {
    int MAX_LIMIT = 1000;

    Page<WalletState> wallets(MerchantId merchant, Optional<String> cursor, int limit);
}
