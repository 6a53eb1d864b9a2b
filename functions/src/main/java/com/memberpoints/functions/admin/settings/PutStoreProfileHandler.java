package com.memberpoints.functions.admin.settings;


import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.settings.SettingsAdmin;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code PUT /v1/admin/store} (permission {@code settings}; the {@code store-profile} section): creates or replaces
 * the store profile (name, currency, IANA time zone, default and supported locales, SMS on/off, open/closed,
 * membership tiers). Every changed field goes to the activity log, old → new, with the actor. The currency cannot
 * change once set (409). {@code If-Match} is optional: when sent, 412 unless it is the profile's current ETag.
 * 201 when created, 200 when replaced.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class PutStoreProfileHandler extends StaffApiHandler {
    private final SettingsAdmin settings;

    public PutStoreProfileHandler() {
        this(Wiring.settingsAdmin(), JsonLogger.stdout());
    }

    public PutStoreProfileHandler(SettingsAdmin settings, JsonLogger logger) {
        super(Permission.SETTINGS, logger);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        Optional<String> ifMatch = request.header("if-match").map(h -> SettingsJson.parseSectionEtag(Optional.of(h)));
        Merchant profile = request.body(r -> StoreProfileJson.read(r, staff.merchantId()));
        return switch (settings.saveStoreProfile(profile, ifMatch, staff.actor())) {
            case SettingsAdmin.ProfileOutcome.Saved s -> {
                request.log().info("store profile saved", "created", s.created(), "changes", s.changes().size());
                ApiResponse answer = s.created()
                        ? ApiResponse.created("/v1/admin/store", StoreProfileJson.write(s.profile()))
                        : ApiResponse.ok(StoreProfileJson.write(s.profile()));
                yield answer.withHeader("etag", SettingsJson.sectionEtag(StoreProfileJson.tag(s.profile())));
            }
            case SettingsAdmin.ProfileOutcome.CurrencyLocked c -> throw ApiException.conflict(
                    "The store currency is " + c.currency() + " and cannot be changed once set.");
            case SettingsAdmin.ProfileOutcome.Stale st -> throw ApiException.preconditionFailed(
                    "The store profile was changed by someone else; read it again and reapply your change.");
        };
    }
}
