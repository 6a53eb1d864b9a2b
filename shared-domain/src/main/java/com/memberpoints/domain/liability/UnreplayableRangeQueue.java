package com.memberpoints.domain.liability;

import com.memberpoints.domain.ledger.StreamRange;

/**
 * Where a stream range goes that cannot be replayed any more (past the stream's retention): kept for an operator,
 * with the reason, so that the liability counters' missing entries are known and can be recovered
 * (docs/observability.md, "Liability replay").
 */
public interface UnreplayableRangeQueue {
    void add(StreamRange range, String reason);
}
