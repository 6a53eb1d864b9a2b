package com.memberpoints.domain.order;

import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.model.SalesChannel;

import static com.memberpoints.domain.testing.Fixtures.settings;
import static com.memberpoints.domain.testing.Fixtures.twd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.earning.Earning;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.settings.BoundRule;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static Order order(Optional<MemberId> member, CheckoutIdentity identity, Optional<OrderId> parent, OrderAmounts amounts) {
        return new Order(MerchantId.of("shop-1"), OrderId.of("o-1"), member, identity, SalesChannel.ONLINE, OrderKind.NORMAL,
                parent, Instant.parse("2022-03-02T02:00:00Z"), amounts, BoundRule.bind(settings().build(), Optional.empty()),
                OrderStatus.OPEN, Optional.empty(), Delivery.PENDING, Optional.empty(),
                EarnRecord.nothing(Fixtures.TWD), 0);
    }

    @Test
    void earnBaseAndTotalFollowTheSpecFormulas() {
        var amounts = new OrderAmounts(twd("1000"), twd("100"), twd("36"), 180, twd("18"), twd("60"), twd("15"));
        assertThat(amounts.earnBase()).isEqualTo(twd("846"));
        assertThat(amounts.total()).isEqualTo(twd("921"));
    }

    @Test
    void splitChildIsMarkedByItsParentAndEarnsNoCredits() {
        Order child = order(Optional.of(MemberId.of("u1")), CheckoutIdentity.MEMBER_LOGGED_IN, Optional.of(OrderId.of("o-0")),
                OrderAmounts.ofSubtotal(twd("100")));
        assertThat(child.isSplitChild()).isTrue();
        assertThat(child.earnFacts().splitChild()).isTrue();
        assertThat(Earning.points(child.rule(), child.earnFacts(), child.amounts().earnBase()).points()).isEqualTo(10);
    }

    @Test
    void loggedInCheckoutNeedsAMember() {
        assertThatThrownBy(() -> order(Optional.empty(), CheckoutIdentity.MEMBER_LOGGED_IN, Optional.empty(),
                OrderAmounts.ofSubtotal(twd("1")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deliveryFinalTimeIsPresentOnlyForArrivedOrCollected() {
        assertThat(Delivery.collected(Instant.EPOCH).isFinal()).isTrue();
        assertThatThrownBy(() -> new Delivery(DeliveryStatus.SHIPPED, Optional.of(Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Delivery(DeliveryStatus.RETURNED, Optional.of(Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class);
        // a pick-up order's Arrived ("reached the pick-up point", SPEC §4a) is not final: no final time
        assertThat(new Delivery(DeliveryStatus.ARRIVED, Optional.empty()).isFinal()).isFalse();
    }

    @Test
    void amountsInMixedCurrenciesAreRefused() {
        assertThatThrownBy(() -> new OrderAmounts(twd("10"), com.memberpoints.domain.model.Money.of("1", "USD"),
                twd("0"), 0, twd("0"), twd("0"), twd("0"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paymentRecordsWhetherTheStoreWasOpen() {
        Order unpaid = order(Optional.of(MemberId.of("u1")), CheckoutIdentity.MEMBER_LOGGED_IN, Optional.empty(),
                OrderAmounts.ofSubtotal(twd("100")));
        assertThat(unpaid.isPaid()).isFalse();
        Order paid = new Order(unpaid.merchant(), unpaid.id(), unpaid.member(), unpaid.identity(), unpaid.channel(),
                unpaid.kind(), unpaid.parentOrder(), unpaid.placedAt(), unpaid.amounts(), unpaid.rule(), unpaid.status(),
                Optional.of(new Payment(Instant.parse("2022-03-02T03:00:00Z"), false)), unpaid.delivery(),
                unpaid.completedAt(), unpaid.earned(), 1);
        assertThat(paid.isPaid()).isTrue();
        assertThat(Earning.credits(paid.rule(), paid.earnFacts(), paid.amounts().earnBase(),
                paid.payment().orElseThrow().storeOpen()).credits()).isEqualTo(twd("0"));
    }
}
