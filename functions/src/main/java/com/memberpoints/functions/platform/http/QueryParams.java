package com.memberpoints.functions.platform.http;

import com.memberpoints.domain.model.InvalidInputException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validated query-string parameters. Each failure is a 400 naming the parameter. API Gateway joins
 * repeated parameters with commas; a parameter that must be single refuses such a value.
 */
public final class QueryParams {
    /** Page size parameter name and bounds used by every list (docs/api-conventions.md). */
    public static final String LIMIT = "limit";
    public static final String CURSOR = "cursor";
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    private final Map<String, String> params;

    QueryParams(Map<String, String> params) {
        this.params = params == null ? Map.of() : Map.copyOf(params);
    }

    public static QueryParams of(Map<String, String> params) {
        return new QueryParams(params);
    }

    /** Refuses any parameter not in {@code allowed} (a typo must not silently change what a list returns). */
    public QueryParams allowOnly(String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (String name : params.keySet()) {
            if (!ok.contains(name)) {
                throw new InvalidInputException(name, "is not a known query parameter");
            }
        }
        return this;
    }

    public Optional<String> string(String name, int maxLength) {
        String v = params.get(name);
        if (v == null || v.isEmpty()) {
            return Optional.empty();
        }
        if (v.length() > maxLength) {
            throw new InvalidInputException(name, "must be at most " + maxLength + " characters");
        }
        return Optional.of(v);
    }

    /** {@code limit}: 1..{@value #MAX_PAGE_SIZE}, default {@value #DEFAULT_PAGE_SIZE}. */
    public int pageSize() {
        return integer(LIMIT, 1, MAX_PAGE_SIZE).map(Long::intValue).orElse(DEFAULT_PAGE_SIZE);
    }

    /** {@code cursor}: the decoded position, empty for the first page. */
    public Optional<Map<String, String>> cursor() {
        return string(CURSOR, PageCursor.MAX_LENGTH).map(PageCursor::decode);
    }

    public Optional<Long> integer(String name, long min, long max) {
        return string(name, 20).map(v -> {
            long n;
            try {
                n = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(name, "must be a whole number");
            }
            if (n < min || n > max) {
                throw new InvalidInputException(name, "must be between " + min + " and " + max);
            }
            return n;
        });
    }

    public Optional<LocalDate> date(String name) {
        return string(name, 10).map(v -> {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(name, "must be a date as yyyy-MM-dd");
            }
        });
    }

    /** A required inclusive date range {@code from..to} of at most {@code maxDays} days. */
    public DateRange dateRange(String fromName, String toName, int maxDays) {
        LocalDate from = date(fromName).orElseThrow(() -> new InvalidInputException(fromName, "is required"));
        LocalDate to = date(toName).orElseThrow(() -> new InvalidInputException(toName, "is required"));
        if (to.isBefore(from)) {
            throw new InvalidInputException(toName, "must not be before " + fromName);
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > maxDays) {
            throw new InvalidInputException(toName, "the range must be at most " + maxDays + " days");
        }
        return new DateRange(from, to);
    }

    public record DateRange(LocalDate from, LocalDate to) {}

    /** A BCP 47 language tag ({@code zh-TW}). */
    public Optional<Locale> locale(String name) {
        return string(name, 35).map(v -> {
            try {
                return new Locale.Builder().setLanguageTag(v).build();
            } catch (IllformedLocaleException e) {
                throw new InvalidInputException(name, "must be a language tag such as en or zh-TW");
            }
        });
    }
}
