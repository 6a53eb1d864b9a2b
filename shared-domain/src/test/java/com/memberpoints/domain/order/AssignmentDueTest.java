package com.memberpoints.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.settings.AssignmentPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AssignmentDueTest {
    private static final com.memberpoints.domain.model.MerchantId M1 = com.memberpoints.domain.model.MerchantId.of("shop-1");
    private static final com.memberpoints.domain.model.OrderId O1 = com.memberpoints.domain.model.OrderId.of("order-1");


    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    @Test
    void dueDateUsesTheMerchantsLocalDeliveryDate() {
        Instant delivered = Instant.parse("2021-12-01T17:00:00Z"); // 12/2 01:00 in Taipei, 12/1 12:00 in New York
        assertThat(AssignmentDue.dueDate(3, delivered, TAIPEI)).isEqualTo(LocalDate.of(2021, 12, 5));
        assertThat(AssignmentDue.dueDate(3, delivered, NEW_YORK)).isEqualTo(LocalDate.of(2021, 12, 4));
    }

    @Test
    void dueAtIsTheStartOfTheDueLocalDayAcrossADstChange() {
        // delivered Saturday 2021-03-13 in New York, due 2021-03-15 after the spring-forward night
        Instant delivered = LocalDateTime.parse("2021-03-13T10:00:00").atZone(NEW_YORK).toInstant();
        assertThat(AssignmentDue.dueAt(2, delivered, NEW_YORK, AssignmentWindow.NONE, M1, O1)).isEqualTo(Instant.parse("2021-03-15T04:00:00Z"));
    }

    @Test
    void dueDayStartingInAMidnightGapFiresAtTheFirstInstantOfTheDay() {
        Instant delivered = LocalDateTime.parse("2018-11-01T12:00:00").atZone(SAO_PAULO).toInstant();
        Instant due = AssignmentDue.dueAt(3, delivered, SAO_PAULO, AssignmentWindow.NONE, M1, O1);
        assertThat(due.atZone(SAO_PAULO).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2018-11-04T01:00:00"));
    }

    @Test
    void zeroDaysIsDueAtTheDeliveryInstant() {
        Instant delivered = LocalDateTime.parse("2021-12-01T15:00:00").atZone(TAIPEI).toInstant();
        assertThat(AssignmentDue.dueAt(0, delivered, TAIPEI, AssignmentWindow.NONE, M1, O1)).isEqualTo(delivered);
    }

    @Test
    void negativeDaysAreRefused() {
        assertThatThrownBy(() -> AssignmentDue.dueDate(-1, Instant.EPOCH, TAIPEI))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void completionModeWaitsOnDelivery() {
        assertThat(AssignmentPlanner.onDelivered(AssignmentPolicy.ON_COMPLETION, Instant.EPOCH, TAIPEI, AssignmentWindow.NONE, M1, O1))
                .isInstanceOf(AssignmentPlan.Nothing.class);
    }
}
