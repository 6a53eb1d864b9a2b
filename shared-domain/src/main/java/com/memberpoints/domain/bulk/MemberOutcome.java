package com.memberpoints.domain.bulk;

import com.memberpoints.domain.model.MemberId;
import java.util.Objects;

/** What a bulk job did for one member id. */
public record MemberOutcome(MemberId member, Result result) {
    public MemberOutcome {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(result, "result");
    }

    public enum Result {
        /** Credited by this job (a re-run finds the credit already there and reports it again). */
        CREDITED,
        /** No member with this id in the store. */
        UNKNOWN_MEMBER,
        /** The ledger refused the credit (e.g. the operation id was taken by different content). */
        FAILED
    }
}
