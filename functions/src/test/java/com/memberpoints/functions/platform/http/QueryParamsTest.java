package com.memberpoints.functions.platform.http;

import com.memberpoints.domain.model.FieldError;
import com.memberpoints.domain.model.InvalidInputException;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParamsTest {

    private static void assertRefused(Runnable call, String field, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.errors()).extracting(FieldError::field).containsExactly(field);
            assertThat(e.errors().getFirst().message()).contains(messagePart);
        });
    }

    @Test
    void pageSizeDefaultsAndIsBounded() {
        assertThat(QueryParams.of(null).pageSize()).isEqualTo(QueryParams.DEFAULT_PAGE_SIZE);
        assertThat(QueryParams.of(Map.of("limit", "100")).pageSize()).isEqualTo(100);
        assertRefused(() -> QueryParams.of(Map.of("limit", "101")).pageSize(), "limit", "between 1 and 100");
        assertRefused(() -> QueryParams.of(Map.of("limit", "0")).pageSize(), "limit", "between 1 and 100");
        assertRefused(() -> QueryParams.of(Map.of("limit", "ten")).pageSize(), "limit", "whole number");
        assertRefused(() -> QueryParams.of(Map.of("limit", "5,6")).pageSize(), "limit", "whole number");
    }

    @Test
    void cursorsRoundTripAndForgeriesAreRefused() {
        String cursor = PageCursor.encode(Map.of("sk", "ENTRY#2026-11-22T10:00:00Z#0007"));
        assertThat(QueryParams.of(Map.of("cursor", cursor)).cursor())
                .contains(Map.of("sk", "ENTRY#2026-11-22T10:00:00Z#0007"));
        assertThat(QueryParams.of(Map.of()).cursor()).isEmpty();
        assertRefused(() -> QueryParams.of(Map.of("cursor", "not*base64")).cursor(), "cursor", "not a cursor");
        assertRefused(() -> QueryParams.of(Map.of("cursor", "WzFd")).cursor(), "cursor", "not a cursor"); // "[1]"
        assertRefused(() -> QueryParams.of(Map.of("cursor", "x".repeat(2000))).cursor(), "cursor", "at most");
    }

    @Test
    void datesAndRanges() {
        QueryParams q = QueryParams.of(Map.of("from", "2026-01-01", "to", "2026-01-31"));
        assertThat(q.dateRange("from", "to", 31)).isEqualTo(
                new QueryParams.DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
        assertRefused(() -> q.dateRange("from", "to", 30), "to", "at most 30 days");
        assertRefused(() -> QueryParams.of(Map.of("from", "2026-02-01", "to", "2026-01-01")).dateRange("from", "to", 366),
                "to", "must not be before from");
        assertRefused(() -> QueryParams.of(Map.of("from", "2026-02-30", "to", "2026-03-01")).dateRange("from", "to", 366),
                "from", "yyyy-MM-dd");
        assertRefused(() -> QueryParams.of(Map.of("to", "2026-03-01")).dateRange("from", "to", 366), "from", "is required");
    }

    @Test
    void localesAndUnknownParameters() {
        assertThat(QueryParams.of(Map.of("locale", "zh-TW")).locale("locale")).contains(Locale.forLanguageTag("zh-TW"));
        assertRefused(() -> QueryParams.of(Map.of("locale", "not a tag!")).locale("locale"), "locale", "language tag");
        assertRefused(() -> QueryParams.of(Map.of("limit", "5", "lmit", "5")).allowOnly("limit", "cursor"), "lmit", "not a known");
    }
}
