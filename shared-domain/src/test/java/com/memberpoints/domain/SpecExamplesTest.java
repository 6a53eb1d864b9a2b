package com.memberpoints.domain;

import com.memberpoints.domain.order.AssignmentWindow;
import static com.memberpoints.domain.testing.Fixtures.merchant;
import static com.memberpoints.domain.testing.Fixtures.settings;
import static com.memberpoints.domain.testing.Fixtures.twd;
import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.order.AssignmentDue;
import com.memberpoints.domain.order.AssignmentPlan;
import com.memberpoints.domain.order.AssignmentPlanner;
import com.memberpoints.domain.expiry.Expiry;
import com.memberpoints.domain.expiry.ExpiryCalculator;
import com.memberpoints.domain.checkout.CheckoutQuoter;
import com.memberpoints.domain.checkout.PointsRequest;
import com.memberpoints.domain.checkout.Quote;
import com.memberpoints.domain.checkout.QuoteRequest;
import com.memberpoints.domain.checkout.RedeemUnavailableReason;
import com.memberpoints.domain.checkout.Redemption;
import com.memberpoints.domain.earning.CreditsOutcome;
import com.memberpoints.domain.earning.EarnFacts;
import com.memberpoints.domain.earning.EarnFormulas;
import com.memberpoints.domain.earning.Earning;
import com.memberpoints.domain.earning.NotEarnedReason;
import com.memberpoints.domain.earning.PointsOutcome;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.settings.BoundRule;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.ExpiryPolicy;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.RedeemCap;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SPEC §8: every worked example that concerns rules, by number. Lifecycle halves are tested with the lifecycle. */
class SpecExamplesTest {
    private static final com.memberpoints.domain.model.MerchantId M1 = com.memberpoints.domain.model.MerchantId.of("shop-1");
    private static final com.memberpoints.domain.model.OrderId O1 = com.memberpoints.domain.model.OrderId.of("order-1");


    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(TAIPEI).toInstant();
    }

    private static QuoteRequest cart(String subtotal, String discounts, String credits, long balance, PointsRequest req) {
        Money zero = twd("0");
        return new QuoteRequest(twd(subtotal), zero, twd(discounts), twd(credits), zero, zero, balance, req,
                EarnFacts.onlineMember(), Optional.empty());
    }

    @Test
    void example1_tenDollarsPerPoint_100_gives_10_points() {
        BoundRule rule = BoundRule.bind(settings().earnRate("10.00", 1).build(), Optional.empty());
        PointsOutcome outcome = Earning.points(rule, EarnFacts.onlineMember(), twd("100.00"));
        assertThat(outcome).isInstanceOf(PointsOutcome.Earns.class);
        assertThat(outcome.points()).isEqualTo(10);
    }

    @Test
    void example2_expiry_dec31_assigned_2020_12_04_expires_2021_12_31_at_235959_local() {
        Expiry expiry = ExpiryCalculator.pointsExpiry(ExpiryPolicy.annual(12, 31), local("2020-12-04T15:30:00"), TAIPEI);
        assertThat(expiry).isEqualTo(new Expiry.At(local("2021-12-31T23:59:59"), LocalDate.of(2021, 12, 31)));
    }

    @Test
    void example3_threeDaysAfterCollected_dec1_assigned_dec4_placed_nov29() {
        // placed 29 Nov: the placement date plays no part in the due date
        Instant placed = local("2021-11-29T09:00:00");
        Instant collected = local("2021-12-01T18:45:00");
        assertThat(collected).isAfter(placed);
        AssignmentPlan plan = AssignmentPlanner.onDelivered(AssignmentPolicy.afterDelivery(3), collected, TAIPEI, AssignmentWindow.NONE, M1, O1);
        assertThat(plan).isEqualTo(new AssignmentPlan.Schedule(local("2021-12-04T00:00:00"), LocalDate.of(2021, 12, 4)));
    }

    @Test
    void section4_expiryDec31_x3_placedNov29_collectedDec1_assignedDec4_expires_2022_12_31() {
        AssignmentPlan.Schedule plan = (AssignmentPlan.Schedule)
                AssignmentPlanner.onDelivered(AssignmentPolicy.afterDelivery(3), local("2021-12-01T10:00:00"), TAIPEI, AssignmentWindow.NONE, M1, O1);
        Expiry expiry = ExpiryCalculator.pointsExpiry(ExpiryPolicy.annual(12, 31), plan.dueAt(), TAIPEI);
        assertThat(expiry.instant()).contains(local("2022-12-31T23:59:59"));
    }

    @Test
    void example4_completionModeSwitchedOn_completedSep15_assignsSep15_notSep20() {
        ZoneId zone = TAIPEI;
        // delivered 9/10 under AFTER_DELIVERY(10): due 9/20
        AssignmentPlan onArrival = AssignmentPlanner.onDelivered(AssignmentPolicy.afterDelivery(10), local("2022-09-10T11:00:00"), zone, AssignmentWindow.NONE, M1, O1);
        assertThat(onArrival).isInstanceOf(AssignmentPlan.Schedule.class);
        assertThat(((AssignmentPlan.Schedule) onArrival).dueDate()).isEqualTo(LocalDate.of(2022, 9, 20));
        // 9/12 the merchant switches to ON_COMPLETION; 9/15 the order is completed
        Instant completed = local("2022-09-15T14:00:00");
        AssignmentPlan onCompletion = AssignmentPlanner.onCompleted(AssignmentPolicy.ON_COMPLETION, completed);
        assertThat(onCompletion).isEqualTo(new AssignmentPlan.AssignNow(completed));
        assertThat(LocalDate.ofInstant(completed, zone)).isEqualTo(LocalDate.of(2022, 9, 15));
        // the 9/20 schedule then finds the points assigned and does nothing
        Instant sep20 = ((AssignmentPlan.Schedule) onArrival).dueAt();
        assertThat(AssignmentPlanner.onScheduleFired(true, false, sep20)).isInstanceOf(AssignmentPlan.Nothing.class);
        assertThat(AssignmentPlanner.onScheduleFired(false, false, sep20)).isEqualTo(new AssignmentPlan.AssignNow(sep20));
        // under the old mode, completion alone would not have assigned
        assertThat(AssignmentPlanner.onCompleted(AssignmentPolicy.afterDelivery(10), completed))
                .isInstanceOf(AssignmentPlan.Nothing.class);
    }

    @Test
    void example5_tenPointsPerUnit_balance800_enter200_gives_20_discount_600_remaining() {
        Quote q = CheckoutQuoter.quote(merchant(), settings().pointsPerUnit(10).build(),
                cart("500.00", "0", "0", 800, PointsRequest.exactly(200)));
        assertThat(q.appliedPoints()).isEqualTo(200);
        assertThat(q.pointDiscount()).isEqualTo(twd("20.00"));
        assertThat(q.remainingBalance()).isEqualTo(600);
        assertThat(q.total()).isEqualTo(twd("480.00"));
    }

    @Test
    void example6_entered_15_gives_10_and_23_gives_20_and_5_is_refused_and_0_applies_none() {
        MerchantSettings s = settings().pointsPerUnit(10).build();
        assertThat(CheckoutQuoter.quote(merchant(), s, cart("500", "0", "0", 800, PointsRequest.exactly(15))).appliedPoints())
                .isEqualTo(10);
        assertThat(CheckoutQuoter.quote(merchant(), s, cart("500", "0", "0", 800, PointsRequest.exactly(23))).appliedPoints())
                .isEqualTo(20);
        Quote five = CheckoutQuoter.quote(merchant(), s, cart("500", "0", "0", 800, PointsRequest.exactly(5)));
        assertThat(five.redemption()).isEqualTo(new Redemption.Rejected(
                Redemption.RejectReason.BELOW_UNIT, 10, "At least 10 points must be entered"));
        assertThat(five.appliedPoints()).isZero();
        Quote zero = CheckoutQuoter.quote(merchant(), s, cart("500", "0", "0", 800, PointsRequest.exactly(0)));
        assertThat(zero.redemption()).isEqualTo(new Redemption.Applied(0, twd("0")));
        assertThat(zero.total()).isEqualTo(twd("500"));
    }

    @Test
    void example7_cap50_at_10_points_per_unit_allows_at_most_500_points() {
        Quote q = CheckoutQuoter.quote(merchant(), settings().cap(RedeemCap.fixed("50.00")).build(),
                cart("1000.00", "0", "0", 10_000, PointsRequest.MAXIMUM));
        assertThat(q.maxPointsAllowed()).isEqualTo(500);
        assertThat(q.appliedPoints()).isEqualTo(500);
        assertThat(q.pointDiscount()).isEqualTo(twd("50.00"));
    }

    @Test
    void example8_cap2percent_of_864_is_17_28_rounded_up_to_18_which_is_180_points() {
        Quote q = CheckoutQuoter.quote(merchant(), settings().cap(RedeemCap.percent("2")).build(),
                cart("1000.00", "100.00", "36.00", 10_000, PointsRequest.MAXIMUM));
        assertThat(q.amountAfterDiscountsAndCredits()).isEqualTo(twd("864.00"));
        assertThat(q.maxPointDiscount()).isEqualTo(twd("18.00"));
        assertThat(q.maxPointsAllowed()).isEqualTo(180);
        assertThat(q.appliedPoints()).isEqualTo(180);
    }

    @Test
    void example9_minimum200_amount_199_99_after_discounts_and_credits_allows_no_points() {
        Quote q = CheckoutQuoter.quote(merchant(), settings().minimumOrderAmount("200.00").build(),
                cart("250.00", "30.00", "20.01", 10_000, PointsRequest.MAXIMUM));
        assertThat(q.amountAfterDiscountsAndCredits()).isEqualTo(twd("199.99"));
        assertThat(q.redemption()).isEqualTo(new Redemption.Unavailable(
                RedeemUnavailableReason.BELOW_MINIMUM_ORDER_AMOUNT, Optional.of(twd("0.01"))));
        assertThat(q.maxPointsAllowed()).isZero();
        assertThat(q.appliedPoints()).isZero();
    }

    @Test
    void example10_orderEditedTo80_afterRuleChange_earns_80_under_the_placement_rule() {
        MerchantSettings march1 = settings().version(1).earnRate("10.00", 10).build();
        BoundRule boundAtPlacement = BoundRule.bind(march1, Optional.empty()); // order of 100.00 on 2 March
        assertThat(Earning.points(boundAtPlacement, EarnFacts.onlineMember(), twd("100.00")).points()).isEqualTo(100);
        MerchantSettings march3 = settings().version(2).earnRate("10.00", 1).build(); // rule changed 3 March
        // order edited to 80.00, delivered 4 March
        assertThat(Earning.points(boundAtPlacement, EarnFacts.onlineMember(), twd("80.00")).points()).isEqualTo(80);
        assertThat(boundAtPlacement.settingsVersion()).isEqualTo(1);
        // the current rule would have given 8
        assertThat(Earning.points(BoundRule.bind(march3, Optional.empty()), EarnFacts.onlineMember(), twd("80.00")).points())
                .isEqualTo(8);
    }

    @Test
    void example11_credits_spend100_get10_cumulative_noncumulative_and_5_percent() {
        var cumulative = Fixtures.creditRule("100.00", CreditType.fixed("10.00", true));
        var single = Fixtures.creditRule("100.00", CreditType.fixed("10.00", false));
        var percent = Fixtures.creditRule("100.00", CreditType.percent("5"));
        assertThat(EarnFormulas.credits(twd("200.00"), cumulative)).isEqualTo(twd("20.00"));
        assertThat(EarnFormulas.credits(twd("200.00"), single)).isEqualTo(twd("10.00"));
        assertThat(EarnFormulas.credits(twd("100.00"), percent)).isEqualTo(twd("5.00"));
        assertThat(EarnFormulas.credits(twd("200.00"), percent)).isEqualTo(twd("10.00"));
    }

    @Test
    void example12_creditRuleChangedAfterPlacement_order1500_paidLater_gets_100_from_the_placement_rule() {
        MerchantSettings atPlacement = settings().version(4)
                .credits(true, Fixtures.creditRule("500.00", CreditType.fixed("100.00", false))).build();
        BoundRule bound = BoundRule.bind(atPlacement, Optional.empty());
        MerchantSettings later = settings().version(5)
                .credits(true, Fixtures.creditRule("1000.00", CreditType.fixed("200.00", false))).build();
        CreditsOutcome paid = Earning.credits(bound, EarnFacts.onlineMember(), twd("1500.00"), true);
        assertThat(paid.credits()).isEqualTo(twd("100.00"));
        assertThat(Earning.credits(BoundRule.bind(later, Optional.empty()), EarnFacts.onlineMember(), twd("1500.00"), true)
                .credits()).isEqualTo(twd("200.00"));
    }

    @Test
    void example13_guestWhoBecomesMemberAtCheckout_earns_no_points_no_credits() {
        MerchantSettings s = settings()
                .credits(true, Fixtures.creditRule("100.00", CreditType.fixed("10.00", true))).build();
        BoundRule rule = BoundRule.bind(s, Optional.empty());
        EarnFacts facts = new EarnFacts(CheckoutIdentity.GUEST_BECOMING_MEMBER, SalesChannel.ONLINE, OrderKind.NORMAL, false);
        assertThat(Earning.points(rule, facts, twd("1000.00")))
                .isEqualTo(new PointsOutcome.NotEarned(NotEarnedReason.GUEST_BECAME_MEMBER_AT_CHECKOUT));
        CreditsOutcome credits = Earning.credits(rule, facts, twd("1000.00"), true);
        assertThat(credits).isInstanceOf(CreditsOutcome.NotEarned.class);
        assertThat(((CreditsOutcome.NotEarned) credits).reason()).isEqualTo(NotEarnedReason.GUEST_BECAME_MEMBER_AT_CHECKOUT);
        assertThat(credits.credits()).isEqualTo(twd("0"));
    }

    @Test
    void example14_pointsFromTwoYears_theEarlierYearsLotExpiresFirst() {
        ExpiryPolicy dec31 = ExpiryPolicy.annual(12, 31);
        Expiry older = ExpiryCalculator.pointsExpiry(dec31, local("2020-12-04T10:00:00"), TAIPEI);
        Expiry newer = ExpiryCalculator.pointsExpiry(dec31, local("2021-03-01T10:00:00"), TAIPEI);
        assertThat(older.instant().orElseThrow()).isBefore(newer.instant().orElseThrow());
        assertThat(ZonedDateTime.ofInstant(newer.instant().orElseThrow(), TAIPEI).toLocalDate())
                .isEqualTo(LocalDate.of(2022, 12, 31));
        // at 2022-01-01 the older lot has expired and the newer has not
        Instant newYear = local("2022-01-01T00:00:00");
        assertThat(older.isExpiredAt(newYear)).isTrue();
        assertThat(newer.isExpiredAt(newYear)).isFalse();
    }

    @Test
    void dueDate_x0_is_immediate_and_x3_is_three_local_days_later() {
        Instant collected = local("2021-12-01T23:30:00");
        assertThat(AssignmentPlanner.onDelivered(AssignmentPolicy.afterDelivery(0), collected, TAIPEI, AssignmentWindow.NONE, M1, O1))
                .isEqualTo(new AssignmentPlan.AssignNow(collected));
        assertThat(AssignmentDue.dueDate(3, collected, TAIPEI)).isEqualTo(LocalDate.of(2021, 12, 4));
    }
}
