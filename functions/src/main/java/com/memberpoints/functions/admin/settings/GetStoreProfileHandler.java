package com.memberpoints.functions.admin.settings;

import com.memberpoints.domain.merchant.MerchantStore;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
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
 * {@code GET /v1/admin/store} (permission {@code settings}; the {@code store-profile} section): the store profile,
 * with its {@code ETag} for an optional {@code If-Match} on PUT; 404 until it is set.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class GetStoreProfileHandler extends StaffApiHandler {
    private final MerchantStore merchants;

    public GetStoreProfileHandler() {
        this(Wiring.merchantStore(), JsonLogger.stdout());
    }

    public GetStoreProfileHandler(MerchantStore merchants, JsonLogger logger) {
        super(Permission.SETTINGS, logger);
        this.merchants = Objects.requireNonNull(merchants, "merchants");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        return merchants.find(staff.merchantId())
                .map(m -> ApiResponse.ok(StoreProfileJson.write(m))
                        .withHeader("etag", SettingsJson.sectionEtag(StoreProfileJson.tag(m))))
                .orElseThrow(() -> ApiException.notFound("The store profile is not set up yet."));
    }
}
