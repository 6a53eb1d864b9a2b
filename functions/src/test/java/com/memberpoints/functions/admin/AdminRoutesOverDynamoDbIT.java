package com.memberpoints.functions.admin;


import com.memberpoints.infra.testing.DynamoDbLocal;
import org.junit.jupiter.api.Nested;

/**
 * Every admin route test again, through the same API Gateway v2 events and handlers, over DynamoDB Local:
 * ledger, member, merchant and settings stores and the bulk job store on one fresh single table per test.
 * (The authorization matrix stays in memory: it never reaches a store.)
 */
class AdminRoutesOverDynamoDbIT {

    static AdminWorld dynamo() {
        return AdminWorld.overDynamoDb(DynamoDbLocal.shared());
    }

    @Nested
    class Adjustments extends AdjustPointsHandlerTest {
        @Override
        AdminWorld newWorld() {
            return dynamo();
        }
    }

    @Nested
    class Settings extends SettingsHandlersTest {
        @Override
        AdminWorld newWorld() {
            return dynamo();
        }
    }

    @Nested
    class SettingsSections extends SettingsSectionsTest {
        @Override
        AdminWorld newWorld() {
            return dynamo();
        }
    }

    @Nested
    class DeliveryOptionSettings extends DeliveryOptionsSettingsTest {
        @Override
        AdminWorld newWorld() {
            return dynamo();
        }
    }

    @Nested
    class MemberViews extends MemberViewsTest {
        @Override
        AdminWorld newWorld() {
            return dynamo();
        }
    }

    @Nested
    class BulkAssignments extends BulkAssignmentTest {
        @Override
        AdminWorld newWorld() {
            return AdminWorld.overDynamoDb(DynamoDbLocal.shared(), CrashingLedger::new);
        }
    }

    @Nested
    class OrdersReport extends OrdersReportTest {
        @Override
        AdminWorld newWorld() {
            return dynamo();
        }
    }

    @Nested
    class StoreProfile extends StoreProfileTest {
        @Override
        AdminWorld newWorld() {
            return dynamo();
        }
    }

    @Nested
    class StoreSpendRoute extends StoreSpendTest {
        @Override
        AdminWorld newWorld() {
            return dynamo();
        }
    }

    @Nested
    class Liability extends LiabilityReportTest {
        @Override
        AdminWorld newWorld() {
            return dynamo();
        }
    }

    /** POS redemption over the DynamoDB ledger (one transaction per debit and per revert, exactly once). */
    @Nested
    class PosRedemptionRoutes extends PosRedemptionTest {
        @Override
        AdminWorld newWorld() {
            return dynamo();
        }
    }
}
