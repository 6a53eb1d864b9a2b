package com.memberpoints.bench.startup;

import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.settings.Channels;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.CreditValidity;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.EarnRule;
import com.memberpoints.domain.settings.ExpiryPolicy;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.OrderRewardCredits;
import com.memberpoints.domain.settings.PointsProgram;
import com.memberpoints.domain.settings.RedeemCap;
import com.memberpoints.domain.settings.RedeemRule;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A fully switched-on program: the quote exercises earning, redemption with a cap and the credit reminder. */
final class BenchSettings {
    private BenchSettings() {}

    static MerchantSettings redeemingSettings() {
        return MerchantSettings.of(1,
                new PointsProgram(true, new EarnRule(true, EarnRate.of("10.00", 1)), Channels.DEFAULT,
                        ExpiryPolicy.annual(12, 31), AssignmentPolicy.afterDelivery(3)),
                new RedeemRule(true, 10, BigDecimal.ZERO, RedeemCap.percent("50")), List.of(),
                new OrderRewardCredits(true, new CreditRule(new BigDecimal("100.00"), CreditType.fixed("10.00", true),
                        CreditValidity.NEVER)),
                Map.of("en", "Earn 1 point per 10.00."));
    }
}
