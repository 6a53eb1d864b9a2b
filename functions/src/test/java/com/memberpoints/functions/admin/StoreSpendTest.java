package com.memberpoints.functions.admin;

import com.memberpoints.functions.admin.members.StoreSpendHandler;


import static com.memberpoints.functions.admin.AdminWorld.SHOP;
import static com.memberpoints.functions.admin.AdminWorld.call;
import static com.memberpoints.functions.admin.AdminWorld.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.settings.Channels;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.EarnRule;
import com.memberpoints.domain.settings.ExpiryPolicy;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.PointsProgram;
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.http.Permission;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoreSpendTest {
    final AdminWorld world = newWorld();
    final StoreSpendHandler handler = new StoreSpendHandler(world.services.storeSpend(), world.services.merchants(), world.log().logger());

    AdminWorld newWorld() {
        return new AdminWorld();
    }

    static MerchantSettings program(boolean retail) {
        MerchantSettings d = MerchantSettings.defaults();
        return new MerchantSettings(1, new PointsProgram(true, new EarnRule(true, new EarnRate(BigDecimal.TEN, 1)),
                new Channels(retail), ExpiryPolicy.NEVER, d.points().assignment()), d.redeem(), d.tiers(), d.credits(),
                d.rulesText());
    }

    APIGatewayV2HTTPResponse post(String member, String body) {
        return call(handler, event("POST", "/v1/admin/members/{memberId}/store-spend", Map.of("memberId", member),
                Map.of(), Map.of(), body, ApiEvents.staff("shop-1", "staff-7", Permission.MEMBER_POINTS)));
    }

    long balance() {
        return world.ledger.wallet(WalletRef.points(SHOP, MemberId.of("mem-42"))).balance();
    }

    @Test
    void retailSpendEarnsLikeAPosOrderOncePerReceipt() {
        world.member(SHOP, "mem-42", true, true);
        world.saveSettings(SHOP, program(true));
        var r = post("mem-42", "{\"receiptId\":\"R-1001\",\"amount\":\"100.00\"}");
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(201);
        assertThat(r.getBody()).contains("\"points\":10", "\"orderId\":\"retail-R-1001\"", "\"changedBy\":\"staff-7\"");
        assertThat(post("mem-42", "{\"receiptId\":\"R-1001\",\"amount\":\"100.00\"}").getStatusCode()).isEqualTo(200);
        assertThat(balance()).isEqualTo(10);
        assertThat(post("mem-42", "{\"receiptId\":\"R-1001\",\"amount\":\"200.00\"}").getStatusCode()).isEqualTo(409);
        assertThat(balance()).isEqualTo(10);
        var entry = world.ledger.history(WalletRef.points(SHOP, MemberId.of("mem-42")), PageRequest.first(5)).items().getFirst();
        assertThat(entry.kind()).isEqualTo(EntryKind.EARN);
        assertThat(entry.actor()).isEqualTo(Actor.staff("staff-7"));
    }

    @Test
    void nothingIsEarnedWhileTheRetailChannelIsOff() {
        world.member(SHOP, "mem-42", true, true);
        world.saveSettings(SHOP, program(false));
        var r = post("mem-42", "{\"receiptId\":\"R-1\",\"amount\":\"100.00\"}");
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getBody()).contains("\"points\":0", "\"reason\":\"RETAIL_CHANNEL_DISABLED\"");
        assertThat(balance()).isZero();
    }

    @Test
    void unknownMemberIs404() {
        world.saveSettings(SHOP, program(true));
        assertThat(post("nobody", "{\"receiptId\":\"R-1\",\"amount\":\"100.00\"}").getStatusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"amount\":\"100.00\"}|receiptId",
            "{\"receiptId\":\"a b\",\"amount\":\"100.00\"}|receiptId",
            "{\"receiptId\":\"R-1\"}|amount",
            "{\"receiptId\":\"R-1\",\"amount\":100}|amount",
            "{\"receiptId\":\"R-1\",\"amount\":\"0.00\"}|amount",
            "{\"receiptId\":\"R-1\",\"amount\":\"-5.00\"}|amount",
            "{\"receiptId\":\"R-1\",\"amount\":\"1.001\"}|amount",
            "{\"receiptId\":\"R-1\",\"amount\":\"1.00\",\"points\":5}|points",
    })
    void eachBadFieldIsA400NamingIt(String body, String field) {
        world.member(SHOP, "mem-42", true, true);
        var r = post("mem-42", body);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(400);
        assertThat(r.getBody()).contains("\"field\":\"" + field + "\"");
        assertThat(balance()).isZero();
    }
}
