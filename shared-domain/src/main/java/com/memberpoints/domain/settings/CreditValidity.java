package com.memberpoints.domain.settings;

/** How long rewarded store credits stay valid. */
public sealed interface CreditValidity {

    record Never() implements CreditValidity {}

    /** Valid through the end of local date (award date + {@code days}). */
    record Days(int days) implements CreditValidity {}

    CreditValidity NEVER = new Never();

    static CreditValidity days(int days) {
        return new Days(days);
    }
}
