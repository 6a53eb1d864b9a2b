package com.memberpoints.functions.admin.settings;

import com.memberpoints.functions.admin.AdminJson;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.settings.SettingsAdmin;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.settings.SettingChange;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code PUT /v1/admin/settings} (permission {@code settings}): replaces the settings. The client names the
 * version it read, in {@code If-Match} (412 when stale) or in the body's {@code version} (409 when stale);
 * one of them is required. Every invalid field is a 400 naming it. The answer is the saved settings, their
 * new {@code ETag}, and the changes recorded in the activity log.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class UpdateSettingsHandler extends StaffApiHandler {
    private final SettingsAdmin settings;

    public UpdateSettingsHandler() {
        this(Wiring.settingsAdmin(), JsonLogger.stdout());
    }

    public UpdateSettingsHandler(SettingsAdmin settings, JsonLogger logger) {
        super(Permission.SETTINGS, logger);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        Optional<Long> ifMatch = request.header("if-match").map(SettingsJson::parseEtag);
        SettingsJson.Update update = request.body(SettingsJson::read);
        long expected = SettingsJson.expectedVersion(ifMatch, update);
        SettingsAdmin.Outcome outcome = settings.update(staff.merchantId(), update.settings(), expected,
                staff.actor());
        return switch (outcome) {
            case SettingsAdmin.Outcome.Saved s -> {
                request.log().info("settings saved", "settingsVersion", s.settings().version(),
                        "changes", s.changes().size());
                JsonObject body = JsonObject.builder()
                        .put("settings", SettingsJson.write(s.settings().version(), s.settings()))
                        .put("changes", SettingsJson.changes(s.changes()))
                        .build();
                yield ApiResponse.ok(body).withHeader("etag", SettingsJson.etag(s.settings().version()));
            }
            case SettingsAdmin.Outcome.VersionConflict c -> {
                String detail = "The settings were changed by someone else (now version " + c.currentVersion()
                        + "); read them again and reapply your change.";
                throw ifMatch.isPresent() ? ApiException.preconditionFailed(detail) : ApiException.conflict(detail);
            }
            case SettingsAdmin.Outcome.StoreNotConfigured n -> throw AdminJson.storeNotConfigured();
        };
    }
}
