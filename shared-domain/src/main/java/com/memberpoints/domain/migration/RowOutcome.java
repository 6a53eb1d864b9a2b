package com.memberpoints.domain.migration;

import java.util.Objects;

/**
 * What the import did (or, after the dry run, will do) with one row; {@code detail} says why for the outcomes that
 * are not a success, in words fit for the staff who uploaded the file (empty otherwise).
 */
public record RowOutcome(int row, String member, Result result, String detail) {
    public static final int MAX_DETAIL_LENGTH = 200;

    public RowOutcome {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(detail, "detail");
        if (detail.length() > MAX_DETAIL_LENGTH) {
            detail = detail.substring(0, MAX_DETAIL_LENGTH);
        }
    }

    public enum Result {
        /** Dry run: the row will be imported by the run. */
        VALID,
        /** The row cannot be read (bad amount, past expiry, duplicate, ...): never imported. */
        INVALID,
        /** No member with this id: never imported. */
        UNKNOWN_MEMBER,
        /** Run: credited now. */
        IMPORTED,
        /** Run: this row of this file was credited before (an earlier run of the same file, or a redelivery). */
        ALREADY_IMPORTED,
        /** Run: the ledger refused the credit (detail says why). */
        FAILED,
        /** Run: not imported because the dry run found it invalid or its member unknown. */
        SKIPPED;

        /** True for the dry-run outcomes that stop a run unless errors are accepted. */
        public boolean isError() {
            return this == INVALID || this == UNKNOWN_MEMBER;
        }
    }
}
