package com.memberpoints.functions.admin.settings;


import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.merchant.StoreProfiles;
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

/**
 * {@code PUT /v1/admin/store} (permission {@code settings}): creates or replaces the store profile (name,
 * currency, IANA time zone, default and supported locales, SMS on/off, open/closed, membership tiers). The
 * currency cannot change once set (409). 201 when created, 200 when replaced.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class PutStoreProfileHandler extends StaffApiHandler {
    private final StoreProfiles profiles;

    public PutStoreProfileHandler() {
        this(Wiring.storeProfiles(), JsonLogger.stdout());
    }

    public PutStoreProfileHandler(StoreProfiles profiles, JsonLogger logger) {
        super(Permission.SETTINGS, logger);
        this.profiles = Objects.requireNonNull(profiles, "profiles");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        Merchant profile = request.body(r -> StoreProfileJson.read(r, staff.merchantId()));
        return switch (profiles.save(profile)) {
            case StoreProfiles.Outcome.Saved s -> {
                request.log().info("store profile saved", "created", s.created());
                yield s.created() ? ApiResponse.created("/v1/admin/store", StoreProfileJson.write(s.merchant()))
                        : ApiResponse.ok(StoreProfileJson.write(s.merchant()));
            }
            case StoreProfiles.Outcome.CurrencyLocked c -> throw ApiException.conflict(
                    "The store currency is " + c.currency() + " and cannot be changed once set.");
        };
    }
}
