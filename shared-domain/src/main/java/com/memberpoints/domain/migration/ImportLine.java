package com.memberpoints.domain.migration;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of an import file as the dry run read it: either a {@link #valid} row, or the {@link #error} that makes
 * it unusable (in the API's words), with the member id text as written (control characters as spaces, cut to 128 characters) for the report.
 */
public record ImportLine(int row, String member, Optional<ImportRow> valid, String error) {
    public static final int MAX_MEMBER_TEXT = 128;

    public ImportLine {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(valid, "valid");
        Objects.requireNonNull(error, "error");
        if (valid.isPresent() == !error.isEmpty()) {
            throw new IllegalArgumentException("a line is either valid or has an error");
        }
        if (valid.isPresent() && valid.get().row() != row) {
            throw new IllegalArgumentException("row numbers differ");
        }
        member = member.replaceAll("\\p{Cntrl}", " "); // as written, but on one line
        if (member.length() > MAX_MEMBER_TEXT) {
            member = member.substring(0, MAX_MEMBER_TEXT);
        }
    }

    public static ImportLine of(ImportRow row) {
        return new ImportLine(row.row(), row.member().value(), Optional.of(row), "");
    }

    public static ImportLine invalid(int row, String member, String error) {
        return new ImportLine(row, member, Optional.empty(), error);
    }
}
