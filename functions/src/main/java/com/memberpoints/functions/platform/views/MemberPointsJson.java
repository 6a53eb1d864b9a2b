package com.memberpoints.functions.platform.views;

import com.memberpoints.domain.ledger.Lot;
import com.memberpoints.domain.membercenter.AdminMemberView;
import com.memberpoints.domain.membercenter.MemberPointsView;
import com.memberpoints.domain.membercenter.PointsRules;
import com.memberpoints.domain.settings.ExpiryPolicy;
import com.memberpoints.domain.settings.GivenWhen;
import com.memberpoints.domain.settings.RedeemCap;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.order.Order;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of the ONE member points view ({@link MemberPointsView}) as the storefront's points panel
 * ({@code MemberPoints} in docs/openapi.yaml) and the admin member view ({@code AdminMemberPoints}) answer it.
 * Shared by both handlers so neither imports the other; the field sets are the documented contracts.
 */
public final class MemberPointsJson {
    private MemberPointsJson() {}

    /** {@code GET /v1/storefront/me/points}. */
    public static JsonObject storefront(MemberPointsView v, Merchant merchant) {
        List<JsonValue> byExpiry = new ArrayList<>();
        for (MemberPointsView.ExpiringBalance e : v.byExpiry()) {
            byExpiry.add(JsonObject.builder().put("expiresOn", e.expiresOn().toString()).put("points", e.points()).build());
        }
        JsonObject.Builder b = JsonObject.builder()
                .put("balance", v.balance())
                .put("cashValue", v.cashValue())
                .put("currency", merchant.currency().getCurrencyCode())
                .put("byExpiry", new JsonArray(byExpiry))
                .put("neverExpiring", v.neverExpiring())
                .put("pending", pending(v.pending()))
                .put("morePending", v.morePending());
        if (v.rules().isPresent()) {
            b.put("rules", JsonObject.builder().put("locale", v.rules().get().locale())
                    .put("text", v.rules().get().text()).build());
        } else {
            b.putNull("rules");
        }
        b.put("rulesSummary", rulesSummary(v.rulesSummary(), merchant));
        return b.build();
    }

    /**
     * The structured rules beside the free text ({@code PointsRulesSummary} in docs/openapi.yaml): earn rate (or why
     * none), redemption unit and conditions, expiry, when points are given, and one line per rule in {@code locale}.
     */
    static JsonObject rulesSummary(PointsRules r, Merchant merchant) {
        JsonObject.Builder earn = JsonObject.builder();
        if (r.earnRate().isPresent()) {
            earn.putDecimalString("spend", r.earnRate().get().spend().setScale(
                    com.memberpoints.domain.model.Money.scaleOf(merchant.currency()), java.math.RoundingMode.UNNECESSARY))
                    .put("points", r.earnRate().get().points()).put("source", r.rateSource().orElseThrow().name());
        } else {
            earn.putNull("spend").putNull("points").put("notEarnedReason", r.notEarning().orElseThrow().name());
        }
        earn.put("retailStoreEarns", r.retailEarns());
        JsonObject.Builder redeem = JsonObject.builder().put("enabled", r.redeemEnabled())
                .put("pointsPerUnit", r.pointsPerUnit()).put("minimumOrderAmount", r.minimumOrder());
        if (r.maximumDiscount() instanceof RedeemCap.Fixed f) {
            redeem.put("maximumDiscount", JsonObject.builder().put("type", "FIXED")
                    .put("amount", new com.memberpoints.domain.model.Money(f.amount(), merchant.currency())).build());
        } else if (r.maximumDiscount() instanceof RedeemCap.Percent p) {
            redeem.put("maximumDiscount", JsonObject.builder().put("type", "PERCENT")
                    .putDecimalString("percent", p.percent().stripTrailingZeros()).build());
        } else {
            redeem.put("maximumDiscount", JsonObject.builder().put("type", "NONE").build());
        }
        JsonObject.Builder expiry = JsonObject.builder();
        if (r.expiry() instanceof ExpiryPolicy.AnnualDate a) {
            expiry.put("type", "ANNUAL_DATE").put("month", a.month()).put("day", a.day());
        } else {
            expiry.put("type", "NEVER");
        }
        JsonObject.Builder when = JsonObject.builder().put("kind", r.givenWhen().kind());
        if (r.givenWhen() instanceof GivenWhen.DaysAfterDelivery d) {
            when.put("days", d.days());
        }
        List<JsonValue> lines = new ArrayList<>();
        for (String line : r.lines()) {
            lines.add(new com.memberpoints.functions.platform.json.JsonString(line));
        }
        return JsonObject.builder().put("programEnabled", r.programEnabled()).put("earn", earn.build())
                .put("redeem", redeem.build()).put("expiry", expiry.build()).put("givenWhen", when.build())
                .put("locale", r.locale().toLanguageTag()).put("lines", new JsonArray(lines)).build();
    }

    /** Whether the member can be sent an email / an SMS now, and why not ({@code reach} in {@code AdminMemberPoints}). */
    static JsonObject reach(AdminMemberView.Reach r) {
        JsonObject.Builder b = JsonObject.builder().put("email", r.email());
        if (r.emailUnavailable().isPresent()) {
            b.put("emailUnavailableReason", r.emailUnavailable().get().name());
        }
        b.put("sms", r.sms());
        if (r.smsUnavailable().isPresent()) {
            b.put("smsUnavailableReason", r.smsUnavailable().get().name());
        }
        return b.build();
    }

    /** {@code GET /v1/admin/members/{memberId}/points}: one line per lot (instant and local date), credits too. */
    public static JsonObject admin(MemberId member, AdminMemberView view, Merchant merchant) {
        MemberPointsView v = view.points();
        List<JsonValue> byExpiry = new ArrayList<>();
        for (Lot lot : v.expiringLots()) {
            byExpiry.add(JsonObject.builder().put("expiresAt", lot.expiresAt().orElseThrow().toString())
                    .put("expiresOn", LocalDate.ofInstant(lot.expiresAt().orElseThrow(), merchant.zone()).toString())
                    .put("points", lot.amount()).build());
        }
        return JsonObject.builder()
                .put("memberId", member.value())
                .put("points", v.balance())
                .put("cashValue", v.cashValue())
                .put("currency", merchant.currency().getCurrencyCode())
                .put("pointsPerUnit", v.pointsPerUnit())
                .put("byExpiry", new JsonArray(byExpiry))
                .put("neverExpiring", v.neverExpiring())
                .put("pending", pending(v.pending()))
                .put("morePending", v.morePending())
                .put("storeCredits", v.storeCredits())
                .put("reach", reach(view.reach()))
                .build();
    }

    /**
     * Pending points as the member center and the admin member view show them ({@code PendingPoints} in
     * docs/openapi.yaml): order, points, status and the expected local date, or null when it is not known yet.
     */
    public static JsonArray pending(List<MemberPointsView.PendingPoints> pending) {
        List<JsonValue> items = new ArrayList<>();
        for (MemberPointsView.PendingPoints p : pending) {
            JsonObject.Builder item = JsonObject.builder().put("orderId", p.order().value()).put("points", p.points())
                    .put("status", status(p.waiting()));
            if (p.expectedOn().isPresent()) {
                item.put("expectedOn", p.expectedOn().get().toString());
            } else {
                item.putNull("expectedOn");
            }
            items.add(item.build());
        }
        return new JsonArray(items);
    }

    /** The wire word for what a pending assignment waits for (docs/openapi.yaml, {@code PendingPoints.status}). */
    static String status(Order.PendingPoints.Waiting waiting) {
        return switch (waiting) {
            case SCHEDULED -> "scheduled";
            case DELIVERY -> "awaiting-delivery";
            case COMPLETION -> "awaiting-completion";
        };
    }
}
