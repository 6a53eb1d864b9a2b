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

    /**
     * The caller allowed for {@code claims} on a request with these path parameters; the same as
     * {@link #authorize(Map)} unless the permission depends on the path ({@link StaffPerPath}).
     */
    default Optional<Caller> authorize(Map<String, String> claims, Map<String, String> pathParameters) {
        return authorize(claims);
    }

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

    /**
     * Admin routes whose permission depends on a path parameter (the settings sections: {@code GET|PUT
     * /v1/admin/settings/{section}}): staff holding ANY of {@code permissions.apply(value)}. A value with no
     * permissions (an unknown section) is a 404 for staff, after the 401/403 checks of the caller, so a member or
     * an anonymous caller learns nothing about which sections exist.
     */
    record StaffPerPath(String parameter, java.util.function.Function<String, java.util.Set<Permission>> permissions,
                        String unknownDetail) implements Access {
        public StaffPerPath {
            Objects.requireNonNull(parameter, "parameter");
            Objects.requireNonNull(permissions, "permissions");
            Objects.requireNonNull(unknownDetail, "unknownDetail");
        }

        @Override
        public Optional<Caller> authorize(Map<String, String> claims) {
            return authorize(claims, Map.of());
        }

        @Override
        public Optional<Caller> authorize(Map<String, String> claims, Map<String, String> pathParameters) {
            Caller caller = Claims.callerOf(claims);
            if (!(caller instanceof Caller.Staff staff)) {
                throw ApiException.forbidden("This route is for the merchant's staff.");
            }
            String value = pathParameters == null ? null : pathParameters.get(parameter);
            java.util.Set<Permission> allowed = value == null ? java.util.Set.of() : permissions.apply(value);
            if (allowed.isEmpty()) {
                throw ApiException.notFound(unknownDetail);
            }
            if (allowed.stream().noneMatch(staff::has)) {
                throw ApiException.forbidden("This route needs " + (allowed.size() == 1 ? "the " : "one of the ")
                        + String.join(" or ", allowed.stream().sorted().map(Permission::claimValue).toList())
                        + (allowed.size() == 1 ? " permission." : " permissions."));
            }
            return Optional.of(caller);
        }
    }
}
