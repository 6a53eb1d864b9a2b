package com.memberpoints.domain.integration;

import com.memberpoints.domain.member.MemberProfile;
import java.util.Objects;
import java.util.Optional;

/** The member's contact details an event carries only when the merchant opted in ({@link PersonalData#CONTACT}). */
public record MemberContact(Optional<String> name, Optional<String> email, Optional<String> phone,
                            Optional<String> locale) {
    public MemberContact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(locale, "locale");
    }

    public static MemberContact of(MemberProfile p) {
        return new MemberContact(p.name(), p.email(), p.phone(), p.locale().map(java.util.Locale::toLanguageTag));
    }

    EventJson json() {
        return new EventJson().putIfPresent("name", name).putIfPresent("email", email)
                .putIfPresent("phone", phone).putIfPresent("locale", locale);
    }
}
