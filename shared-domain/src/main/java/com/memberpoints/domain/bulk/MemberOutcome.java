package com.memberpoints.domain.bulk;

import com.memberpoints.domain.model.MemberId;
import java.util.Objects;

/**
 * What a bulk job did for one member id; {@code failure} says why when the result is {@link Result#FAILED}
 * (empty otherwise), in words fit for the staff who started the job.
 */
public record MemberOutcome(MemberId member, Result result, String failure) {
    /** Longest failure text kept (it is stored with the chunk). */
    public static final int MAX_FAILURE_LENGTH = 200;

    public MemberOutcome {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(failure, "failure");
        if (result != Result.FAILED && !failure.isEmpty()) {
            throw new IllegalArgumentException("only a FAILED outcome has a failure text");
        }
        if (failure.codePointCount(0, failure.length()) > MAX_FAILURE_LENGTH) {
            failure = failure.substring(0, failure.offsetByCodePoints(0, MAX_FAILURE_LENGTH));
        }
    }

    public MemberOutcome(MemberId member, Result result) {
        this(member, result, "");
    }

    public static MemberOutcome failed(MemberId member, String why) {
        return new MemberOutcome(member, Result.FAILED, why);
    }

    public enum Result {
        /** Credited by this job (a re-run finds the credit already there and reports it again). */
        CREDITED,
        /** No member with this id in the store. */
        UNKNOWN_MEMBER,
        /**
         * The credit can never succeed (the ledger refused it, e.g. the operation id was taken by different
         * content, or the command itself is invalid): recorded with its reason so the chunk, and the job, end.
         */
        FAILED
    }
}
