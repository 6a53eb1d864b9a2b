package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.inmemory.InMemoryLiabilityCounters;
import com.memberpoints.domain.liability.LiabilityCounters;

/** The in-memory counters pass the same contract as the DynamoDB adapter. */
class InMemoryLiabilityCountersContractTest extends LiabilityCountersContract {
    private final InMemoryLiabilityCounters counters = new InMemoryLiabilityCounters();

    @Override
    LiabilityCounters counters() {
        return counters;
    }
}
