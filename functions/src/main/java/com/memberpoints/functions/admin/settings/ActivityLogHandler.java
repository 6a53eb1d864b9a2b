package com.memberpoints.functions.admin.settings;

import com.memberpoints.functions.admin.AdminJson;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.PageCursor;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.QueryParams;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /v1/admin/activity-log?limit=&cursor=} (permission {@code settings}): every settings change,
 * newest first, with the version it produced (for a store-profile change: the version in force), the section it
 * changed ({@code all} for the whole document), who made it, when, and each field's section and old → new value.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class ActivityLogHandler extends StaffApiHandler {
    private final SettingsStore store;

    public ActivityLogHandler() {
        this(Wiring.settingsStore(), JsonLogger.stdout());
    }

    public ActivityLogHandler(SettingsStore store, JsonLogger logger) {
        super(Permission.SETTINGS, logger);
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        QueryParams query = request.query().allowOnly(QueryParams.LIMIT, QueryParams.CURSOR);
        PageRequest page = new PageRequest(query.string(QueryParams.CURSOR, PageCursor.MAX_LENGTH), query.pageSize());
        Page<SettingsStore.ActivityLogEntry> entries = store.activityLog(staff.merchantId(), page);
        List<JsonValue> items = new ArrayList<>(entries.items().size());
        for (SettingsStore.ActivityLogEntry e : entries.items()) {
            items.add(JsonObject.builder()
                    .put("version", e.version())
                    .put("at", e.at().toString())
                    .put("section", e.section())
                    .put("changedBy", AdminJson.changedBy(e.actor()))
                    .put("changes", SettingsJson.changes(e.changes(), e.section()))
                    .build());
        }
        JsonObject.Builder body = JsonObject.builder().put("items", new JsonArray(items));
        if (entries.nextCursor().isPresent()) {
            body.put("nextCursor", entries.nextCursor().get());
        } else {
            body.putNull("nextCursor");
        }
        return ApiResponse.ok(body.build());
    }
}
