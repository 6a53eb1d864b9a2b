package com.memberpoints.functions.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.settings.FinalDeliveryStatus;
import com.memberpoints.domain.settings.SettingChange;
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.http.Permission;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SPEC §4a: the merchant's own delivery options, read and updated through the settings document. */
class DeliveryOptionsSettingsTest {
    final SettingsHandlersTest routes = new SettingsHandlersTest() {
        @Override
        AdminWorld newWorld() {
            return DeliveryOptionsSettingsTest.this.newWorld();
        }
    };

    /** The stores the routes run over (in memory here; DynamoDB Local in {@code AdminRoutesOverDynamoDbIT}). */
    AdminWorld newWorld() {
        return new AdminWorld();
    }

    static String withOptions(String version, String deliveryOptions) {
        String body = SettingsHandlersTest.body(version).strip();
        return body.substring(0, body.length() - 1) + ",\"deliveryOptions\":" + deliveryOptions + "}";
    }

    @Test
    void aStoreWithoutSettingsReadsAnEmptyMapping() {
        var r = routes.getAs(ApiEvents.staff("shop-1", "s", Permission.SETTINGS));
        assertThat(r.getBody()).contains("\"deliveryOptions\":{\"finalStatus\":{}}");
    }

    @Test
    void theMappingIsSavedReadBackAndEachChangeIsInTheActivityLog() {
        var saved = routes.putWith("\"0\"", withOptions(null,
                "{\"finalStatus\":{\"my_locker\":\"COLLECTED\",\"my_courier\":\"ARRIVED\"}}"));
        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);
        assertThat(routes.world.settings.current(AdminWorld.SHOP).orElseThrow().deliveryOptions().finalStatus())
                .containsExactlyInAnyOrderEntriesOf(Map.of("my_courier", FinalDeliveryStatus.ARRIVED,
                        "my_locker", FinalDeliveryStatus.COLLECTED));
        var read = routes.getAs(ApiEvents.staff("shop-1", "s", Permission.SETTINGS));
        assertThat(read.getBody())
                .contains("\"deliveryOptions\":{\"finalStatus\":{\"my_courier\":\"ARRIVED\",\"my_locker\":\"COLLECTED\"}}");
        assertThat(routes.world.activity().getFirst().changes()).contains(new SettingChange(
                "deliveryOptions.finalStatus.my_locker", Optional.empty(), Optional.of("COLLECTED")));

        var changed = routes.putWith("\"1\"", withOptions(null, "{\"finalStatus\":{\"my_courier\":\"COLLECTED\"}}"));
        assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(200);
        assertThat(changed.getBody())
                .contains("\"field\":\"deliveryOptions.finalStatus.my_courier\",\"section\":\"delivery-options\","
                        + "\"old\":\"ARRIVED\",\"new\":\"COLLECTED\"")
                .contains("\"field\":\"deliveryOptions.finalStatus.my_locker\",\"section\":\"delivery-options\","
                        + "\"old\":\"COLLECTED\",\"new\":null");
    }

    @Test
    void aDocumentWithoutTheMappingSavesAsNoMerchantOptions() {
        assertThat(routes.putWith("\"0\"", withOptions(null, "{\"finalStatus\":{\"my_locker\":\"COLLECTED\"}}"))
                .getStatusCode()).isEqualTo(200);
        assertThat(routes.putWith("\"1\"", SettingsHandlersTest.body(null)).getStatusCode()).isEqualTo(200);
        assertThat(routes.world.settings.current(AdminWorld.SHOP).orElseThrow().deliveryOptions().finalStatus())
                .isEmpty();
    }

    @Test
    void badCodesAndStatusesAreRefusedNamingTheField() {
        var r = routes.putWith("\"0\"", withOptions(null,
                "{\"finalStatus\":{\"My Courier\":\"ARRIVED\",\"my_locker\":\"PICKED_UP\"}}"));
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getBody()).contains("\"field\":\"deliveryOptions.finalStatus.my_locker\"")
                .contains("must be one of ARRIVED, COLLECTED");
        var code = routes.putWith("\"0\"", withOptions(null, "{\"finalStatus\":{\"My Courier\":\"ARRIVED\"}}"));
        assertThat(code.getStatusCode()).isEqualTo(400);
        assertThat(code.getBody()).contains("\"field\":\"deliveryOptions.finalStatus.My Courier\"")
                .contains("lowercase letters");
        var extra = routes.putWith("\"0\"", withOptions(null, "{\"finalStatus\":{},\"defaults\":true}"));
        assertThat(extra.getStatusCode()).isEqualTo(400);
        assertThat(extra.getBody()).contains("\"field\":\"deliveryOptions.defaults\"");
        assertThat(routes.world.activity()).isEmpty();
    }
}
