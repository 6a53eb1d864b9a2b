package com.memberpoints.functions.admin;

import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LotChange;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** JSON shapes shared by the admin routes. */
public final class AdminJson {
    private AdminJson() {}

    /** {@code "staff-7"} for staff, {@code "system"} for everything else (SPEC §7: who made each change). */
    public static String changedBy(Actor actor) {
        return actor instanceof Actor.Staff s ? s.staffId().value() : "system";
    }

    /** One journal line as admins see it: the member-center fields plus who made the change. */
    public static JsonObject entry(JournalEntry e, Merchant merchant) {
        JsonObject.Builder b = JsonObject.builder()
                .put("operationId", e.operationId().value())
                .put("at", e.at().toString())
                .put("date", LocalDate.ofInstant(e.at(), merchant.zone()).toString())
                .put("kind", e.kind().name())
                .put("change", e.delta())
                .put("balanceAfter", e.balanceAfter())
                .put("reason", e.reason())
                .put("changedBy", changedBy(e.actor()))
                .put("changedByType", e.actor() instanceof Actor.Staff ? "staff" : "system");
        if (e.order().isPresent()) {
            b.put("orderId", e.order().get().value());
        } else {
            b.putNull("orderId");
        }
        List<JsonValue> lots = new ArrayList<>();
        for (LotChange c : e.lots()) {
            lots.add(lot(c.expiresAt().orElse(null), c.delta(), merchant).build());
        }
        b.put("lots", new JsonArray(lots));
        if (e.kind().isCredit()) {
            b.put("notification", JsonObject.builder().put("email", e.notification().email())
                    .put("sms", e.notification().sms()).build());
        }
        return b.build();
    }

    /** A lot or lot change: expiry instant and local date (null for never-expiring) and points. */
    public static JsonObject.Builder lot(Instant expiresAt, long points, Merchant merchant) {
        JsonObject.Builder b = JsonObject.builder();
        if (expiresAt == null) {
            b.putNull("expiresAt").putNull("expiresOn");
        } else {
            b.put("expiresAt", expiresAt.toString())
                    .put("expiresOn", LocalDate.ofInstant(expiresAt, merchant.zone()).toString());
        }
        return b.put("points", points);
    }

    /** The caller's store profile; a store with none set up answers 409 telling the admin to set it first. */
    public static Merchant store(MerchantStore merchants, MerchantId id) {
        return merchants.find(id).orElseThrow(AdminJson::storeNotConfigured);
    }

    /** 409: the store profile must be set up before this route can work. */
    public static ApiException storeNotConfigured() {
        return ApiException.conflict("The store profile (name, currency, time zone) is not set up yet: PUT /v1/admin/store first.");
    }
}
