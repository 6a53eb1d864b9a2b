package com.memberpoints.functions.admin.settings;

import com.memberpoints.domain.settings.SettingsAdmin;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.Access;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.Objects;

/**
 * {@code GET /v1/admin/settings/{section}} (the section's readers, {@link SettingsSections}): one section of the
 * settings in force, in the whole document's form, with the section's {@code ETag} to send back in {@code If-Match}.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class GetSettingsSectionHandler extends StaffApiHandler {
    private final SettingsAdmin settings;

    public GetSettingsSectionHandler() {
        this(Wiring.settingsAdmin(), JsonLogger.stdout());
    }

    public GetSettingsSectionHandler(SettingsAdmin settings, JsonLogger logger) {
        super(new Access.StaffPerPath("section", SettingsSections::readers, SettingsSections.UNKNOWN), logger);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        SettingsSections.Entry entry = request.pathParameter("section", SettingsSections::require);
        SettingsAdmin.SectionView view = settings.currentSection(staff.merchantId(), entry.section());
        return ApiResponse.ok(entry.write().apply(view.settings()))
                .withHeader("etag", SettingsJson.sectionEtag(view.tag()));
    }
}
