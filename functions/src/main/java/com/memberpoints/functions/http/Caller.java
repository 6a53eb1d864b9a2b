package com.memberpoints.functions.http;

import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.StaffId;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as established by the JWT authorizer's claims ({@link Claims}). The merchant always
 * comes from here, never from a path, query or body: a caller can only ever reach its own store.
 */
public sealed interface Caller {

    MerchantId merchantId();

    /** A logged-in storefront member: reaches only their own data. */
    record Member(MerchantId merchantId, MemberId memberId) implements Caller {
        public Member {
            Objects.requireNonNull(merchantId, "merchantId");
            Objects.requireNonNull(memberId, "memberId");
        }
    }

    /** A merchant's staff user (admin), with the permissions granted by the token. */
    record Staff(MerchantId merchantId, StaffId staffId, Set<Permission> permissions) implements Caller {
        public Staff {
            Objects.requireNonNull(merchantId, "merchantId");
            Objects.requireNonNull(staffId, "staffId");
            permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
        }

        public boolean has(Permission permission) {
            return permissions.contains(permission);
        }

        /** The actor recorded in ledgers and the activity log for this staff's changes. */
        public Actor actor() {
            return new Actor.Staff(staffId);
        }
    }
}
