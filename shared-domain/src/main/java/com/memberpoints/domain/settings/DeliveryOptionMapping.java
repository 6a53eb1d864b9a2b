package com.memberpoints.domain.settings;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The merchant's own delivery options and the final delivery status of each (SPEC §4a: "a merchant can map its own
 * delivery options"), keyed by option code. A code listed here also overrides the built-in default of that code.
 * Codes not listed fall back to the built-in list ({@code order.StandardDeliveryOption}), then to the documented
 * rule for unknown options (docs/decisions.md, "11.1"). Ranges are checked by {@link SettingsValidator}.
 */
public record DeliveryOptionMapping(SortedMap<String, FinalDeliveryStatus> finalStatus) {

    /** No merchant options: the built-in list only (what settings saved before this part read as). */
    public static final DeliveryOptionMapping EMPTY = new DeliveryOptionMapping(new TreeMap<>());

    /** Most options one merchant may map. */
    public static final int MAX_OPTIONS = 200;

    public DeliveryOptionMapping {
        Objects.requireNonNull(finalStatus, "finalStatus");
        finalStatus.forEach((k, v) -> {
            Objects.requireNonNull(k, "option code");
            Objects.requireNonNull(v, "final status of " + k);
        });
        finalStatus = Collections.unmodifiableSortedMap(new TreeMap<>(finalStatus));
    }

    public static DeliveryOptionMapping of(Map<String, FinalDeliveryStatus> finalStatus) {
        return new DeliveryOptionMapping(new TreeMap<>(finalStatus));
    }
}
