package com.memberpoints.domain.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.settings.AssignmentPolicy;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AssignmentPlannerTest {

    private static final Instant T = Instant.parse("2022-09-15T06:00:00Z");

    @Test
    void creditsAreAwardedAtPaymentInDeliveryModeAndAtCompletionInCompletionMode() {
        assertThat(AssignmentPlanner.creditsOnPaid(AssignmentPolicy.afterDelivery(3), T))
                .isEqualTo(new AssignmentPlan.AssignNow(T));
        assertThat(AssignmentPlanner.creditsOnPaid(AssignmentPolicy.ON_COMPLETION, T))
                .isInstanceOf(AssignmentPlan.Nothing.class);
        assertThat(AssignmentPlanner.creditsOnCompleted(AssignmentPolicy.ON_COMPLETION, T))
                .isEqualTo(new AssignmentPlan.AssignNow(T));
        assertThat(AssignmentPlanner.creditsOnCompleted(AssignmentPolicy.afterDelivery(0), T))
                .isInstanceOf(AssignmentPlan.Nothing.class);
    }

    @Test
    void aFiredScheduleDoesNothingForACancelledOrder() {
        assertThat(AssignmentPlanner.onScheduleFired(false, true, T)).isEqualTo(new AssignmentPlan.Nothing("order cancelled"));
    }
}
