package com.memberpoints.functions.platform.http;

import java.util.Locale;
import java.util.Optional;

/**
 * What a staff token allows, from the {@code permissions} claim (docs/api-conventions.md). A claim
 * value is matched case-insensitively, with {@code -} and {@code _} alike ({@code member_points},
 * {@code MEMBER-POINTS}).
 */
public enum Permission {
    /** View members, their points and histories (SPEC §5: "customer management"). */
    CUSTOMER_MANAGEMENT,
    /** Add or deduct points, one member or in bulk, and record retail spend. */
    MEMBER_POINTS,
    /** Read and change program settings and read the activity log. */
    SETTINGS,
    /** Order export and liability reports. */
    REPORTS,
    /** Add or deduct store credits by hand (issue 11.2); separate from {@link #MEMBER_POINTS}. */
    STORE_CREDITS;

    /** The claim spelling of this permission: {@code customer_management}. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Permission> fromClaim(String value) {
        String normalized = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (Permission p : values()) {
            if (p.name().equals(normalized)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
