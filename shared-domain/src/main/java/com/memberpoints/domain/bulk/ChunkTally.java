package com.memberpoints.domain.bulk;

import java.util.List;

/** Counts of one processed chunk, added to its job exactly once. */
public record ChunkTally(long credited, long unknownMembers, long failed, long emailRecipients, long smsRecipients) {

    public static ChunkTally of(List<MemberOutcome> outcomes, long emailRecipients, long smsRecipients) {
        long c = 0;
        long u = 0;
        long f = 0;
        for (MemberOutcome o : outcomes) {
            switch (o.result()) {
                case CREDITED -> c++;
                case UNKNOWN_MEMBER -> u++;
                case FAILED -> f++;
            }
        }
        return new ChunkTally(c, u, f, emailRecipients, smsRecipients);
    }
}
