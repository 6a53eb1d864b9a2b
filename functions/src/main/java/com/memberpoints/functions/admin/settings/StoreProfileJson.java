package com.memberpoints.functions.admin.settings;

import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.TierId;
import com.memberpoints.functions.platform.json.FieldReader;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** JSON of the store profile ({@link Merchant}); the merchant id always comes from the caller. */
final class StoreProfileJson {
    private StoreProfileJson() {}

    static JsonObject write(Merchant m) {
        List<String> locales = new ArrayList<>();
        m.supportedLocales().forEach(l -> locales.add(l.toLanguageTag()));
        List<String> tiers = new ArrayList<>();
        m.membershipTiers().forEach(t -> tiers.add(t.value()));
        tiers.sort(String::compareTo);
        return JsonObject.builder()
                .put("merchantId", m.id().value())
                .put("name", m.name())
                .put("currency", m.currency().getCurrencyCode())
                .put("timeZone", m.zone().getId())
                .put("defaultLocale", m.defaultLocale().toLanguageTag())
                .put("supportedLocales", JsonArray.ofStrings(locales))
                .put("smsEnabled", m.smsEnabled())
                .put("open", m.open())
                .put("membershipTiers", JsonArray.ofStrings(tiers))
                .build();
    }

    /** The profile's entity tag (the domain's, {@code StoreProfileDiff.tag}). */
    static String tag(Merchant m) {
        return com.memberpoints.domain.settings.StoreProfileDiff.tag(m);
    }

    static Merchant read(FieldReader r, MerchantId id) {
        r.readOnly("merchantId");
        String name = r.string("name", 1, Merchant.MAX_NAME_LENGTH);
        Currency currency = required(r, "currency",
                r.parsed("currency", 3, StoreProfileJson::currency, "must be an ISO 4217 code such as TWD"));
        ZoneId zone = required(r, "timeZone",
                r.parsed("timeZone", 64, StoreProfileJson::zone, "must be an IANA time zone such as Asia/Taipei"));
        Locale defaultLocale = required(r, "defaultLocale",
                r.parsed("defaultLocale", 35, StoreProfileJson::locale, "must be a language tag such as en"));
        List<Locale> supported = r.strings("supportedLocales", 0, 20, StoreProfileJson::locale,
                "must be a language tag such as zh-TW");
        boolean sms = r.bool("smsEnabled");
        boolean open = r.bool("open");
        List<TierId> tiers = r.strings("membershipTiers", 0, 100, TierId::of,
                "must be 1-64 characters of A-Z a-z 0-9 . _ : @ + -");
        if (currency != null && currency.getDefaultFractionDigits() > 3) {
            r.reject("currency", "has an unsupported minor-unit scale");
        }
        if (name == null || currency == null || zone == null || defaultLocale == null || supported.contains(null)
                || tiers.contains(null)) {
            return null;
        }
        try {
            return new Merchant(id, name, currency, zone, defaultLocale, new LinkedHashSet<>(supported), sms, open,
                    Set.copyOf(tiers));
        } catch (IllegalArgumentException e) {
            r.reject("currency", "has an unsupported minor-unit scale");
            return null;
        }
    }

    /** The parsed value; an absent field is refused as required (a bad one already has its error). */
    private static <T> T required(FieldReader r, String name, java.util.Optional<T> value) {
        if (value.isEmpty()) {
            r.requirePresent(name);  // absent or null (null used to slip through as a 500)
        }
        return value.orElse(null);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static Currency currency(String code) {
        if (!code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("not a code");
        }
        return Currency.getInstance(code);
    }

    private static Locale locale(String tag) {
        try {
            Locale l = new Locale.Builder().setLanguageTag(tag).build();
            if (l.getLanguage().isEmpty()) {
                throw new IllegalArgumentException("no language");
            }
            return l;
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
