package com.memberpoints.functions.admin.settings;


import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.settings.SettingsAdmin;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.Objects;

/**
 * {@code GET /v1/admin/settings} (permission {@code settings}): the settings in force with their version,
 * also as the {@code ETag} to send back in {@code If-Match} when saving. Version 0 = never saved (defaults).
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class GetSettingsHandler extends StaffApiHandler {
    private final SettingsAdmin settings;

    public GetSettingsHandler() {
        this(Wiring.settingsAdmin(), JsonLogger.stdout());
    }

    public GetSettingsHandler(SettingsAdmin settings, JsonLogger logger) {
        super(Permission.SETTINGS, logger);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        SettingsAdmin.Current current = settings.current(staff.merchantId());
        return ApiResponse.ok(SettingsJson.write(current.version(), current.settings()))
                .withHeader("etag", SettingsJson.etag(current.version()));
    }
}
