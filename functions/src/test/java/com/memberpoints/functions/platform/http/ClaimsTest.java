package com.memberpoints.functions.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClaimsTest {

    @ParameterizedTest
    @Event(value = "events/member-get-points.json", type = APIGatewayV2HTTPEvent.class)
    void aMemberTokenGivesAMember(APIGatewayV2HTTPEvent event) {
        assertThat(Claims.callerOf(Claims.of(event)))
                .isEqualTo(new Caller.Member(MerchantId.of("shop-1"), MemberId.of("mem-42")));
    }

    @ParameterizedTest
    @Event(value = "events/staff-on-storefront.json", type = APIGatewayV2HTTPEvent.class)
    void aStaffTokenGivesStaffWithItsPermissions(APIGatewayV2HTTPEvent event) {
        Caller caller = Claims.callerOf(Claims.of(event));
        assertThat(caller).isInstanceOf(Caller.Staff.class);
        Caller.Staff staff = (Caller.Staff) caller;
        assertThat(staff.merchantId().value()).isEqualTo("shop-1");
        assertThat(staff.staffId().value()).isEqualTo("staff-7");
        assertThat(staff.permissions()).containsExactlyInAnyOrder(Permission.CUSTOMER_MANAGEMENT,
                Permission.MEMBER_POINTS, Permission.SETTINGS, Permission.REPORTS,
                Permission.STORE_CREDITS); // the sample token's five
        assertThat(staff.actor().label()).isEqualTo("staff:staff-7");
    }

    @ParameterizedTest
    @Event(value = "events/health-get.json", type = APIGatewayV2HTTPEvent.class)
    void anEventWithoutAuthorizerHasNoClaimsAndIs401(APIGatewayV2HTTPEvent event) {
        assertThat(Claims.of(event)).isEmpty();
        assertUnauthorized(Claims.of(event), "bearer token is required");
    }

    @ParameterizedTest
    @Event(value = "events/claims-without-merchant.json", type = APIGatewayV2HTTPEvent.class)
    void noMerchantIs401NamingTheClaim(APIGatewayV2HTTPEvent event) {
        assertUnauthorized(Claims.of(event), "merchant_id");
    }

    @ParameterizedTest
    @Event(value = "events/claims-member-and-staff.json", type = APIGatewayV2HTTPEvent.class)
    void aTokenNamingBothAMemberAndStaffIs401(APIGatewayV2HTTPEvent event) {
        assertUnauthorized(Claims.of(event), "both");
    }

    @ParameterizedTest
    @Event(value = "events/claims-invalid-member-id.json", type = APIGatewayV2HTTPEvent.class)
    void aMalformedIdIs401(APIGatewayV2HTTPEvent event) {
        assertUnauthorized(Claims.of(event), "member_id");
    }

    @Test
    void aMerchantAloneIs401() {
        assertUnauthorized(Map.of("merchant_id", "shop-1", "sub", "x"), "neither");
    }

    private static void assertUnauthorized(Map<String, String> claims, String detailPart) {
        assertThatThrownBy(() -> Claims.callerOf(claims))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.UNAUTHORIZED);
                    assertThat(e.detail()).contains(detailPart);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "member_points customer_management",
            "[member_points customer_management]",
            "[\"member_points\",\"customer_management\"]",
            "MEMBER-POINTS, Customer_Management",
            "member_points customer_management future_permission"})
    void permissionsAreReadFromEveryShapeAuthorizersProduce(String claim) {
        assertThat(Claims.permissions(claim))
                .containsExactlyInAnyOrder(Permission.MEMBER_POINTS, Permission.CUSTOMER_MANAGEMENT);
    }

    @Test
    void absentOrEmptyPermissionsAreNone() {
        assertThat(Claims.permissions(null)).isEmpty();
        assertThat(Claims.permissions("")).isEmpty();
        assertThat(Claims.permissions("[]")).isEmpty();
    }

    @Test
    void staffWithoutPermissionsClaimIsStaffWithNone() {
        Caller c = Claims.callerOf(Map.of("merchant_id", "m", "staff_id", "s"));
        assertThat(c).isEqualTo(new Caller.Staff(MerchantId.of("m"), com.memberpoints.domain.model.StaffId.of("s"), Set.of()));
    }

    @Test
    void accessPoliciesRefuseTheWrongCallerWith403() {
        Map<String, String> member = Map.of("merchant_id", "m", "member_id", "a");
        Map<String, String> viewer = Map.of("merchant_id", "m", "staff_id", "s", "permissions", "customer_management");

        assertThat(new Access.MemberOnly().authorize(member)).isPresent();
        assertThat(new Access.StaffWith(Permission.CUSTOMER_MANAGEMENT).authorize(viewer)).isPresent();
        assertThat(new Access.Public().authorize(Map.of())).isEmpty();

        assertForbidden(() -> new Access.MemberOnly().authorize(viewer));
        assertForbidden(() -> new Access.StaffWith(Permission.CUSTOMER_MANAGEMENT).authorize(member));
        assertForbidden(() -> new Access.StaffWith(Permission.MEMBER_POINTS).authorize(viewer));
        assertForbidden(() -> new Access.StaffWith(Permission.SETTINGS).authorize(viewer));
    }

    @Test
    void anotherMembersOrMerchantsResourceLooksExactlyLikeAMissingOne() {
        Caller.Member alice = new Caller.Member(MerchantId.of("shop-1"), MemberId.of("alice"));
        alice.requireOwnerOf(MerchantId.of("shop-1"), MemberId.of("alice"), "Order");

        ApiException otherMember = catchApi(() -> alice.requireOwnerOf(MerchantId.of("shop-1"), MemberId.of("bob"), "Order"));
        ApiException otherShop = catchApi(() -> alice.requireOwnerOf(MerchantId.of("shop-2"), MemberId.of("alice"), "Order"));
        ApiException staffElsewhere = catchApi(() -> new Caller.Staff(MerchantId.of("shop-1"),
                com.memberpoints.domain.model.StaffId.of("s"), Set.of()).requireSameMerchant(MerchantId.of("shop-2"), "Order"));
        for (ApiException e : new ApiException[] {otherMember, otherShop, staffElsewhere}) {
            assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND);
            assertThat(e.detail()).isEqualTo("Order not found.");
        }
    }

    private static ApiException catchApi(Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    private static void assertForbidden(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.FORBIDDEN));
    }
}
