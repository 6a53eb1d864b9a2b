package com.memberpoints.domain.settings;

import com.memberpoints.domain.model.TierId;

import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.FieldError;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.Money;
import java.math.BigDecimal;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a {@link MerchantSettings} against its {@link Merchant} and reports <em>every</em> invalid field,
 * each with its dotted path ({@code points.earn.spend}, {@code redeem.cap.percent},
 * {@code tiers[1].earn.points}, {@code rulesText.zh-TW}).
 */
public final class SettingsValidator {

    /** Longest rules text per locale, in Unicode code points. */
    public static final int MAX_RULES_TEXT_LENGTH = 5_000;
    /** Most tier overrides one settings version may carry. */
    public static final int MAX_TIERS = 100;
    /** Largest "P points" of an earn rate and largest "points per 1.00" of redemption. */
    public static final long MAX_POINTS_PER_RATE = 1_000_000L;
    /** Largest "X days after delivery". */
    public static final int MAX_ASSIGNMENT_DAYS = 365;
    /** Largest validity of reward credits, in days (10 years). */
    public static final int MAX_CREDIT_VALIDITY_DAYS = 3_650;
    /** Largest amount any setting may carry (keeps every computation far from overflow). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    /** Decimals allowed in a percentage (12.5%, 2.25%). */
    public static final int MAX_PERCENT_DECIMALS = 2;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SettingsValidator() {}

    /** Every invalid field of {@code settings}; empty when valid. */
    public static List<FieldError> validate(MerchantSettings settings, Merchant merchant) {
        Errors e = new Errors(Money.scaleOf(merchant.currency()));
        if (settings.version() < 1) {
            e.add("version", "must be at least 1");
        }
        PointsProgram p = settings.points();
        e.rate("points.earn", p.earn().rate());
        switch (p.expiry()) {
            case ExpiryPolicy.Never n -> { }
            case ExpiryPolicy.AnnualDate(int month, int day) -> {
                if (month < 1 || month > 12) {
                    e.add("points.expiry.month", "must be between 1 and 12");
                } else if (day < 1 || day > Month.of(month).maxLength()) {
                    e.add("points.expiry.day", "day " + day + " does not exist in " + Month.of(month));
                }
                if ((month < 1 || month > 12) && (day < 1 || day > 31)) {
                    e.add("points.expiry.day", "must be between 1 and 31");
                }
            }
        }
        switch (p.assignment()) {
            case AssignmentPolicy.OnCompletion c -> { }
            case AssignmentPolicy.AfterDelivery(int days) -> {
                if (days < 0 || days > MAX_ASSIGNMENT_DAYS) {
                    e.add("points.assignment.days", "must be between 0 and " + MAX_ASSIGNMENT_DAYS);
                }
            }
        }

        RedeemRule r = settings.redeem();
        if (r.pointsPerUnit() < 1 || r.pointsPerUnit() > MAX_POINTS_PER_RATE) {
            e.add("redeem.pointsPerUnit", "must be between 1 and " + MAX_POINTS_PER_RATE);
        }
        e.amount("redeem.minimumOrderAmount", r.minimumOrderAmount(), true);
        switch (r.cap()) {
            case RedeemCap.None n -> { }
            case RedeemCap.Fixed(BigDecimal amount) -> e.amount("redeem.cap.amount", amount, false);
            case RedeemCap.Percent(BigDecimal percent) -> e.percent("redeem.cap.percent", percent);
        }

        e.creditRule("credits", settings.credits().rule());

        List<TierRule> tiers = settings.tiers();
        if (tiers.size() > MAX_TIERS) {
            e.add("tiers", "at most " + MAX_TIERS + " tiers");
        }
        Set<TierId> seen = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            TierRule t = tiers.get(i);
            String path = "tiers[" + i + "]";
            if (!merchant.membershipTiers().contains(t.tier())) {
                e.add(path + ".tier", "unknown tier " + t.tier().value());
            } else if (!seen.add(t.tier())) {
                e.add(path + ".tier", "tier " + t.tier().value() + " appears more than once");
            }
            t.earn().ifPresent(rate -> e.rate(path + ".earn", rate));
            t.credits().ifPresent(rule -> e.creditRule(path + ".credits", rule));
        }

        Set<String> tags = new HashSet<>();
        for (Map.Entry<String, String> text : settings.rulesText().entrySet()) {
            String path = "rulesText." + text.getKey();
            if (!tags.add(text.getKey().toLowerCase(java.util.Locale.ROOT))) {
                e.add(path, "locale " + text.getKey() + " appears more than once");
            } else if (!merchant.supports(text.getKey())) {
                e.add(path, "locale " + text.getKey() + " is not supported by the store");
            }
            String value = text.getValue();
            if (value == null) {
                e.add(path, "must not be null");
            } else {
                com.memberpoints.domain.model.MemberText.problem(value, 0, MAX_RULES_TEXT_LENGTH, true)
                        .ifPresent(problem -> e.add(path, problem));
            }
        }
        ExpiryReminders reminders = settings.expiryReminders();
        if (reminders.daysBefore() < ExpiryReminders.MIN_DAYS || reminders.daysBefore() > ExpiryReminders.MAX_DAYS) {
            e.add("expiryReminders.daysBefore",
                    "must be between " + ExpiryReminders.MIN_DAYS + " and " + ExpiryReminders.MAX_DAYS);
        }
        if (reminders.enabled() && !reminders.email() && !reminders.sms()) {
            e.add("expiryReminders.email", "choose email, SMS or both while reminders are enabled");
        }
        deliveryOptions(e, settings.deliveryOptions());
        return e.list;
    }

    /** {@code deliveryOptions.finalStatus.<code>}: a valid code each, at most {@link DeliveryOptionMapping#MAX_OPTIONS}. */
    private static void deliveryOptions(Errors e, DeliveryOptionMapping mapping) {
        if (mapping.finalStatus().size() > DeliveryOptionMapping.MAX_OPTIONS) {
            e.add("deliveryOptions.finalStatus", "at most " + DeliveryOptionMapping.MAX_OPTIONS + " delivery options");
        }
        for (String code : mapping.finalStatus().keySet()) {
            if (!com.memberpoints.domain.model.DeliveryOptionCode.isValid(code)) {
                String shown = code.length() > 64 ? code.substring(0, 64) + "..." : code;
                e.add("deliveryOptions.finalStatus." + shown, "the option code "
                        + com.memberpoints.domain.model.DeliveryOptionCode.RULE);
            }
        }
    }

    /** Throws {@link InvalidInputException} with every invalid field, or returns {@code settings}. */
    public static MerchantSettings requireValid(MerchantSettings settings, Merchant merchant) {
        List<FieldError> errors = validate(settings, merchant);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return settings;
    }

    private static final class Errors {
        final List<FieldError> list = new ArrayList<>();
        final int currencyScale;

        Errors(int currencyScale) {
            this.currencyScale = currencyScale;
        }

        void add(String field, String message) {
            list.add(new FieldError(field, message));
        }

        void rate(String path, EarnRate rate) {
            amount(path + ".spend", rate.spend(), false);
            if (rate.points() < 1 || rate.points() > MAX_POINTS_PER_RATE) {
                add(path + ".points", "must be between 1 and " + MAX_POINTS_PER_RATE);
            }
        }

        void creditRule(String path, CreditRule rule) {
            boolean cumulative = rule.type() instanceof CreditType.Fixed f && f.cumulative();
            // a cumulative rule divides by the minimum, so it must be positive there
            amount(path + ".minimum", rule.minimum(), !cumulative);
            switch (rule.type()) {
                case CreditType.Fixed(BigDecimal credit, boolean c) -> amount(path + ".type.credit", credit, false);
                case CreditType.Percent(BigDecimal percent) -> percent(path + ".type.percent", percent);
            }
            if (rule.validity() instanceof CreditValidity.Days(int days)
                    && (days < 1 || days > MAX_CREDIT_VALIDITY_DAYS)) {
                add(path + ".validity.days", "must be between 1 and " + MAX_CREDIT_VALIDITY_DAYS);
            }
        }

        void amount(String path, BigDecimal value, boolean zeroAllowed) {
            if (value.signum() < 0 || (!zeroAllowed && value.signum() == 0)) {
                add(path, zeroAllowed ? "must not be negative" : "must be greater than 0");
            } else if (value.compareTo(MAX_AMOUNT) > 0) {
                add(path, "must be at most " + MAX_AMOUNT.toPlainString());
            } else if (value.stripTrailingZeros().scale() > currencyScale) {
                add(path, "must have at most " + currencyScale + " decimals for the store currency");
            }
        }

        void percent(String path, BigDecimal value) {
            if (value.signum() <= 0 || value.compareTo(HUNDRED) > 0) {
                add(path, "must be greater than 0 and at most 100");
            } else if (value.stripTrailingZeros().scale() > MAX_PERCENT_DECIMALS) {
                add(path, "must have at most " + MAX_PERCENT_DECIMALS + " decimals");
            }
        }
    }
}
