package com.memberpoints.domain.migration;

import com.memberpoints.domain.ledger.Lot;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletState;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.Page;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The balance export for a merchant moving out: every member's balance, one line per lot (wallet and expiry), in
 * the import's own columns ({@link ImportCsv}: the amount as points or a decimal in the store currency, the expiry
 * as the lot's local last day or {@code never}). Read page by page from {@link WalletListing}: nothing holds more
 * than one page. Empty wallets, and lots already past their expiry, have no line.
 */
public final class BalanceExport {
    public static final String HEADER = "memberId,wallet,amount,expiresOn";

    private final WalletListing wallets;
    private final MerchantStore merchants;
    private final com.memberpoints.domain.model.TimeSource clock;

    public BalanceExport(WalletListing wallets, MerchantStore merchants, com.memberpoints.domain.model.TimeSource clock) {
        this.wallets = Objects.requireNonNull(wallets, "wallets");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One exported lot; {@code amount} and {@code expiresOn} are written as the import reads them. */
    public record Line(MemberId member, Wallet wallet, String amount, String expiresOn) {}

    /** A page of lines and where the next page starts (empty: this was the last). */
    public record ExportPage(List<Line> lines, Optional<String> nextCursor) {
        public ExportPage {
            lines = List.copyOf(lines);
            Objects.requireNonNull(nextCursor, "nextCursor");
        }
    }

    /** The lines of up to {@code wallets} wallets from {@code cursor}; empty when the store is not configured. */
    public Optional<ExportPage> page(MerchantId merchant, Optional<String> cursor, int walletLimit) {
        Optional<Merchant> store = merchants.find(merchant);
        if (store.isEmpty()) {
            return Optional.empty();
        }
        Page<WalletState> page = wallets.wallets(merchant, cursor, walletLimit);
        List<Line> lines = new ArrayList<>();
        java.time.Instant now = clock.now();
        for (WalletState w : page.items()) {
            for (Lot lot : w.lots().asList()) {
                // a lot past its expiry that the sweep has not expired yet is no balance any more
                if (lot.amount() > 0 && com.memberpoints.domain.ledger.Lots.isValidAt(lot.expiresAt(), now)) {
                    lines.add(line(store.get(), w, lot));
                }
            }
        }
        return Optional.of(new ExportPage(lines, page.nextCursor()));
    }

    static Line line(Merchant store, WalletState w, Lot lot) {
        String amount = w.ref().wallet() == Wallet.POINTS ? Long.toString(lot.amount())
                : Money.ofMinor(lot.amount(), store.currency()).toPlainString();
        String expires = lot.expiresAt().map(at -> LocalDate.ofInstant(at, store.zone()).toString()).orElse("never");
        return new Line(w.ref().member(), w.ref().wallet(), amount, expires);
    }
}
