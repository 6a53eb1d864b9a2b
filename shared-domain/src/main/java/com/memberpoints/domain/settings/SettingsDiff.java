package com.memberpoints.domain.settings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Old → new field values between two settings versions, for the activity log. Fields use the same dotted
 * paths as {@link SettingsValidator}; tier overrides are keyed by tier id ({@code tiers[gold].earn.points})
 * so that reordering tiers is not reported as a change. The version number itself is not a change.
 */
public final class SettingsDiff {

    private SettingsDiff() {}

    /** The changes from {@code before} to {@code after}, sorted by field path. */
    public static List<SettingChange> between(MerchantSettings before, MerchantSettings after) {
        Map<String, String> a = flatten(before);
        Map<String, String> b = flatten(after);
        List<SettingChange> changes = new ArrayList<>();
        for (String key : new TreeSet<>(union(a, b))) {
            String o = a.get(key);
            String n = b.get(key);
            if (!Objects.equals(o, n)) {
                changes.add(new SettingChange(key, Optional.ofNullable(o), Optional.ofNullable(n)));
            }
        }
        return changes;
    }

    /** Every field of {@code s} as path → text (used for the log and for the very first version). */
    public static Map<String, String> flatten(MerchantSettings s) {
        Map<String, String> m = new TreeMap<>();
        PointsProgram p = s.points();
        m.put("points.enabled", Boolean.toString(p.enabled()));
        m.put("points.earn.enabled", Boolean.toString(p.earn().enabled()));
        putRate(m, "points.earn", p.earn().rate());
        m.put("points.channels.retailEnabled", Boolean.toString(p.channels().retailEnabled()));
        switch (p.expiry()) {
            case ExpiryPolicy.Never n -> m.put("points.expiry.type", "NEVER");
            case ExpiryPolicy.AnnualDate(int month, int day) -> {
                m.put("points.expiry.type", "ANNUAL_DATE");
                m.put("points.expiry.month", Integer.toString(month));
                m.put("points.expiry.day", Integer.toString(day));
            }
        }
        switch (p.assignment()) {
            case AssignmentPolicy.OnCompletion c -> m.put("points.assignment.type", "ON_COMPLETION");
            case AssignmentPolicy.AfterDelivery(int days) -> {
                m.put("points.assignment.type", "AFTER_DELIVERY");
                m.put("points.assignment.days", Integer.toString(days));
            }
        }
        RedeemRule r = s.redeem();
        m.put("redeem.enabled", Boolean.toString(r.enabled()));
        m.put("redeem.pointsPerUnit", Long.toString(r.pointsPerUnit()));
        m.put("redeem.minimumOrderAmount", text(r.minimumOrderAmount()));
        switch (r.cap()) {
            case RedeemCap.None n -> m.put("redeem.cap.type", "NONE");
            case RedeemCap.Fixed(BigDecimal amount) -> {
                m.put("redeem.cap.type", "FIXED");
                m.put("redeem.cap.amount", text(amount));
            }
            case RedeemCap.Percent(BigDecimal percent) -> {
                m.put("redeem.cap.type", "PERCENT");
                m.put("redeem.cap.percent", text(percent));
            }
        }
        m.put("credits.enabled", Boolean.toString(s.credits().enabled()));
        putCreditRule(m, "credits", s.credits().rule());
        for (TierRule t : s.tiers()) {
            String path = "tiers[" + t.tier().value() + "]";
            m.put(path + ".tier", t.tier().value());
            t.earn().ifPresent(rate -> putRate(m, path + ".earn", rate));
            t.credits().ifPresent(rule -> putCreditRule(m, path + ".credits", rule));
        }
        s.rulesText().forEach((tag, text) -> m.put("rulesText." + tag, text));
        ExpiryReminders reminders = s.expiryReminders();
        m.put("expiryReminders.enabled", Boolean.toString(reminders.enabled()));
        m.put("expiryReminders.daysBefore", Integer.toString(reminders.daysBefore()));
        m.put("expiryReminders.email", Boolean.toString(reminders.email()));
        m.put("expiryReminders.sms", Boolean.toString(reminders.sms()));
        s.deliveryOptions().finalStatus().forEach((code, status) ->
                m.put("deliveryOptions.finalStatus." + code, status.name()));
        return m;
    }

    private static void putRate(Map<String, String> m, String path, EarnRate rate) {
        m.put(path + ".spend", text(rate.spend()));
        m.put(path + ".points", Long.toString(rate.points()));
    }

    private static void putCreditRule(Map<String, String> m, String path, CreditRule rule) {
        m.put(path + ".minimum", text(rule.minimum()));
        switch (rule.type()) {
            case CreditType.Fixed(BigDecimal credit, boolean cumulative) -> {
                m.put(path + ".type.kind", "FIXED");
                m.put(path + ".type.credit", text(credit));
                m.put(path + ".type.cumulative", Boolean.toString(cumulative));
            }
            case CreditType.Percent(BigDecimal percent) -> {
                m.put(path + ".type.kind", "PERCENT");
                m.put(path + ".type.percent", text(percent));
            }
        }
        switch (rule.validity()) {
            case CreditValidity.Never n -> m.put(path + ".validity.type", "NEVER");
            case CreditValidity.Days(int days) -> {
                m.put(path + ".validity.type", "DAYS");
                m.put(path + ".validity.days", Integer.toString(days));
            }
        }
    }

    /** Numerically equal amounts ("10", "10.00") compare equal in the diff. */
    private static String text(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> keys = new java.util.HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
