package com.memberpoints.local;

import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.PublicApiHandler;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * LOCAL ONLY — time travel. {@code GET /local/clock} tells the local time; {@code POST /local/clock}
 * with exactly one of
 * <ul>
 *   <li>{@code {"set": "2021-12-01T10:00:00+08:00"}} — an ISO-8601 date-time with offset, not in the past;</li>
 *   <li>{@code {"advance": "P3D"}} — an ISO-8601 duration ({@code PT2H}, {@code P3D}) or period
 *       ({@code P1M}, {@code P1Y}, added in the demo store's time zone)</li>
 * </ul>
 * moves the clock forward, running every assignment schedule and daily sweep due on the way, and
 * answers what ran. Never deployed: it lives in the local module only.
 */
public final class LocalClockHandler extends PublicApiHandler {
    /** Longest single travel: enough for "next year", short enough to stay a one-request walk. */
    static final Duration MAX_TRAVEL = Duration.ofDays(3 * 366);

    private final LocalTimeMachine machine;
    private final LocalClock clock;
    private final ZoneId zone;

    public LocalClockHandler(LocalTimeMachine machine, LocalClock clock, ZoneId zone, JsonLogger logger) {
        super(logger);
        this.machine = machine;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        request.query().allowOnly();
        if (request.routeKey().startsWith("GET ")) {
            return ApiResponse.ok(now(List.of()));
        }
        Travel travel = request.body(r -> new Travel(r.optionalString("set", 1, 64), r.optionalString("advance", 1, 32)));
        Instant now = clock.now();
        Instant target = travel.target(now, zone);
        if (target.isBefore(now)) {
            throw new InvalidInputException(travel.field(), "must not move the clock backwards (now " + now.atZone(zone).toOffsetDateTime() + ")");
        }
        if (Duration.between(now, target).compareTo(MAX_TRAVEL) > 0) {
            throw new InvalidInputException(travel.field(), "must move the clock at most " + MAX_TRAVEL.toDays() + " days at once");
        }
        List<LocalTimeMachine.Fired> fired = machine.travelTo(target);
        return ApiResponse.ok(now(fired));
    }

    private JsonObject now(List<LocalTimeMachine.Fired> fired) {
        List<JsonValue> ran = new ArrayList<>();
        for (LocalTimeMachine.Fired f : fired) {
            ran.add(JsonObject.builder()
                    .put("at", f.at().atZone(zone).toOffsetDateTime().toString())
                    .put("kind", f.kind())
                    .put("subject", f.subject())
                    .put("outcome", f.outcome())
                    .build());
        }
        return JsonObject.builder()
                .put("now", clock.now().truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime().toString())
                .put("zone", zone.getId())
                .put("dailySweepAt", machine.sweepTime() + " " + machine.sweepZone().getId())
                .put("ran", JsonArray.of(ran))
                .build();
    }

    private record Travel(Optional<String> set, Optional<String> advance) {
        Travel {
            if (set.isPresent() == advance.isPresent()) {
                throw new InvalidInputException("set", "give exactly one of 'set' (a date-time) or 'advance' (a duration)");
            }
        }

        String field() {
            return set.isPresent() ? "set" : "advance";
        }

        Instant target(Instant now, ZoneId zone) {
            if (set.isPresent()) {
                try {
                    return OffsetDateTime.parse(set.get()).toInstant();
                } catch (DateTimeParseException e) {
                    throw new InvalidInputException("set", "must be an ISO-8601 date-time with offset, e.g. 2021-12-01T10:00:00+08:00");
                }
            }
            String text = advance.get();
            try {
                Duration d = Duration.parse(text);
                if (d.isNegative() || d.isZero()) {
                    throw new InvalidInputException("advance", "must be positive");
                }
                return now.plus(d);
            } catch (DateTimeParseException notADuration) {
                try {
                    Period p = Period.parse(text);
                    if (p.isNegative() || p.isZero()) {
                        throw new InvalidInputException("advance", "must be positive");
                    }
                    return now.atZone(zone).plus(p).toInstant();
                } catch (DateTimeParseException e) {
                    throw new InvalidInputException("advance", "must be an ISO-8601 duration or period, e.g. PT2H, P3D, P1Y");
                }
            }
        }
    }
}
