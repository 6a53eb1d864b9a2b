package com.memberpoints.functions.platform.log;

/**
 * ISO-8601 UTC timestamps with milliseconds ({@code 2026-11-22T16:35:54.123Z}) computed by hand:
 * {@code Instant.toString()} initialises java.time's formatter machinery (~60 classes, regex
 * included) on the first log line, a measurable part of a cold start.
 */
final class Timestamps {
    private Timestamps() {}

    static String iso(long epochMillis) {
        long seconds = Math.floorDiv(epochMillis, 1000L);
        int millis = (int) Math.floorMod(epochMillis, 1000L);
        long days = Math.floorDiv(seconds, 86_400L);
        int secOfDay = (int) Math.floorMod(seconds, 86_400L);

        // Civil date from days since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
        long z = days + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long doe = z - era * 146_097L;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);

        StringBuilder b = new StringBuilder(24);
        pad(b, year, 4).append('-');
        pad(b, month, 2).append('-');
        pad(b, day, 2).append('T');
        pad(b, secOfDay / 3600, 2).append(':');
        pad(b, secOfDay / 60 % 60, 2).append(':');
        pad(b, secOfDay % 60, 2).append('.');
        pad(b, millis, 3).append('Z');
        return b.toString();
    }

    private static StringBuilder pad(StringBuilder b, long value, int width) {
        String s = Long.toString(value);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s);
    }
}
