package com.memberpoints.functions.events;

import com.memberpoints.domain.sweep.DailySweep;

import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.functions.platform.MissingConfigurationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Limits of the daily sweep, from the environment (all optional):
 * <ul>
 *   <li>{@code HOLD_TIME_LIMIT} (ISO-8601 duration, default {@code PT24H}): a redemption hold not confirmed by an
 *       {@code OrderPlaced} within this time is released. 24 h is EventBridge's longest retry window, so a placed
 *       order's event has arrived by then; a shorter limit could give back points of an order that was placed.</li>
 *   <li>{@code RECONCILE_GRACE} (default {@code PT24H}): an order due this long ago and still unassigned has lost
 *       its schedule (the Scheduler retries for 12 h) and is assigned by the sweep.</li>
 *   <li>{@code SWEEP_MAX_ITEMS} (default 20000): wallets, holds and orders handled per merchant and job in one run,
 *       so a run ends within the Lambda timeout; the next run continues.</li>
 * </ul>
 */
public record SweepSettings(Duration holdTimeLimit, Duration reconcileGrace, int maxItems) {
    public static final String HOLD_TIME_LIMIT = AppConfig.HOLD_TIME_LIMIT;
    public static final String RECONCILE_GRACE = AppConfig.RECONCILE_GRACE;
    public static final String SWEEP_MAX_ITEMS = AppConfig.SWEEP_MAX_ITEMS;
    public static final SweepSettings DEFAULTS = new SweepSettings(Duration.ofHours(24), Duration.ofHours(24), 20_000);

    public SweepSettings {
        new DailySweep.Limits(holdTimeLimit, reconcileGrace, maxItems); // the domain's rule: positive limits
    }

    /** The limits as the daily sweep use case takes them. */
    public DailySweep.Limits limits() {
        return new DailySweep.Limits(holdTimeLimit, reconcileGrace, maxItems);
    }

    public static SweepSettings from(AppConfig config) {
        return new SweepSettings(
                duration(config, HOLD_TIME_LIMIT, DEFAULTS.holdTimeLimit()),
                duration(config, RECONCILE_GRACE, DEFAULTS.reconcileGrace()),
                config.optional(SWEEP_MAX_ITEMS).map(v -> {
                    try {
                        return Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new MissingConfigurationException(SWEEP_MAX_ITEMS + " must be a whole number, got " + v);
                    }
                }).orElse(DEFAULTS.maxItems()));
    }

    private static Duration duration(AppConfig config, String name, Duration fallback) {
        return config.optional(name).map(v -> {
            try {
                return Duration.parse(v);
            } catch (DateTimeParseException e) {
                throw new MissingConfigurationException(name + " must be an ISO-8601 duration such as PT24H, got " + v);
            }
        }).orElse(fallback);
    }
}
