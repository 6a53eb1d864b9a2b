package com.memberpoints.domain.merchant;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.TierId;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A merchant (store) profile: currency (ISO 4217, with its minor-unit scale), IANA time zone, default and
 * supported locales, whether SMS is enabled, whether the store is open, and the membership tiers that exist
 * in the store (settings may only carry overrides for these).
 *
 * @param supportedLocales always contains {@code defaultLocale}
 */
public record Merchant(
        MerchantId id,
        String name,
        Currency currency,
        ZoneId zone,
        Locale defaultLocale,
        Set<Locale> supportedLocales,
        boolean smsEnabled,
        boolean open,
        Set<TierId> membershipTiers) {

    public static final int MAX_NAME_LENGTH = 200;

    public Merchant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(defaultLocale, "defaultLocale");
        Objects.requireNonNull(supportedLocales, "supportedLocales");
        Objects.requireNonNull(membershipTiers, "membershipTiers");
        com.memberpoints.domain.model.MemberText.require("name", name, 1, MAX_NAME_LENGTH, false);
        if (Money.scaleOf(currency) > 3) {
            throw new IllegalArgumentException("unsupported currency scale: " + currency);
        }
        LinkedHashSet<Locale> locales = new LinkedHashSet<>();
        locales.add(defaultLocale);
        locales.addAll(supportedLocales);
        supportedLocales = java.util.Collections.unmodifiableSet(locales);
        membershipTiers = Set.copyOf(membershipTiers);
    }

    /** True when {@code languageTag} (BCP 47, e.g. {@code zh-TW}) names one of the supported locales. */
    public boolean supports(String languageTag) {
        return supportedLocales.stream().anyMatch(l -> l.toLanguageTag().equalsIgnoreCase(languageTag));
    }

    public Money zero() {
        return Money.zero(currency);
    }

    public Merchant withOpen(boolean isOpen) {
        return new Merchant(id, name, currency, zone, defaultLocale, supportedLocales, smsEnabled, isOpen, membershipTiers);
    }
}
