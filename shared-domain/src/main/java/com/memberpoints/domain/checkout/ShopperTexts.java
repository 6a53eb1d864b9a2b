package com.memberpoints.domain.checkout;

import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.notify.NotificationTemplates;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.ExpiryPolicy;
import com.memberpoints.domain.settings.GivenWhen;
import com.memberpoints.domain.settings.RedeemCap;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Month;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ready-made texts a storefront or admin screen shows beside the data (issue 11.5), in the template locales
 * ({@code en} and {@code zh-TW}, the same as the notification templates). English follows the articles' wordings:
 * "Points earned after completed", "Credits earned after completed", "Get NT$XX credits over NT$XX – Buy NT$XX
 * more to get the offer". Money is formatted for the locale in the store currency (as in notifications). Pure.
 */
public final class ShopperTexts {

    /** The locales texts exist in: the notification templates' locales, so both always cover the same ones. */
    public static final List<Locale> LOCALES = List.of(NotificationTemplates.EN, NotificationTemplates.ZH_TW);

    private ShopperTexts() {}

    /** The text locale: the requested one when a template locale matches it (tag, then language), else the store default's, else {@code en}. */
    public static Locale resolve(Optional<Locale> requested, Locale storeDefault) {
        return NotificationTemplates.resolve(requested, storeDefault);
    }

    private static boolean zh(Locale locale) {
        return locale.getLanguage().equals("zh");
    }

    // ------------------------------------------------------------------ when points and credits are given

    /** "Points earned after completed", "Points earned 3 days after delivery", "Points earned on delivery". */
    public static String pointsGivenWhen(GivenWhen when, Locale locale) {
        return when.text(GivenWhen.What.POINTS, locale);
    }

    /** "Credits earned after completed", "Credits earned on payment". */
    public static String creditsGivenWhen(GivenWhen when, Locale locale) {
        return when.text(GivenWhen.What.CREDITS, locale);
    }

    // ------------------------------------------------------------------ cart reminder

    /** The offer part: "Get NT$10.00 credits over NT$100.00" / "... for every ..." / "Get 5% credits over ...". */
    public static String offer(ReminderRule rule, Locale locale) {
        String threshold = money(rule.threshold(), locale);
        boolean zh = zh(locale);
        return switch (rule.type()) {
            case FIXED_NON_CUMULATIVE -> zh ? "滿 " + threshold + " 送 " + money(rule.amount().orElseThrow(), locale) + " 購物金"
                    : "Get " + money(rule.amount().orElseThrow(), locale) + " credits over " + threshold;
            case FIXED_CUMULATIVE -> zh ? "每滿 " + threshold + " 送 " + money(rule.amount().orElseThrow(), locale) + " 購物金"
                    : "Get " + money(rule.amount().orElseThrow(), locale) + " credits for every " + threshold;
            case PERCENTAGE -> zh ? "滿 " + threshold + " 送 " + percent(rule.rate().orElseThrow()) + " 購物金"
                    : "Get " + percent(rule.rate().orElseThrow()) + " credits over " + threshold;
        };
    }

    /** Below the threshold: "Get NT$10.00 credits over NT$100.00 – Buy NT$50.00 more to get the offer". */
    public static String buyMore(ReminderRule rule, Money shortfall, Locale locale) {
        return offer(rule, locale) + (zh(locale) ? " – 再買 " + money(shortfall, locale) + " 即可獲得優惠"
                : " – Buy " + money(shortfall, locale) + " more to get the offer");
    }

    /** At or above it: "Get NT$10.00 credits over NT$100.00 + NT$20.00 credits". */
    public static String willEarn(ReminderRule rule, Money credits, Locale locale) {
        return offer(rule, locale) + (zh(locale) ? " + " + money(credits, locale) + " 購物金"
                : " + " + money(credits, locale) + " credits");
    }

    /** {@code text} in every template locale, keyed by language tag. */
    static Map<String, String> inEveryLocale(java.util.function.Function<Locale, String> text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Locale l : LOCALES) {
            out.put(l.toLanguageTag(), text.apply(l));
        }
        return out;
    }

    // ------------------------------------------------------------------ member-center rules

    /** "Earn 1 point for every NT$10.00 spent". */
    public static String earnRate(EarnRate rate, java.util.Currency currency, Locale locale) {
        String spend = money(new Money(rate.spend(), currency), locale);
        return zh(locale) ? "每消費 " + spend + " 獲得 " + rate.points() + " 點"
                : "Earn " + rate.points() + (rate.points() == 1 ? " point" : " points") + " for every " + spend + " spent";
    }

    /** "10 points = NT$1.00 off". */
    public static String redemptionUnit(long pointsPerUnit, java.util.Currency currency, Locale locale) {
        String one = money(new Money(BigDecimal.ONE, currency), locale);
        return zh(locale) ? "每 " + pointsPerUnit + " 點折抵 " + one : pointsPerUnit + " points = " + one + " off";
    }

    /** "Points can be used on orders of NT$200.00 or more". */
    public static String minimumOrder(Money minimum, Locale locale) {
        return zh(locale) ? "訂單滿 " + money(minimum, locale) + " 可使用點數折抵"
                : "Points can be used on orders of " + money(minimum, locale) + " or more";
    }

    /** "Up to NT$50.00 off per order", "Up to 2% of the order amount off", or empty for no cap. */
    public static Optional<String> maximumDiscount(RedeemCap cap, java.util.Currency currency, Locale locale) {
        boolean zh = zh(locale);
        return switch (cap) {
            case RedeemCap.None n -> Optional.empty();
            case RedeemCap.Fixed(BigDecimal amount) -> Optional.of(zh
                    ? "每筆訂單最多折抵 " + money(new Money(amount, currency), locale)
                    : "Up to " + money(new Money(amount, currency), locale) + " off per order");
            case RedeemCap.Percent(BigDecimal p) -> Optional.of(zh ? "每筆訂單最多折抵訂單金額的 " + percent(p)
                    : "Up to " + percent(p) + " of the order amount off");
        };
    }

    /** "Points never expire" / "Points expire on December 31 of the year after they are earned". */
    public static String expiry(ExpiryPolicy policy, Locale locale) {
        boolean zh = zh(locale);
        return switch (policy) {
            case ExpiryPolicy.Never n -> zh ? "點數永不過期" : "Points never expire";
            case ExpiryPolicy.AnnualDate(int month, int day) -> {
                MonthDay md = MonthDay.of(Month.of(month), day);
                yield zh ? "點數於獲得後隔年的 " + month + " 月 " + day + " 日到期"
                        : "Points expire on " + DateTimeFormatter.ofPattern("MMMM d", Locale.ENGLISH).format(md)
                                + " of the year after they are earned";
            }
        };
    }

    static String money(Money m, Locale locale) {
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        f.setCurrency(m.currency());
        f.setMinimumFractionDigits(Money.scaleOf(m.currency()));
        f.setMaximumFractionDigits(Money.scaleOf(m.currency()));
        return f.format(m.amount());
    }

    private static String percent(BigDecimal p) {
        return p.stripTrailingZeros().toPlainString() + "%";
    }

}
