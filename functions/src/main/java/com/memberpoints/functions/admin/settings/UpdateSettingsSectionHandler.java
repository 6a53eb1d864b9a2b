package com.memberpoints.functions.admin.settings;

import com.memberpoints.functions.admin.AdminJson;
import com.memberpoints.domain.settings.SettingsAdmin;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.Access;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.Objects;

/**
 * {@code PUT /v1/admin/settings/{section}} (the section's updaters, {@link SettingsSections}): replaces one section,
 * never another. {@code If-Match} with the section's {@code ETag} is required (400 without it); 412 when the section
 * changed since it was read — a concurrent change of another section is not a conflict (docs/decisions.md, 11.6). The
 * answer is the saved section, the new settings version, the changes logged under the section's name, and its new ETag.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class UpdateSettingsSectionHandler extends StaffApiHandler {
    private final SettingsAdmin settings;

    public UpdateSettingsSectionHandler() {
        this(Wiring.settingsAdmin(), JsonLogger.stdout());
    }

    public UpdateSettingsSectionHandler(SettingsAdmin settings, JsonLogger logger) {
        super(new Access.StaffPerPath("section", SettingsSections::updaters, SettingsSections.UNKNOWN), logger);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        SettingsSections.Entry entry = request.pathParameter("section", SettingsSections::require);
        String ifMatch = SettingsJson.parseSectionEtag(request.header("if-match"));
        MerchantSettings source = request.body(entry.read());
        return switch (settings.updateSection(staff.merchantId(), entry.section(), source, ifMatch, staff.actor())) {
            case SettingsAdmin.SectionOutcome.Saved s -> {
                request.log().info("settings section saved", "section", entry.name(),
                        "settingsVersion", s.section().version(), "changes", s.changes().size());
                yield ApiResponse.ok(SettingsJson.sectionSaved(entry, s.section(), s.changes()))
                        .withHeader("etag", SettingsJson.sectionEtag(s.section().tag()));
            }
            case SettingsAdmin.SectionOutcome.Stale st -> throw ApiException.preconditionFailed("The " + entry.name()
                    + " settings were changed by someone else; read them again and reapply your change.");
            case SettingsAdmin.SectionOutcome.StoreNotConfigured n -> throw AdminJson.storeNotConfigured();
        };
    }
}
