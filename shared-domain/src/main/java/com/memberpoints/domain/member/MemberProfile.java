package com.memberpoints.domain.member;

import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.TierId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the points service knows of a member, from the commerce platform's {@code MemberUpserted} events:
 * contact details (for notifications), preferred locale and membership tier. {@code updatedAt} is the
 * platform's time of the change, so a late, older event never overwrites a newer profile.
 */
public record MemberProfile(
        MerchantId merchant,
        MemberId member,
        Optional<String> name,
        Optional<String> email,
        Optional<String> phone,
        Optional<Locale> locale,
        Optional<TierId> tier,
        Instant updatedAt) {

    public MemberProfile {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean canReceiveEmail() {
        return email.isPresent();
    }

    public boolean canReceiveSms() {
        return phone.isPresent();
    }
}
