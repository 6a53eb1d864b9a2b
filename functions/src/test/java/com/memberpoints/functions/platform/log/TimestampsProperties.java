package com.memberpoints.functions.platform.log;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsProperties {

    /** Same text as java.time for every instant from year 0001 to 9999, always with milliseconds. */
    @Property(tries = 2000)
    void matchesJavaTime(@ForAll @LongRange(min = -62_135_596_800_000L, max = 253_402_300_799_999L) long millis) {
        Instant instant = Instant.ofEpochMilli(millis);
        String expected = java.time.format.DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
        if (millis % 1000 == 0) { // ISO_INSTANT leaves out a zero fraction
            expected = expected.replace("Z", ".000Z");
        }
        assertThat(Timestamps.iso(millis)).isEqualTo(expected);
    }
}
