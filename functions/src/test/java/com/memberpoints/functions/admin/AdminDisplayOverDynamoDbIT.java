package com.memberpoints.functions.admin;

import com.memberpoints.infra.testing.DynamoDbLocal;

/** {@link AdminOrderViewTest} over DynamoDB Local: the order and ledger adapters behind the admin order view and reach. */
class AdminDisplayOverDynamoDbIT extends AdminOrderViewTest {
    @Override
    AdminWorld newWorld() {
        return AdminWorld.overDynamoDb(DynamoDbLocal.shared());
    }
}
