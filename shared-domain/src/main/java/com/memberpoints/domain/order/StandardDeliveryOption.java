package com.memberpoints.domain.order;

import com.memberpoints.domain.model.DeliveryOptionCode;
import com.memberpoints.domain.settings.FinalDeliveryStatus;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The delivery options the 2023 article lists (section 7, SPEC §4a) with their final delivery status: the defaults
 * a merchant's own mapping ({@code settings.DeliveryOptionMapping}) can extend or override. Each has a stable code
 * the order events carry ({@code deliveryOption}) and the article's display name. The article's entry
 * "7-11 C2C/B2C/C2B" (and FamilyMart's "C2C/B2C") names several services: each has its own code here.
 */
public enum StandardDeliveryOption {
    // ---- delivered to the customer: final status Arrived
    TCAT_DELIVERY("tcat_delivery", "Tcat (delivery)", FinalDeliveryStatus.ARRIVED),
    HCT_DELIVERY("hct_delivery", "HCT Logistics (delivery)", FinalDeliveryStatus.ARRIVED),
    NON_INTEGRATED_DELIVERY("non_integrated_delivery", "Non-integrated delivery options", FinalDeliveryStatus.ARRIVED),
    SEVEN_ELEVEN_CROSS_BORDER_DELIVERY("seven_eleven_cross_border_delivery", "7-11 cross-border (delivery)",
            FinalDeliveryStatus.ARRIVED),
    SF_EXPRESS_EXPRESS("sf_express_express", "SF Express (integrated) Delivery type: Express",
            FinalDeliveryStatus.ARRIVED),
    NINJA_VAN("ninja_van", "Ninja Van", FinalDeliveryStatus.ARRIVED),
    POSLAJU("poslaju", "POSLAJU", FinalDeliveryStatus.ARRIVED),
    KERRY_EXPRESS("kerry_express", "Kerry Express", FinalDeliveryStatus.ARRIVED),
    JANIO("janio", "JANIO", FinalDeliveryStatus.ARRIVED),
    YUN_EXPRESS("yun_express", "YUN Express", FinalDeliveryStatus.ARRIVED),
    POST("post", "International/domestic post", FinalDeliveryStatus.ARRIVED),
    GHTK("ghtk", "GHTK", FinalDeliveryStatus.ARRIVED),
    CHINA_SPECIALIST_DELIVERY("china_specialist_delivery",
            "China to Malaysia/Thailand/Taiwan specialist logistics options (delivery)", FinalDeliveryStatus.ARRIVED),
    // ---- picked up by the customer: final status Collected
    CUSTOM_SHIPPING("custom_shipping", "Custom shipping/ Custom return", FinalDeliveryStatus.COLLECTED),
    PICKUP_IN_STORE("pickup_in_store", "Pick-up in store", FinalDeliveryStatus.COLLECTED),
    SEVEN_ELEVEN_C2C("seven_eleven_c2c", "7-11 C2C FMT-only emap (non-integrated)", FinalDeliveryStatus.COLLECTED),
    SEVEN_ELEVEN_B2C("seven_eleven_b2c", "7-11 B2C FMT-only emap (non-integrated)", FinalDeliveryStatus.COLLECTED),
    SEVEN_ELEVEN_C2B("seven_eleven_c2b", "7-11 C2B FMT-only emap (non-integrated)", FinalDeliveryStatus.COLLECTED),
    FAMILY_MART_C2C("family_mart_c2c", "FamilyMart C2C FMT-only emap (non-integrated)", FinalDeliveryStatus.COLLECTED),
    FAMILY_MART_B2C("family_mart_b2c", "FamilyMart B2C FMT-only emap (non-integrated)", FinalDeliveryStatus.COLLECTED),
    FAMILY_MART_B2C_REFRIGERATED("family_mart_b2c_refrigerated", "FamilyMart B2C - Refrigerated",
            FinalDeliveryStatus.COLLECTED),
    SEVEN_ELEVEN_CROSS_BORDER_NON_COD("seven_eleven_cross_border_non_cod", "7-11 cross-border (non-C.O.D.)",
            FinalDeliveryStatus.COLLECTED),
    SF_EXPRESS_PICKUP("sf_express_pickup", "SF Express (integrated) Delivery type: Pickup", FinalDeliveryStatus.COLLECTED),
    ALFRED_SMART_LOCKER("alfred_smart_locker", "Alfred Smart Locker", FinalDeliveryStatus.COLLECTED),
    HOP("hop", "HOP!", FinalDeliveryStatus.COLLECTED),
    CHINA_TAIWAN_SPECIALIST_PICKUP("china_taiwan_specialist_pickup", "China-Taiwan specialist logistics (pickup)",
            FinalDeliveryStatus.COLLECTED);

    private static final Map<DeliveryOptionCode, StandardDeliveryOption> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(StandardDeliveryOption::code, Function.identity()));

    private final DeliveryOptionCode code;
    private final String displayName;
    private final FinalDeliveryStatus finalStatus;

    StandardDeliveryOption(String code, String displayName, FinalDeliveryStatus finalStatus) {
        this.code = DeliveryOptionCode.of(code);
        this.displayName = displayName;
        this.finalStatus = finalStatus;
    }

    public DeliveryOptionCode code() {
        return code;
    }

    /** The article's name of the option. */
    public String displayName() {
        return displayName;
    }

    public FinalDeliveryStatus finalStatus() {
        return finalStatus;
    }

    /** The built-in option with this code, if any. */
    public static Optional<StandardDeliveryOption> byCode(DeliveryOptionCode code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
