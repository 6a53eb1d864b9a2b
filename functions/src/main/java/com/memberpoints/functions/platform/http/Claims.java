package com.memberpoints.functions.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.StaffId;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the claims API Gateway's JWT authorizer puts in {@code requestContext.authorizer.jwt.claims}
 * into a {@link Caller}. API Gateway has already checked the signature, issuer, audience and expiry;
 * this class checks that the claims describe exactly one kind of caller of one merchant.
 *
 * <p>Claims: {@value #MERCHANT_ID} (always), then either {@value #MEMBER_ID} (a member) or
 * {@value #STAFF_ID} plus {@value #PERMISSIONS} (staff). Anything else is a 401.
 */
public final class Claims {
    public static final String MERCHANT_ID = "merchant_id";
    public static final String MEMBER_ID = "member_id";
    public static final String STAFF_ID = "staff_id";
    public static final String PERMISSIONS = "permissions";

    private Claims() {}

    /** The claims map of the event, empty when the route had no authorizer or the token carried none. */
    public static Map<String, String> of(APIGatewayV2HTTPEvent event) {
        if (event.getRequestContext() == null
                || event.getRequestContext().getAuthorizer() == null
                || event.getRequestContext().getAuthorizer().getJwt() == null
                || event.getRequestContext().getAuthorizer().getJwt().getClaims() == null) {
            return Map.of();
        }
        return event.getRequestContext().getAuthorizer().getJwt().getClaims();
    }

    /**
     * The caller described by {@code claims}.
     *
     * @throws ApiException 401 when a claim is missing, malformed, or both member and staff claims are present
     */
    public static Caller callerOf(Map<String, String> claims) {
        if (claims.isEmpty()) {
            throw ApiException.unauthorized("A bearer token is required.");
        }
        Optional<String> merchantClaim = id(claims, MERCHANT_ID);
        if (merchantClaim.isEmpty()) { // plain code, no lambdas: this runs on every cold start
            throw missing(MERCHANT_ID);
        }
        MerchantId merchant = MerchantId.of(merchantClaim.get());
        Optional<String> member = id(claims, MEMBER_ID);
        Optional<String> staff = id(claims, STAFF_ID);
        if (member.isPresent() && staff.isPresent()) {
            throw ApiException.unauthorized("The token carries both " + MEMBER_ID + " and " + STAFF_ID + "; it must name one caller.");
        }
        if (member.isPresent()) {
            return new Caller.Member(merchant, MemberId.of(member.get()));
        }
        if (staff.isPresent()) {
            return new Caller.Staff(merchant, StaffId.of(staff.get()), permissions(claims.get(PERMISSIONS)));
        }
        throw ApiException.unauthorized("The token names neither a member (" + MEMBER_ID + ") nor a staff user (" + STAFF_ID + ").");
    }

    private static Optional<String> id(Map<String, String> claims, String name) {
        String v = claims.get(name);
        if (v == null || v.isEmpty()) {
            return Optional.empty();
        }
        if (!MerchantId.isValid(v)) { // same rule for every id
            throw ApiException.unauthorized("The token's " + name + " claim is not a valid identifier.");
        }
        return Optional.of(v);
    }

    private static ApiException missing(String claim) {
        return ApiException.unauthorized("The token has no " + claim + " claim.");
    }

    /**
     * Parses the permissions claim. API Gateway flattens claims to strings, so it accepts a
     * space- or comma-separated list ({@code "member_points customer_management"}), API Gateway's
     * rendering of a JSON array ({@code "[member_points customer_management]"}) and JSON array text
     * ({@code "[\"member_points\",\"customer_management\"]"}). Unknown values are ignored (a newer
     * identity provider may grant more than this version knows); absent means none.
     */
    static Set<Permission> permissions(String claim) {
        Set<Permission> out = EnumSet.noneOf(Permission.class);
        if (claim == null) {
            return out;
        }
        String s = claim.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        for (String token : s.split("[\\s,]+")) {
            String t = token.strip();
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                t = t.substring(1, t.length() - 1);
            }
            if (!t.isEmpty()) {
                Optional<Permission> p = Permission.fromClaim(t);
                if (p.isPresent()) {
                    out.add(p.get());
                }
            }
        }
        return out;
    }
}
