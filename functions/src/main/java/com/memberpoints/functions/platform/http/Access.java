package com.memberpoints.functions.platform.http;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may call a route, declared once per handler and enforced by {@link ApiHandler} before the
 * handler's code runs: a handler cannot forget its authorization check.
 */
public sealed interface Access {

    /**
     * The caller allowed by this policy for {@code claims}.
     *
     * @throws ApiException 401 for missing/invalid claims, 403 for the wrong kind of caller or a missing permission
     */
    Optional<Caller> authorize(Map<String, String> claims);

    /** No token needed (health). Claims, if any, are ignored. */
    record Public() implements Access {
        @Override
        public Optional<Caller> authorize(Map<String, String> claims) {
            return Optional.empty();
        }
    }

    /** Storefront routes: a logged-in member only. */
    record MemberOnly() implements Access {
        @Override
        public Optional<Caller> authorize(Map<String, String> claims) {
            Caller caller = Claims.callerOf(claims);
            if (!(caller instanceof Caller.Member)) {
                throw ApiException.forbidden("This route is for storefront members.");
            }
            return Optional.of(caller);
        }
    }

    /** Admin routes: staff holding {@code permission}. */
    record StaffWith(Permission permission) implements Access {
        public StaffWith {
            Objects.requireNonNull(permission, "permission");
        }

        @Override
        public Optional<Caller> authorize(Map<String, String> claims) {
            Caller caller = Claims.callerOf(claims);
            if (!(caller instanceof Caller.Staff staff)) {
                throw ApiException.forbidden("This route is for the merchant's staff.");
            }
            if (!staff.has(permission)) {
                throw ApiException.forbidden("This route needs the " + permission.claimValue() + " permission.");
            }
            return Optional.of(caller);
        }
    }
}
