package com.memberpoints.domain.testing;

import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
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
import com.memberpoints.domain.model.TierId;
import com.memberpoints.domain.settings.TierRule;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Shared test data: a TWD merchant in Asia/Taipei and a settings builder with the SPEC's usual values. */
public final class Fixtures {

    public static final Currency TWD = Currency.getInstance("TWD");
    public static final TierId GOLD = TierId.of("gold");
    public static final TierId SILVER = TierId.of("silver");

    private Fixtures() {}

    public static Merchant merchant() {
        return merchant(ZoneId.of("Asia/Taipei"), TWD);
    }

    public static Merchant merchant(ZoneId zone, Currency currency) {
        return new Merchant(
                MerchantId.of("shop-1"), "Shop One", currency, zone, Locale.ENGLISH,
                Set.of(Locale.forLanguageTag("zh-TW")), true, true, Set.of(GOLD, SILVER));
    }

    /**
     * A read-only port answering every abstract method with {@code answer} (e.g. every find/current with the same
     * Optional); the port's default methods run as written, over those answers.
     */
    @SuppressWarnings("unchecked")
    public static <T> T readOnlyPort(Class<T> type, Object answer) {
        return (T) java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> method.isDefault()
                        ? java.lang.reflect.InvocationHandler.invokeDefault(p, method, args) : answer);
    }

    public static Money twd(String amount) {
        return Money.of(amount, TWD);
    }

    public static SettingsBuilder settings() {
        return new SettingsBuilder();
    }

    public static CreditRule creditRule(String minimum, CreditType type) {
        return new CreditRule(new BigDecimal(minimum), type, CreditValidity.NEVER);
    }

    /** Mutable builder over immutable settings: defaults are a valid, fully switched-on program. */
    public static final class SettingsBuilder {
        public long version = 1;
        public boolean programEnabled = true;
        public boolean earnEnabled = true;
        public EarnRate earnRate = EarnRate.of("10.00", 1);
        public boolean retail = true;
        public ExpiryPolicy expiry = ExpiryPolicy.annual(12, 31);
        public AssignmentPolicy assignment = AssignmentPolicy.afterDelivery(3);
        public boolean redeemEnabled = true;
        public long pointsPerUnit = 10;
        public BigDecimal minimumOrderAmount = BigDecimal.ZERO;
        public RedeemCap cap = RedeemCap.NONE;
        public List<TierRule> tiers = new ArrayList<>();
        public boolean creditsEnabled = false;
        public CreditRule creditRule = creditRule("100.00", CreditType.fixed("10.00", true));
        public Map<String, String> rulesText = new TreeMap<>(Map.of("en", "Spend 10.00, get 1 point."));

        public SettingsBuilder version(long v) { version = v; return this; }
        public SettingsBuilder programEnabled(boolean v) { programEnabled = v; return this; }
        public SettingsBuilder earnEnabled(boolean v) { earnEnabled = v; return this; }
        public SettingsBuilder earnRate(String spend, long points) { earnRate = EarnRate.of(spend, points); return this; }
        public SettingsBuilder retail(boolean v) { retail = v; return this; }
        public SettingsBuilder expiry(ExpiryPolicy v) { expiry = v; return this; }
        public SettingsBuilder assignment(AssignmentPolicy v) { assignment = v; return this; }
        public SettingsBuilder redeemEnabled(boolean v) { redeemEnabled = v; return this; }
        public SettingsBuilder pointsPerUnit(long v) { pointsPerUnit = v; return this; }
        public SettingsBuilder minimumOrderAmount(String v) { minimumOrderAmount = new BigDecimal(v); return this; }
        public SettingsBuilder cap(RedeemCap v) { cap = v; return this; }
        public SettingsBuilder tier(TierRule v) { tiers.add(v); return this; }
        public SettingsBuilder credits(boolean enabled, CreditRule rule) { creditsEnabled = enabled; creditRule = rule; return this; }
        public SettingsBuilder rulesText(String tag, String text) { rulesText.put(tag, text); return this; }

        public MerchantSettings build() {
            return MerchantSettings.of(
                    version,
                    new PointsProgram(programEnabled, new EarnRule(earnEnabled, earnRate), new Channels(retail), expiry, assignment),
                    new RedeemRule(redeemEnabled, pointsPerUnit, minimumOrderAmount, cap),
                    tiers,
                    new OrderRewardCredits(creditsEnabled, creditRule),
                    rulesText);
        }
    }
}
