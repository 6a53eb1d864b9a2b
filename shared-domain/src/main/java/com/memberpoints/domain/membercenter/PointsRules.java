package com.memberpoints.domain.membercenter;

import com.memberpoints.domain.earning.NotEarnedReason;
import com.memberpoints.domain.earning.RateSource;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.ExpiryPolicy;
import com.memberpoints.domain.settings.GivenWhen;
import com.memberpoints.domain.settings.RedeemCap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The structured points rules the member center lists beside the merchant's free rules text (issue 11.5, SPEC §7),
 * as they apply to THIS member today, with ready-made lines in {@code locale}.
 *
 * @param programEnabled   the points program's master switch
 * @param earnRate         the rate an online order of this member earns at (the tier's own rate replaces the store
 *                         rate); empty when the member earns nothing online, {@code notEarning} says why
 * @param rateSource       STORE or TIER, present exactly with {@code earnRate}
 * @param notEarning       why nothing is earned, present exactly when {@code earnRate} is empty
 * @param retailEarns      in-store (POS) purchases earn too
 * @param redeemEnabled    points can be redeemed at checkout
 * @param pointsPerUnit    points per 1.00 of discount (the redemption unit)
 * @param minimumOrder     the order amount (after discounts and store credits) needed to redeem; 0 = none
 * @param maximumDiscount  the cap per order
 * @param expiry           the expiry policy for points assigned from now on
 * @param givenWhen        when an order's points are given
 * @param locale           the locale of {@code lines}
 * @param lines            one sentence per rule, in {@code locale} (empty while the program is off)
 */
public record PointsRules(boolean programEnabled, Optional<EarnRate> earnRate, Optional<RateSource> rateSource,
                          Optional<NotEarnedReason> notEarning, boolean retailEarns, boolean redeemEnabled,
                          long pointsPerUnit, Money minimumOrder, RedeemCap maximumDiscount, ExpiryPolicy expiry,
                          GivenWhen givenWhen, Locale locale, List<String> lines) {
    public PointsRules {
        Objects.requireNonNull(earnRate, "earnRate");
        Objects.requireNonNull(rateSource, "rateSource");
        Objects.requireNonNull(notEarning, "notEarning");
        Objects.requireNonNull(minimumOrder, "minimumOrder");
        Objects.requireNonNull(maximumDiscount, "maximumDiscount");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(givenWhen, "givenWhen");
        Objects.requireNonNull(locale, "locale");
        lines = List.copyOf(lines);
        if (earnRate.isPresent() != rateSource.isPresent() || earnRate.isPresent() == notEarning.isPresent()) {
            throw new IllegalArgumentException("a rate comes with its source; no rate comes with a reason");
        }
    }
}
