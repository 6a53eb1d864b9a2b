package com.memberpoints.domain.bulk;

import com.memberpoints.domain.model.MemberId;
import java.util.List;

/** One chunk of a job: its member ids and, once processed, their outcomes (same order). */
public record BulkChunk(int index, List<MemberId> members, List<MemberOutcome> outcomes) {
    public BulkChunk {
        members = List.copyOf(members);
        outcomes = List.copyOf(outcomes);
        if (!outcomes.isEmpty() && outcomes.size() != members.size()) {
            throw new IllegalArgumentException("outcomes must cover every member of the chunk");
        }
    }

    public boolean done() {
        return !outcomes.isEmpty() || members.isEmpty();
    }
}
