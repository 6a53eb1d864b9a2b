package com.memberpoints.infra.dynamodb;

import static com.memberpoints.infra.dynamodb.Attrs.l;
import static com.memberpoints.infra.dynamodb.Attrs.map;
import static com.memberpoints.infra.dynamodb.Attrs.s;

import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.TierId;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps the merchant profile item ({@code pk = MERCHANTS}, {@code sk = <merchant>}).
 * Hand-written mapping to DynamoDB attributes (not JSON: items stay readable in the console, each sealed
 * variant is a map with a {@code t} tag). Key formats are defined here; the store puts the keys and index attributes on the item.
 */
final class MerchantItemMapper {
    private MerchantItemMapper() {}

    // ------------------------------------------------------------------ keys

    static final String MERCHANTS_PK = "MERCHANTS";

    // ------------------------------------------------------------------ merchant

    static Map<String, AttributeValue> merchant(Merchant m) {
        return map()
                .put("name", m.name())
                .put("currency", m.currency().getCurrencyCode())
                .put("zone", m.zone().getId())
                .put("defaultLocale", m.defaultLocale().toLanguageTag())
                .put("locales", l(m.supportedLocales().stream().map(x -> s(x.toLanguageTag())).toList()))
                .put("sms", m.smsEnabled())
                .put("open", m.open())
                .put("tiers", l(m.membershipTiers().stream().map(t -> t.value()).sorted().map(Attrs::s).toList()))
                .build();
    }

    static Merchant merchant(MerchantId id, Map<String, AttributeValue> item) {
        Attrs.Reader r = new Attrs.Reader(item);
        Set<Locale> locales = new LinkedHashSet<>();
        r.list("locales").forEach(v -> locales.add(Locale.forLanguageTag(v.s())));
        Set<TierId> tiers = new LinkedHashSet<>();
        r.list("tiers").forEach(v -> tiers.add(TierId.of(v.s())));
        return new Merchant(id, r.str("name"), Currency.getInstance(r.str("currency")), ZoneId.of(r.str("zone")),
                Locale.forLanguageTag(r.str("defaultLocale")), locales, r.bool("sms"), r.bool("open"), tiers);
    }
}
