package com.memberpoints.domain.earning;

import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.model.SalesChannel;
import java.util.Objects;

/** The facts of an order that decide whether it earns at all. */
public record EarnFacts(CheckoutIdentity identity, SalesChannel channel, OrderKind kind, boolean splitChild) {
    public EarnFacts {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
    }

    /** A normal online order by a logged-in member. */
    public static EarnFacts onlineMember() {
        return new EarnFacts(CheckoutIdentity.MEMBER_LOGGED_IN, SalesChannel.ONLINE, OrderKind.NORMAL, false);
    }
}
