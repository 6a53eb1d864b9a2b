package com.memberpoints.domain.app;

import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The member center's points panel (SPEC §7).
 *
 * @param balance       spendable points now (lots past their expiry are not counted even before the sweep)
 * @param cashValue     what {@code balance} is worth at checkout (whole redemption units)
 * @param byExpiry      balance by expiry date (merchant-local date), soonest first
 * @param neverExpiring points in lots that never expire
 * @param pending       points earned on orders but not assigned yet, with the expected local date
 * @param rules         the rules text in the requested locale, else the store's default locale
 */
public record MemberPointsView(long balance, Money cashValue, List<ExpiringBalance> byExpiry, long neverExpiring,
                               List<PendingPoints> pending, Optional<RulesText> rules) {
    public MemberPointsView {
        Objects.requireNonNull(cashValue, "cashValue");
        byExpiry = List.copyOf(byExpiry);
        pending = List.copyOf(pending);
        Objects.requireNonNull(rules, "rules");
    }

    public record ExpiringBalance(LocalDate expiresOn, long points) {}

    public record PendingPoints(OrderId order, long points, LocalDate expectedOn) {}

    /** {@code locale}: the BCP 47 tag the text is in (the requested one, or the store default as fallback). */
    public record RulesText(String locale, String text) {}
}
