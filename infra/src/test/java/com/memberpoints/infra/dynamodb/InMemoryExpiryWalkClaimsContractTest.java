package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.inmemory.InMemoryExpiryWalkClaims;
import com.memberpoints.domain.sweep.ExpiryWalkClaims;

/** The in-memory claims pass the same contract as the DynamoDB adapter. */
class InMemoryExpiryWalkClaimsContractTest extends ExpiryWalkClaimsContract {
    private final InMemoryExpiryWalkClaims claims = new InMemoryExpiryWalkClaims();

    @Override
    ExpiryWalkClaims claims() {
        return claims;
    }
}
