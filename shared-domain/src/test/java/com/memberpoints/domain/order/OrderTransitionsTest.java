package com.memberpoints.domain.order;

import static com.memberpoints.domain.testing.Fixtures.settings;
import static com.memberpoints.domain.testing.Fixtures.twd;
import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.settings.BoundRule;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** {@link Order}'s transitions (each a new Order) and the pure state machine {@link OrderTransitions}. */
class OrderTransitionsTest {
    static final Instant PLACED = Instant.parse("2022-03-02T02:00:00Z");

    static Order open(String subtotal) {
        return new Order(MerchantId.of("shop-1"), OrderId.of("o-1"), Optional.of(MemberId.of("u1")),
                CheckoutIdentity.MEMBER_LOGGED_IN, SalesChannel.ONLINE, OrderKind.NORMAL, Optional.empty(), PLACED,
                OrderAmounts.ofSubtotal(twd(subtotal)), BoundRule.bind(settings().build(), Optional.empty()),
                OrderStatus.OPEN, Optional.empty(), Delivery.PENDING, Optional.empty(), EarnRecord.nothing(Fixtures.TWD), 3);
    }

    @Test
    void cancelChangesOnlyTheStatus_andLeavesTheOriginalAsItWas() {
        Order o = open("100");
        Order c = o.cancel();
        assertThat(c.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(o.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(c.withVersion(o.version())).isEqualTo(new Order(o.merchant(), o.id(), o.member(), o.identity(),
                o.channel(), o.kind(), o.parentOrder(), o.placedAt(), o.amounts(), o.rule(), OrderStatus.CANCELLED,
                o.payment(), o.delivery(), o.completedAt(), o.earned(), o.version(), o.lastEditRevision()));
    }

    @Test
    void assigningDecidesThePointsOfTheLatestAmounts_andAReassessmentKeepsTheAssignmentDate() {
        Instant at = PLACED.plusSeconds(3600);
        Order assigned = open("100").assignPoints(at);
        assertThat(assigned.earned().pointsAssigned()).isEqualTo(10);
        assertThat(assigned.earned().pointsAssignedAt()).contains(at);
        Order edited = assigned.edit(OrderAmounts.ofSubtotal(twd("250")), 2);
        assertThat(edited.earned()).as("an edit alone leaves what was earned").isEqualTo(assigned.earned());
        assertThat(edited.lastEditRevision()).isEqualTo(2);
        Order reassessed = edited.reassessPoints();
        assertThat(reassessed.earned().pointsAssigned()).isEqualTo(25);
        assertThat(reassessed.earned().pointsAssignedAt()).contains(at);
    }

    @Test
    void aSplitChildCarriesTheParentsMemberRuleAndPayment_andStartsOpen() {
        Order parent = open("100").pay(new Payment(PLACED, true)).complete(PLACED.plusSeconds(60));
        Order child = parent.splitChild(OrderId.of("c-1"), OrderAmounts.ofSubtotal(twd("40")), Fixtures.TWD);
        assertThat(child.parentOrder()).contains(parent.id());
        assertThat(child.member()).isEqualTo(parent.member());
        assertThat(child.rule()).isEqualTo(parent.rule());
        assertThat(child.payment()).isEqualTo(parent.payment());
        assertThat(child.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(child.version()).isZero();
    }

    @Test
    void deliveryInAfterDeliveryModeSchedulesTheAssignment_andALateEventAssignsOnTheDueDate() {
        OrderTransitions rules = new OrderTransitions(Fixtures.merchant(), AssignmentPolicy.afterDelivery(3), PLACED);
        Instant arrived = PLACED.plusSeconds(3600);
        OrderEvent.OrderDeliveryStatusChanged event = new OrderEvent.OrderDeliveryStatusChanged(MerchantId.of("shop-1"),
                OrderId.of("o-1"), DeliveryStatus.ARRIVED, arrived);
        OrderRecords.Step step = rules.apply(open("100"), event);
        assertThat(step.transition()).isEqualTo("scheduled");
        assertThat(step.order().earned().scheduledFor()).isPresent();
        assertThat(step.order().earned().hasAssignedPoints()).isFalse();

        OrderTransitions late = new OrderTransitions(Fixtures.merchant(), AssignmentPolicy.afterDelivery(3),
                PLACED.plusSeconds(30L * 86_400));
        OrderRecords.Step lateStep = late.apply(open("100"), event);
        assertThat(lateStep.transition()).isEqualTo("assigned");
        assertThat(lateStep.order().earned().pointsAssignedAt()).isEqualTo(step.order().earned().scheduledFor());
    }

    @Test
    void aStaleRevisionIsIgnored_anEqualOneIsADuplicate() {
        OrderTransitions rules = new OrderTransitions(Fixtures.merchant(), AssignmentPolicy.afterDelivery(3), PLACED);
        Order revised = open("100").edit(OrderAmounts.ofSubtotal(twd("90")), 5);
        assertThat(rules.onEdited(revised, OrderAmounts.ofSubtotal(twd("80")), OptionalLong.of(4)).transition())
                .isEqualTo("stale-edit");
        assertThat(rules.onEdited(revised, OrderAmounts.ofSubtotal(twd("80")), OptionalLong.of(5)).transition())
                .isEqualTo("duplicate");
        assertThat(rules.onEdited(revised, OrderAmounts.ofSubtotal(twd("80")), OptionalLong.of(6)).order().amounts())
                .isEqualTo(OrderAmounts.ofSubtotal(twd("80")));
    }

    @Property
    void transitionsNeverChangeWhoTheOrderIs(@ForAll @LongRange(min = 0, max = 1_000_000) long subtotal,
                                             @ForAll @LongRange(min = 0, max = 1_000_000) long edited,
                                             @ForAll @LongRange(min = 0, max = 100) long revision) {
        Order o = open(Long.toString(subtotal));
        Instant at = PLACED.plusSeconds(60);
        for (Order next : new Order[] {o.cancel(), o.pay(new Payment(at, true)), o.complete(at),
                o.deliver(Delivery.arrived(at)), o.edit(OrderAmounts.ofSubtotal(twd(Long.toString(edited))), revision),
                o.assignPoints(at), o.awardCredits(true, at), o.scheduleAssignment(at)}) {
            assertThat(next.merchant()).isEqualTo(o.merchant());
            assertThat(next.id()).isEqualTo(o.id());
            assertThat(next.member()).isEqualTo(o.member());
            assertThat(next.rule()).isEqualTo(o.rule());
            assertThat(next.placedAt()).isEqualTo(o.placedAt());
            assertThat(next.version()).as("the store moves the version, not a transition").isEqualTo(o.version());
        }
    }

    @Property
    void reassessedPointsAreAlwaysThoseOfTheLatestAmounts(@ForAll @LongRange(min = 0, max = 1_000_000) long first,
                                                         @ForAll @LongRange(min = 0, max = 1_000_000) long second) {
        Order assigned = open(Long.toString(first)).assignPoints(PLACED);
        Order reassessed = assigned.edit(OrderAmounts.ofSubtotal(twd(Long.toString(second))), 1).reassessPoints();
        assertThat(reassessed.earned().pointsAssigned()).isEqualTo(open(Long.toString(second)).pointsOfLatestAmounts());
        assertThat(reassessed.earned().pointsAssignedAt()).contains(PLACED);
    }
}
