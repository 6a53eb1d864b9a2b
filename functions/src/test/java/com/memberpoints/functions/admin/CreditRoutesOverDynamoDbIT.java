package com.memberpoints.functions.admin;

import com.memberpoints.infra.testing.DynamoDbLocal;
import org.junit.jupiter.api.Nested;

/**
 * The store-credit routes (issue 11.2) and SPEC example 18 again, through the same API Gateway v2 events and
 * handlers, over DynamoDB Local: ledger, member, merchant, settings, order stores and the liability counters on one
 * fresh single table per test.
 */
class CreditRoutesOverDynamoDbIT {

    @Nested
    class Adjustments extends AdjustCreditsHandlerTest {
        @Override
        AdminWorld newWorld() {
            return AdminWorld.overDynamoDb(DynamoDbLocal.shared());
        }
    }

    @Nested
    class Example18 extends SpecExample18RoutesTest {
        @Override
        AdminWorld newWorld() {
            return AdminWorld.overDynamoDb(DynamoDbLocal.shared());
        }
    }
}
