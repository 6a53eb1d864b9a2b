package com.memberpoints.functions.platform.http;

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

    /**
     * Refuses a resource of another merchant with exactly the answer a missing one gets (404,
     * {@code "<what> not found."}), so its existence never leaks.
     */
    default void requireSameMerchant(MerchantId owner, String what) {
        if (!merchantId().equals(owner)) {
            throw ApiException.notFound(what + " not found.");
        }
    }

    /** A logged-in storefront member: reaches only their own data. */
    record Member(MerchantId merchantId, MemberId memberId) implements Caller {
        public Member {
            Objects.requireNonNull(merchantId, "merchantId");
            Objects.requireNonNull(memberId, "memberId");
        }

        /**
         * Refuses a resource (an order, a redemption) that is not this member's own — in another
         * merchant or of another member — with exactly the answer a missing one gets (404).
         */
        public void requireOwnerOf(MerchantId merchant, MemberId owner, String what) {
            if (!merchantId.equals(merchant) || !memberId.equals(owner)) {
                throw ApiException.notFound(what + " not found.");
            }
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
