package com.memberpoints.infra.dynamodb;

import static com.memberpoints.infra.dynamodb.Attrs.instant;
import static com.memberpoints.infra.dynamodb.Attrs.map;
import static com.memberpoints.infra.dynamodb.Attrs.s;

import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.TierId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps the member profile item ({@code pk = U#<merchant>#<member>}, {@code sk = PROFILE}).
 * Hand-written mapping to DynamoDB attributes (not JSON: items stay readable in the console, each sealed
 * variant is a map with a {@code t} tag). Key formats are defined here; the store puts the keys and index attributes on the item.
 */
final class MemberItemMapper {
    private MemberItemMapper() {}

    // ------------------------------------------------------------------ keys

    static String memberPk(MerchantId m, MemberId id) {
        return "U#" + m.value() + "#" + id.value();
    }

    static final String MEMBER_SK = "PROFILE";

    // ------------------------------------------------------------------ member

    static Map<String, AttributeValue> member(MemberProfile p) {
        return map()
                .opt("name", p.name(), Attrs::s)
                .opt("email", p.email(), Attrs::s)
                .opt("phone", p.phone(), Attrs::s)
                .opt("locale", p.locale(), x -> s(x.toLanguageTag()))
                .opt("tier", p.tier(), x -> s(x.value()))
                .put("updatedAt", instant(p.updatedAt()))
                .put(UPDATED_NUM, AttributeValue.fromN(sortableNumber(p.updatedAt())))
                .build();
    }

    /** {@code updatedAt} as an exact decimal number of seconds, so the upsert condition compares it in DynamoDB. */
    static final String UPDATED_NUM = "updatedSeconds";

    static String sortableNumber(Instant at) {
        return BigDecimal.valueOf(at.getEpochSecond()).add(BigDecimal.valueOf(at.getNano(), 9)).toPlainString();
    }

    static MemberProfile member(MerchantId merchant, MemberId id, Map<String, AttributeValue> item) {
        Attrs.Reader r = new Attrs.Reader(item);
        return new MemberProfile(merchant, id, r.optStr("name"), r.optStr("email"), r.optStr("phone"),
                r.optStr("locale").map(Locale::forLanguageTag), r.optStr("tier").map(TierId::of), r.instant("updatedAt"));
    }
}
