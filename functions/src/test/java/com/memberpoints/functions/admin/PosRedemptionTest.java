package com.memberpoints.functions.admin;

import static com.memberpoints.functions.admin.AdminWorld.SHOP;
import static com.memberpoints.functions.admin.AdminWorld.call;
import static com.memberpoints.functions.admin.AdminWorld.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.Lot;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.RedeemCap;
import com.memberpoints.domain.settings.RedeemRule;
import com.memberpoints.domain.staff.Receipt;
import com.memberpoints.functions.admin.members.PosRedemptionCancellationHandler;
import com.memberpoints.functions.admin.members.PosRedemptionHandler;
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.http.Permission;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The POS redemption routes (issue 11 item 4) over the in-memory world; exchanges checked against the OpenAPI. */
class PosRedemptionTest {
    static final Instant END_2026 = Instant.parse("2026-12-31T15:59:59Z");
    static final Instant END_2027 = Instant.parse("2027-12-31T15:59:59Z");
    final AdminWorld world = newWorld();
    final PosRedemptionHandler redeem = new PosRedemptionHandler(world.services.posRedemptions(),
            world.services.merchants(), world.log().logger());
    final PosRedemptionCancellationHandler cancel = new PosRedemptionCancellationHandler(
            world.services.posRedemptions(), world.services.merchants(), world.log().logger());
    final WalletRef wallet = WalletRef.points(SHOP, MemberId.of("mem-42"));

    AdminWorld newWorld() {
        return new AdminWorld();
    }

    void setUp(boolean redeemEnabled) {
        world.member(SHOP, "mem-42", true, true);
        MerchantSettings d = MerchantSettings.defaults();
        // online: at least 1,000.00 per order and at most 5.00 off; neither applies in store
        world.saveSettings(SHOP, new MerchantSettings(1, StoreSpendTest.program(true).points(), new RedeemRule(redeemEnabled, 10,
                new BigDecimal("1000.00"), RedeemCap.fixed("5.00")), d.tiers(), d.credits(), d.rulesText()));
        world.ledger.apply(LedgerCommand.earn(SHOP, MemberId.of("mem-42"), OrderId.of("later"), 500,
                Optional.of(END_2027), AdminWorld.NOW.minusSeconds(60)));
        world.ledger.apply(LedgerCommand.earn(SHOP, MemberId.of("mem-42"), OrderId.of("sooner"), 300,
                Optional.of(END_2026), AdminWorld.NOW.minusSeconds(60)));
    }

    APIGatewayV2HTTPResponse post(String body, Permission... permissions) {
        return call(redeem, event("POST", "/v1/admin/members/{memberId}/pos-redemptions", Map.of("memberId", "mem-42"),
                Map.of(), Map.of(), body, ApiEvents.staff("shop-1", "cashier-7",
                        permissions.length == 0 ? new Permission[] {Permission.MEMBER_POINTS} : permissions)));
    }

    APIGatewayV2HTTPResponse cancel(String receipt, String staff) {
        return call(cancel, event("POST", "/v1/admin/members/{memberId}/pos-redemptions/{receiptId}/cancellation",
                Map.of("memberId", "mem-42", "receiptId", receipt), Map.of(), Map.of(), null,
                ApiEvents.staff("shop-1", staff, Permission.MEMBER_POINTS)));
    }

    long balance() {
        return world.ledger.wallet(wallet).balance();
    }

    @Test
    void aSaleTakesTheMaximumIgnoringTheOnlineMinimumAndCap_soonestExpiringFirst_oncePerReceipt() {
        setUp(true);
        var r = post("{\"receiptId\":\"R-1\",\"saleAmount\":\"64.90\",\"points\":\"maximum\"}");
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(201);
        assertThat(r.getBody()).contains("\"points\":640", "\"pointDiscount\":\"64.00\"", "\"amountDue\":\"0.90\"",
                "\"orderId\":\"pos-R-1\"", "\"changedBy\":\"cashier-7\"", "\"repeat\":false",
                "\"reason\":\"In-store sale 64.90, receipt R-1\"");
        assertThat(balance()).isEqualTo(160);
        // the 300 expiring in 2026 went first, then 340 of the 500 expiring in 2027
        assertThat(world.ledger.wallet(wallet).lots().asList()).containsExactly(new Lot(Optional.of(END_2027), 160));
        var again = post("{\"receiptId\":\"R-1\",\"saleAmount\":\"64.90\",\"points\":\"maximum\"}");
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getBody()).contains("\"points\":640", "\"repeat\":true");
        assertThat(balance()).isEqualTo(160);
        var other = post("{\"receiptId\":\"R-1\",\"saleAmount\":\"70.00\",\"points\":\"maximum\"}");
        assertThat(other.getStatusCode()).isEqualTo(409);
        assertThat(balance()).isEqualTo(160);
    }

    @Test
    void aNumberIsRoundedDownToTheUnit_belowOneUnitAboveTheSaleOrTheBalanceIs422NamingPoints() {
        setUp(true);
        var below = post("{\"receiptId\":\"R-2\",\"saleAmount\":\"100.00\",\"points\":5}");
        assertThat(below.getStatusCode()).isEqualTo(422);
        assertThat(below.getBody()).contains("\"field\":\"points\"", "At least 10 points must be entered");
        var aboveSale = post("{\"receiptId\":\"R-2\",\"saleAmount\":\"10.00\",\"points\":200}");
        assertThat(aboveSale.getStatusCode()).isEqualTo(422);
        assertThat(aboveSale.getBody()).contains("At most 100 points can be applied to this sale");
        var aboveBalance = post("{\"receiptId\":\"R-2\",\"saleAmount\":\"1000.00\",\"points\":900}");
        assertThat(aboveBalance.getStatusCode()).isEqualTo(422);
        assertThat(aboveBalance.getBody()).contains("exceeds the balance of 800 points");
        var ok = post("{\"receiptId\":\"R-2\",\"saleAmount\":\"100.00\",\"points\":25}");
        assertThat(ok.getStatusCode()).isEqualTo(201);
        assertThat(ok.getBody()).contains("\"points\":20", "\"pointDiscount\":\"2.00\"");
        assertThat(balance()).isEqualTo(780);
    }

    @Test
    void badBodiesAre400NamingTheField() {
        setUp(true);
        var r = post("{\"receiptId\":\"R 1\",\"saleAmount\":\"-1.00\",\"points\":\"all\"}");
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getBody()).contains("\"receiptId\"", "\"saleAmount\"", "\"points\"");
        var missing = post("{\"receiptId\":\"R-1\",\"saleAmount\":\"10.00\"}");
        assertThat(missing.getStatusCode()).isEqualTo(400);
        assertThat(missing.getBody()).contains("\"points\"", "is required");
        assertThat(balance()).isEqualTo(800);
    }

    @Test
    void redemptionSwitchedOffInTheSettingsAlsoStopsItInStore() {
        setUp(false);
        var r = post("{\"receiptId\":\"R-1\",\"saleAmount\":\"64.90\",\"points\":\"maximum\"}");
        assertThat(r.getStatusCode()).isEqualTo(422);
        assertThat(r.getBody()).contains("redeeming points is switched off");
        assertThat(balance()).isEqualTo(800);
    }

    @Test
    void customerManagementAloneCannotRedeem() {
        setUp(true);
        var r = post("{\"receiptId\":\"R-1\",\"saleAmount\":\"64.90\",\"points\":\"maximum\"}",
                Permission.CUSTOMER_MANAGEMENT);
        assertThat(r.getStatusCode()).isEqualTo(403);
        assertThat(balance()).isEqualTo(800);
    }

    @Test
    void cancellingTheReceiptReturnsThePointsToTheirOriginalLotsOnce_byTheStaffMember_andTheReceiptIsListed() {
        setUp(true);
        List<Lot> before = world.ledger.wallet(wallet).lots().asList();
        post("{\"receiptId\":\"R-3\",\"saleAmount\":\"64.90\",\"points\":\"maximum\"}");
        world.clock.set(AdminWorld.NOW.plusSeconds(600));
        var first = cancel("R-3", "manager-2");
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(200);
        assertThat(first.getBody()).contains("\"pointsReturned\":640", "\"repeat\":false", "\"kind\":\"REDEEM_REVERT\"",
                "\"changedBy\":\"manager-2\"");
        var again = cancel("R-3", "cashier-7");
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getBody()).contains("\"repeat\":true");
        assertThat(world.ledger.wallet(wallet).lots().asList()).isEqualTo(before);
        assertThat(cancel("R-404", "cashier-7").getStatusCode()).isEqualTo(404);
        assertThat(post("{\"receiptId\":\"R-3\",\"saleAmount\":\"64.90\",\"points\":\"maximum\"}").getStatusCode())
                .isEqualTo(409);
        assertThat(balance()).isEqualTo(800);

        List<Receipt> listed = world.receipts.recordedBetween(SHOP, AdminWorld.NOW.minusSeconds(1),
                AdminWorld.NOW.plusSeconds(3600), PageRequest.first(10)).items();
        assertThat(listed).singleElement().satisfies(rc -> {
            assertThat(rc.pointsRedeemed()).isEqualTo(640);
            assertThat(rc.cancelledAt()).contains(AdminWorld.NOW.plusSeconds(600));
        });
    }
}
