package com.memberpoints.domain.migration;

import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.model.MemberId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One valid row of a balance import file.
 *
 * @param row       the row's number in the file (the header is row 1, so the first balance is row 2)
 * @param amount    points, or store credits in minor units of the store currency; always positive
 * @param expiresOn the lot's last day (local to the store), or empty for a lot that never expires
 */
public record ImportRow(int row, MemberId member, Wallet wallet, long amount, Optional<LocalDate> expiresOn,
                        String reason) {
    public ImportRow {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(expiresOn, "expiresOn");
        Objects.requireNonNull(reason, "reason");
        if (row < 2) {
            throw new IllegalArgumentException("row must be at least 2 (the header is row 1)");
        }
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
    }
}
