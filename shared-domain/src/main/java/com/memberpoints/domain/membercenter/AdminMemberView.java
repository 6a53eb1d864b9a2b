package com.memberpoints.domain.membercenter;

import java.util.Objects;
import java.util.Optional;

/**
 * The admin member view (SPEC §7): the member's points view plus whether the member can be reached by email and
 * SMS, so an admin screen can grey out "Send email" / "Send SMS" as the articles describe (issue 11.5).
 */
public record AdminMemberView(MemberPointsView points, Reach reach) {
    public AdminMemberView {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(reach, "reach");
    }

    /** Why a channel is greyed out. */
    public enum Unreachable {
        /** The member has no email address. */
        NO_EMAIL,
        /** The member has no phone number. */
        NO_PHONE,
        /** The store has SMS switched off (store profile). */
        STORE_SMS_OFF
    }

    /**
     * The channels a notification could use for this member now — the same rule the dispatcher and the bulk counts
     * apply ({@code NotificationDispatcher.channels}).
     */
    public record Reach(boolean email, Optional<Unreachable> emailUnavailable, boolean sms,
                        Optional<Unreachable> smsUnavailable) {
        public Reach {
            Objects.requireNonNull(emailUnavailable, "emailUnavailable");
            Objects.requireNonNull(smsUnavailable, "smsUnavailable");
            if (email == emailUnavailable.isPresent() || sms == smsUnavailable.isPresent()) {
                throw new IllegalArgumentException("a channel is either reachable or has a reason");
            }
        }
    }
}
