package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.notify.Channel;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The account-wide send budget over DynamoDB Local: exactly the limit per second, shared by concurrent takers. */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbSendBudgetIT {
    private static DynamoDbLocal local;
    private static String table;

    @BeforeAll
    static void createTable(DynamoDbLocal l) {
        local = l;
        table = l.createLedgerTable();
    }

    @Test
    void concurrentTakersGetExactlyTheLimitOfOneSecond_theNextSecondHasAFreshBudget() throws Exception {
        DynamoDbSendBudget budget = new DynamoDbSendBudget(local.client(), table, Map.of(Channel.EMAIL, 14));
        Instant second = Instant.parse("2026-12-04T09:00:00.100Z");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> takes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                takes.add(() -> budget.tryTake(Channel.EMAIL, second));
            }
            int granted = 0;
            for (Future<Boolean> f : pool.invokeAll(takes)) {
                granted += f.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(14);
        } finally {
            pool.shutdownNow();
        }
        assertThat(budget.tryTake(Channel.EMAIL, second.plusMillis(800))).as("same second, spent").isFalse();
        assertThat(budget.tryTake(Channel.EMAIL, second.plusSeconds(1))).as("next second").isTrue();
        // two minutes later the same ring slot is reused for the new second
        assertThat(budget.tryTake(Channel.EMAIL, second.plusSeconds(DynamoDbSendBudget.SLOTS))).isTrue();
        assertThat(budget.tryTake(Channel.EMAIL, second)).as("an older second never resets a newer slot").isFalse();
    }

    @Test
    void channelsHaveTheirOwnBudgets_anUnnamedChannelIsUnlimited() {
        DynamoDbSendBudget budget = new DynamoDbSendBudget(local.client(), table, Map.of(Channel.SMS, 1));
        Instant t = Instant.parse("2026-12-04T10:00:00Z");
        assertThat(budget.tryTake(Channel.SMS, t)).isTrue();
        assertThat(budget.tryTake(Channel.SMS, t)).isFalse();
        for (int i = 0; i < 20; i++) {
            assertThat(budget.tryTake(Channel.EMAIL, t)).isTrue();
        }
    }
}
