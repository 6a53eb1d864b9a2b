package com.memberpoints.domain.settings;

import com.memberpoints.domain.model.TierId;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One version of a merchant's settings. Versions start at 1 and grow by one with each saved change;
 * a draft not yet saved carries the version it is meant to follow plus one (see {@code SettingsStore}).
 *
 * <p>The records only refuse nulls; every range rule lives in {@link SettingsValidator} so that all bad
 * fields are reported at once.
 *
 * @param rulesText rules text keyed by BCP 47 language tag ({@code en}, {@code zh-TW})
 * @param deliveryOptions the merchant's own delivery options and their final status (SPEC §4a); empty by default
 */
public record MerchantSettings(
        long version,
        PointsProgram points,
        RedeemRule redeem,
        List<TierRule> tiers,
        OrderRewardCredits credits,
        SortedMap<String, String> rulesText,
        ExpiryReminders expiryReminders,
        DeliveryOptionMapping deliveryOptions) {

    public MerchantSettings {
        Objects.requireNonNull(expiryReminders, "expiryReminders");
        Objects.requireNonNull(deliveryOptions, "deliveryOptions");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(redeem, "redeem");
        Objects.requireNonNull(credits, "credits");
        tiers = List.copyOf(Objects.requireNonNull(tiers, "tiers"));
        rulesText = java.util.Collections.unmodifiableSortedMap(
                new TreeMap<>(Objects.requireNonNull(rulesText, "rulesText")));
    }

    /** The settings before expiry reminders and merchant delivery options existed: both off/empty. */
    public MerchantSettings(long version, PointsProgram points, RedeemRule redeem, List<TierRule> tiers,
                            OrderRewardCredits credits, SortedMap<String, String> rulesText) {
        this(version, points, redeem, tiers, credits, rulesText, ExpiryReminders.OFF, DeliveryOptionMapping.EMPTY);
    }

    /** Settings with expiry reminders and no merchant delivery options. */
    public MerchantSettings(long version, PointsProgram points, RedeemRule redeem, List<TierRule> tiers,
                            OrderRewardCredits credits, SortedMap<String, String> rulesText,
                            ExpiryReminders expiryReminders) {
        this(version, points, redeem, tiers, credits, rulesText, expiryReminders, DeliveryOptionMapping.EMPTY);
    }

    /** Settings with merchant delivery options and no expiry reminders. */
    public MerchantSettings(long version, PointsProgram points, RedeemRule redeem, List<TierRule> tiers,
                            OrderRewardCredits credits, SortedMap<String, String> rulesText,
                            DeliveryOptionMapping deliveryOptions) {
        this(version, points, redeem, tiers, credits, rulesText, ExpiryReminders.OFF, deliveryOptions);
    }

    public static MerchantSettings of(
            long version,
            PointsProgram points,
            RedeemRule redeem,
            List<TierRule> tiers,
            OrderRewardCredits credits,
            Map<String, String> rulesText) {
        return new MerchantSettings(version, points, redeem, tiers, credits, new TreeMap<>(rulesText));
    }

    /**
     * The settings of a merchant that has saved none yet (version 1): points program and redemption off,
     * earn toggle on at "1.00 = 1 point", retail channel on, points never expire, assigned at once on delivery,
     * 10 points = 1.00 with no minimum and no cap, no tier overrides, reward credits off (with a placeholder
     * rule "spend 100 get 10, non-cumulative, never expire"), no rules text. Valid for every currency.
     */
    public static MerchantSettings defaults() {
        return new MerchantSettings(
                1,
                new PointsProgram(false, new EarnRule(true, new EarnRate(java.math.BigDecimal.ONE, 1)), Channels.DEFAULT,
                        ExpiryPolicy.NEVER, AssignmentPolicy.afterDelivery(0)),
                new RedeemRule(false, 10, java.math.BigDecimal.ZERO, RedeemCap.NONE),
                List.of(),
                new OrderRewardCredits(false, new CreditRule(java.math.BigDecimal.valueOf(100),
                        new CreditType.Fixed(java.math.BigDecimal.TEN, false), CreditValidity.NEVER)),
                new TreeMap<>());
    }

    /** The overrides of {@code tier}, if the settings define any. */
    public Optional<TierRule> tierRule(TierId tier) {
        return tiers.stream().filter(t -> t.tier().equals(tier)).findFirst();
    }

    /** Same settings under another version number. */
    public MerchantSettings withVersion(long newVersion) {
        return new MerchantSettings(newVersion, points, redeem, tiers, credits, rulesText, expiryReminders,
                deliveryOptions);
    }

    /** Same settings with another expiry-reminders part. */
    public MerchantSettings withExpiryReminders(ExpiryReminders reminders) {
        return new MerchantSettings(version, points, redeem, tiers, credits, rulesText, reminders, deliveryOptions);
    }

    /** Same settings with another merchant delivery-option mapping. */
    public MerchantSettings withDeliveryOptions(DeliveryOptionMapping mapping) {
        return new MerchantSettings(version, points, redeem, tiers, credits, rulesText, expiryReminders, mapping);
    }
}
