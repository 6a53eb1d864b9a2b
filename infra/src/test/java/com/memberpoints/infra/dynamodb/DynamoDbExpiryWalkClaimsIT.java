package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.sweep.ExpiryWalkClaims;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The expiry walk claims on DynamoDB Local: conditional writes give the contract's answers. */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbExpiryWalkClaimsIT extends ExpiryWalkClaimsContract {
    private static DynamoDbExpiryWalkClaims claims;

    @BeforeAll
    static void createTable(DynamoDbLocal local) {
        claims = new DynamoDbExpiryWalkClaims(local.client(), local.createLedgerTable());
    }

    @Override
    ExpiryWalkClaims claims() {
        return claims;
    }
}
