package com.memberpoints.functions.admin.orders;

import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.order.OrderPointsView;
import com.memberpoints.domain.settings.BoundRule;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.CreditValidity;
import com.memberpoints.domain.settings.ExpiryPolicy;
import com.memberpoints.domain.settings.GivenWhen;
import com.memberpoints.domain.settings.Timing;
import com.memberpoints.functions.platform.json.JsonObject;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** The admin order view's JSON ({@code AdminOrderPoints} in docs/openapi.yaml). */
final class OrdersJson {
    private OrdersJson() {}

    static JsonObject order(OrderPointsView v, Merchant merchant) {
        JsonObject.Builder b = JsonObject.builder().put("orderId", v.order().value());
        if (v.member().isPresent()) {
            b.put("memberId", v.member().get().value());
        } else {
            b.putNull("memberId");
        }
        b.put("status", v.status().name()).put("placedAt", v.placedAt().toString());
        instant(b, "completedAt", v.completedAt());
        JsonObject.Builder delivery = JsonObject.builder().put("status", v.delivery().status().name());
        instant(delivery, "finalAt", v.delivery().finalAt());
        return b.put("delivery", delivery.build())
                .put("currency", merchant.currency().getCurrencyCode())
                .put("amounts", JsonObject.builder().put("itemSubtotal", v.amounts().itemSubtotal())
                        .put("discounts", v.amounts().discounts()).put("storeCredits", v.amounts().storeCredits())
                        .put("pointDiscount", v.amounts().pointDiscount()).put("earnBase", v.amounts().earnBase()).build())
                .put("boundRule", rule(v.rule(), merchant))
                .put("points", points(v.points(), merchant))
                .put("credits", credits(v.credits()))
                .put("returns", returns(v.returns()))
                .build();
    }

    private static JsonObject returns(OrderPointsView.ReturnsView r) {
        var applied = new java.util.ArrayList<com.memberpoints.functions.platform.json.JsonValue>();
        for (var a : r.applied()) {
            applied.add(JsonObject.builder().put("returnId", a.returnId()).put("amount", a.amount())
                    .put("at", a.at().toString()).build());
        }
        return JsonObject.builder().put("full", r.full()).put("returnedTotal", r.returnedTotal())
                .put("applied", new com.memberpoints.functions.platform.json.JsonArray(applied))
                .put("pointsNotRecovered", r.pointsNotRecovered()).build();
    }

    private static JsonObject rule(OrderPointsView.BoundRuleView r, Merchant merchant) {
        BoundRule rule = r.rule();
        JsonObject.Builder earn = JsonObject.builder();
        if (r.earnRate().isPresent()) {
            earn.putDecimalString("spend", r.earnRate().get().spend().setScale(Money.scaleOf(merchant.currency()),
                    RoundingMode.UNNECESSARY)).put("points", r.earnRate().get().points())
                    .put("source", r.rateSource().orElseThrow().name());
        } else {
            earn.putNull("spend").putNull("points").put("notEarnedReason", r.pointsNotEarned().orElseThrow().name());
        }
        JsonObject.Builder expiry = JsonObject.builder();
        if (rule.expiry() instanceof ExpiryPolicy.AnnualDate a) {
            expiry.put("type", "ANNUAL_DATE").put("month", a.month()).put("day", a.day());
        } else {
            expiry.put("type", "NEVER");
        }
        JsonObject.Builder b = JsonObject.builder().put("settingsVersion", rule.settingsVersion())
                .put("programEnabled", rule.programEnabled()).put("earn", earn.build()).put("expiry", expiry.build());
        if (rule.memberTier().isPresent()) {
            b.put("tier", rule.memberTier().get().value());
        } else {
            b.putNull("tier");
        }
        if (r.creditRule().isPresent()) {
            b.put("creditRule", creditRule(r.creditRule().get(), merchant));
        } else {
            b.putNull("creditRule");
        }
        return b.build();
    }

    private static JsonObject creditRule(CreditRule c, Merchant merchant) {
        JsonObject.Builder b = JsonObject.builder();
        if (c.type() instanceof CreditType.Fixed f) {
            b.put("type", f.cumulative() ? "FIXED_CUMULATIVE" : "FIXED_NON_CUMULATIVE")
                    .put("threshold", new Money(c.minimum(), merchant.currency()))
                    .put("amount", new Money(f.credit(), merchant.currency()));
        } else if (c.type() instanceof CreditType.Percent p) {
            b.put("type", "PERCENTAGE").put("threshold", new Money(c.minimum(), merchant.currency()))
                    .putDecimalString("rate", p.percent().stripTrailingZeros());
        }
        if (c.validity() instanceof CreditValidity.Days d) {
            b.put("validityDays", d.days());
        } else {
            b.putNull("validityDays");
        }
        return b.build();
    }

    private static JsonObject points(OrderPointsView.PointsSide p, Merchant merchant) {
        JsonObject.Builder b = JsonObject.builder().put("givenWhen", timing(p.givenWhen()));
        if (p.expected().isPresent()) {
            OrderPointsView.Pending e = p.expected().get();
            JsonObject.Builder x = JsonObject.builder().put("points", e.points()).put("status", status(e.waiting()));
            instant(x, "dueAt", e.dueAt());
            if (e.expectedOn().isPresent()) {
                x.put("expectedOn", e.expectedOn().get().toString());
            } else {
                x.putNull("expectedOn");
            }
            b.put("expected", x.build());
        } else {
            b.putNull("expected");
        }
        if (p.assigned().isPresent()) {
            OrderPointsView.Assigned a = p.assigned().get();
            JsonObject.Builder x = JsonObject.builder().put("at", a.at().toString())
                    .put("on", LocalDate.ofInstant(a.at(), merchant.zone()).toString())
                    .put("by", a.by().name()).put("points", a.points());
            instant(x, "expiresAt", a.expiresAt());
            b.put("assigned", x.build());
        } else {
            b.putNull("assigned");
        }
        return b.put("earned", p.earned()).put("adjustedAdd", p.adjustedAdd()).put("adjustedDeduct", p.adjustedDeduct())
                .put("redeemed", p.redeemed()).put("reverted", p.reverted()).build();
    }

    private static JsonObject credits(OrderPointsView.CreditsSide c) {
        JsonObject.Builder b = JsonObject.builder().put("givenWhen", timing(c.givenWhen())).put("rewarded", c.rewarded());
        instant(b, "rewardedAt", c.rewardedAt());
        if (c.rewardedBy().isPresent()) {
            b.put("rewardedBy", c.rewardedBy().get().name());
        } else {
            b.putNull("rewardedBy");
        }
        return b.put("inLedger", c.inLedger()).put("redeemed", c.redeemed()).put("reverted", c.reverted()).build();
    }

    private static JsonObject timing(Timing t) {
        JsonObject.Builder b = JsonObject.builder().put("kind", t.when().kind());
        if (t.when() instanceof GivenWhen.DaysAfterDelivery d) {
            b.put("days", d.days());
        }
        return b.put("text", t.text()).build();
    }

    private static String status(Order.PendingPoints.Waiting waiting) {
        return switch (waiting) {
            case SCHEDULED -> "scheduled";
            case DELIVERY -> "awaiting-delivery";
            case COMPLETION -> "awaiting-completion";
        };
    }

    private static void instant(JsonObject.Builder b, String name, Optional<Instant> at) {
        if (at.isPresent()) {
            b.put(name, at.get().toString());
        } else {
            b.putNull(name);
        }
    }
}
