package com.memberpoints.infra.scheduler;

import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.infra.wire.FlatFields;
import com.memberpoints.infra.wire.FlatJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The input of an order's one-time assignment schedule, {@code {"merchantId":"..","orderId":".."}}: written by
 * {@link EventBridgeAssignmentScheduler} into the schedule's target, read by the scheduled assignment function.
 * Reading is strict (both members required, nothing else allowed).
 */
public final class AssignmentPayloadCodec {
    private AssignmentPayloadCodec() {}

    /** Which order of which merchant is due. */
    public record Payload(MerchantId merchant, OrderId order) {}

    public static String encode(Payload payload) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("merchantId", payload.merchant().value());
        members.put("orderId", payload.order().value());
        return FlatJson.write(members);
    }

    /** The payload, or an {@link InvalidInputException} naming every wrong member. */
    public static Payload decode(String text) {
        FlatFields f = FlatFields.of(text);
        MerchantId merchant = f.text("merchantId", MerchantId::of);
        OrderId order = f.text("orderId", OrderId::of);
        f.done();
        if (merchant == null || order == null) {
            throw new InvalidInputException("body", "is not an assignment payload");
        }
        return new Payload(merchant, order);
    }
}
