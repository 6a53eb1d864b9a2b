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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * LOCAL ONLY — time travel. {@code GET /local/clock} tells the local time; {@code POST /local/clock}
 * with exactly one of
 * <ul>
 *   <li>{@code {"set": "2021-12-01T10:00:00+08:00"}} — an ISO-8601 date-time with offset, not in the past;</li>
 *   <li>{@code {"advance": "P3D"}} — an ISO-8601 duration ({@code PT2H}, {@code P3D}) or period
 *       ({@code P1M}, {@code P1Y}, added in the demo store's time zone)</li>
 * </ul>
 * moves the clock forward, running every assignment schedule and hourly sweep due on the way, and
 * answers what ran (a long travel: counts per kind and outcome, the first and last few runs and every
 * run that failed) and how many hourly sweeps were idle (nothing due: counted, not invoked — see
 * {@link LocalTimeMachine}). Never deployed: it lives in the local module only.
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
            return ApiResponse.ok(now(new LocalTimeMachine.Travel(List.of(), 0)));
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
        return ApiResponse.ok(now(machine.travelTo(target)));
    }

    private JsonObject now(LocalTimeMachine.Travel travel) {
        List<LocalTimeMachine.Fired> fired = travel.ran();
        List<JsonValue> ran = new ArrayList<>();
        for (int i = 0; i < fired.size(); i++) {
            LocalTimeMachine.Fired f = fired.get(i);
            if (listed(fired, i)) {
                ran.add(JsonObject.builder()
                        .put("at", f.at().atZone(zone).toOffsetDateTime().toString())
                        .put("kind", f.kind())
                        .put("subject", f.subject())
                        .put("outcome", f.outcome())
                        .build());
            }
        }
        JsonObject.Builder out = JsonObject.builder()
                .put("now", clock.now().truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime().toString())
                .put("zone", zone.getId())
                .put("sweepSchedule", "every hour on the hour, UTC")
                .put("idleSweeps", travel.idleSweeps());
        if (fired.size() > LIST_ALL_UP_TO) {
            // A long travel (many schedules, or hourly sweeps with work): counts per kind and outcome, the first and last few runs and
            // every run that did not succeed, instead of one entry per run.
            Map<String, Map<String, Integer>> counts = new TreeMap<>();
            for (LocalTimeMachine.Fired f : fired) {
                counts.computeIfAbsent(f.kind(), k -> new TreeMap<>()).merge(f.outcome(), 1, Integer::sum);
            }
            JsonObject.Builder byKind = JsonObject.builder();
            counts.forEach((kind, outcomes) -> {
                JsonObject.Builder o = JsonObject.builder();
                outcomes.forEach((outcome, n) -> o.put(outcome, (long) n));
                byKind.put(kind, o.build());
            });
            out.put("ranCount", fired.size())
                    .put("ranByKind", byKind.build())
                    .put("ranNotListed", fired.size() - ran.size());
        }
        return out.put("ran", JsonArray.of(ran)).build();
    }

    /** Runs listed one by one: all of a short travel; else the first and last {@value #ENDS} and every failure. */
    static final int LIST_ALL_UP_TO = 12;
    static final int ENDS = 3;

    private static boolean listed(List<LocalTimeMachine.Fired> fired, int i) {
        return fired.size() <= LIST_ALL_UP_TO || i < ENDS || i >= fired.size() - ENDS
                || !"ok".equals(fired.get(i).outcome());
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
