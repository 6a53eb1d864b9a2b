package com.memberpoints.domain.earning;

import static com.memberpoints.domain.testing.Fixtures.GOLD;
import static com.memberpoints.domain.testing.Fixtures.SILVER;
import static com.memberpoints.domain.testing.Fixtures.creditRule;
import static com.memberpoints.domain.testing.Fixtures.settings;
import static com.memberpoints.domain.testing.Fixtures.twd;
import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.settings.BoundRule;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.TierRule;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EarningTest {

    private static final EarnFacts MEMBER = EarnFacts.onlineMember();

    private static BoundRule bind(MerchantSettings s) {
        return BoundRule.bind(s, Optional.empty());
    }

    private static BoundRule bindGold(MerchantSettings s) {
        return BoundRule.bind(s, Optional.of(GOLD));
    }

    private static EarnFacts facts(CheckoutIdentity id, SalesChannel ch, OrderKind kind, boolean split) {
        return new EarnFacts(id, ch, kind, split);
    }

    @Test
    void guestEarnsNothing() {
        var f = facts(CheckoutIdentity.GUEST, SalesChannel.ONLINE, OrderKind.NORMAL, false);
        assertThat(Earning.points(bind(settings().build()), f, twd("100")))
                .isEqualTo(new PointsOutcome.NotEarned(NotEarnedReason.MEMBER_NOT_LOGGED_IN));
    }

    @Test
    void programDisabledAtPlacementEarnsNothingEvenForATierWithOwnRate() {
        var s = settings().programEnabled(false)
                .tier(new TierRule(GOLD, Optional.of(EarnRate.of("10", 5)), Optional.empty())).build();
        assertThat(Earning.points(bindGold(s), MEMBER, twd("100")))
                .isEqualTo(new PointsOutcome.NotEarned(NotEarnedReason.PROGRAM_DISABLED));
    }

    @Test
    void earnToggleOffEarnsNothingWithoutATierRate() {
        var s = settings().earnEnabled(false).build();
        assertThat(Earning.points(bind(s), MEMBER, twd("100")))
                .isEqualTo(new PointsOutcome.NotEarned(NotEarnedReason.EARN_DISABLED));
    }

    @Test
    void earnToggleOffStillEarnsForATierWithItsOwnRate() {
        var s = settings().earnEnabled(false)
                .tier(new TierRule(GOLD, Optional.of(EarnRate.of("10.00", 3)), Optional.empty())).build();
        assertThat(Earning.points(bindGold(s), MEMBER, twd("100")))
                .isEqualTo(new PointsOutcome.Earns(30, EarnRate.of("10.00", 3), RateSource.TIER));
        // a member of another tier does not
        assertThat(Earning.points(BoundRule.bind(s, Optional.of(SILVER)), MEMBER, twd("100")))
                .isEqualTo(new PointsOutcome.NotEarned(NotEarnedReason.EARN_DISABLED));
    }

    @Test
    void tierRateReplacesStoreRateEvenWhenLower() {
        var s = settings().earnRate("10.00", 2)
                .tier(new TierRule(GOLD, Optional.of(EarnRate.of("20.00", 1)), Optional.empty())).build();
        assertThat(Earning.points(bindGold(s), MEMBER, twd("100")).points()).isEqualTo(5);
        assertThat(Earning.points(bind(s), MEMBER, twd("100")).points()).isEqualTo(20);
    }

    @Test
    void posOrdersEarnOnlyWhileTheRetailChannelIsOn() {
        var pos = facts(CheckoutIdentity.MEMBER_LOGGED_IN, SalesChannel.POS, OrderKind.NORMAL, false);
        assertThat(Earning.points(bind(settings().retail(true).build()), pos, twd("100")).points()).isEqualTo(10);
        assertThat(Earning.points(bind(settings().retail(false).build()), pos, twd("100")))
                .isEqualTo(new PointsOutcome.NotEarned(NotEarnedReason.RETAIL_CHANNEL_DISABLED));
        // online is not affected by the retail switch
        assertThat(Earning.points(bind(settings().retail(false).build()), MEMBER, twd("100")).points()).isEqualTo(10);
    }

    @Test
    void adminManualOrderEarnsPointsUnderTheUsualRules() {
        // SPEC §2 amended (issue 11.3): the article's exclusion is for reward credits only.
        var s = settings().credits(true, creditRule("100", CreditType.fixed("10", false))).build();
        var admin = facts(CheckoutIdentity.MEMBER_LOGGED_IN, SalesChannel.ONLINE, OrderKind.ADMIN_MANUAL, false);
        assertThat(Earning.points(bind(s), admin, twd("100")))
                .isEqualTo(new PointsOutcome.Earns(10, EarnRate.of("10.00", 1), RateSource.STORE));
        // the usual rules still apply: earn toggle off → nothing; a tier's own rate → the tier's
        assertThat(Earning.points(bind(settings().earnEnabled(false).build()), admin, twd("100")))
                .isEqualTo(new PointsOutcome.NotEarned(NotEarnedReason.EARN_DISABLED));
        var tiered = settings().tier(new TierRule(GOLD, Optional.of(EarnRate.of("10.00", 3)), Optional.empty())).build();
        assertThat(Earning.points(bindGold(tiered), admin, twd("100")).points()).isEqualTo(30);
        // a manual order without a logged-in member identity earns nothing, like any other order
        var guestManual = facts(CheckoutIdentity.GUEST, SalesChannel.ONLINE, OrderKind.ADMIN_MANUAL, false);
        assertThat(Earning.points(bind(s), guestManual, twd("100")))
                .isEqualTo(new PointsOutcome.NotEarned(NotEarnedReason.MEMBER_NOT_LOGGED_IN));
    }

    @Test
    void adminManualOrderEarnsNoRewardCredits() {
        var s = settings().credits(true, creditRule("100", CreditType.fixed("10", false))).build();
        var admin = facts(CheckoutIdentity.MEMBER_LOGGED_IN, SalesChannel.ONLINE, OrderKind.ADMIN_MANUAL, false);
        assertThat(Earning.credits(bind(s), admin, twd("100"), true)).isInstanceOfSatisfying(CreditsOutcome.NotEarned.class,
                n -> assertThat(n.reason()).isEqualTo(NotEarnedReason.ADMIN_MANUAL_ORDER));
        assertThat(Earning.credits(bind(s), admin, twd("100"), true).credits()).isEqualTo(twd("0"));
    }

    @Test
    void socialManualOrderEarnsPointsAndRewardCredits() {
        var s = settings().credits(true, creditRule("100", CreditType.fixed("10", false))).build();
        var social = facts(CheckoutIdentity.MEMBER_LOGGED_IN, SalesChannel.ONLINE, OrderKind.SOCIAL_MANUAL, false);
        assertThat(Earning.points(bind(s), social, twd("100")).points()).isEqualTo(10);
        assertThat(Earning.credits(bind(s), social, twd("100"), true).credits()).isEqualTo(twd("10"));
    }

    @Test
    void splitChildEarnsPointsButNoCredits() {
        var s = settings().credits(true, creditRule("100", CreditType.fixed("10", false))).build();
        var child = facts(CheckoutIdentity.MEMBER_LOGGED_IN, SalesChannel.ONLINE, OrderKind.NORMAL, true);
        assertThat(Earning.points(bind(s), child, twd("100")).points()).isEqualTo(10);
        var credits = Earning.credits(bind(s), child, twd("100"), true);
        assertThat(credits).isInstanceOfSatisfying(CreditsOutcome.NotEarned.class,
                n -> assertThat(n.reason()).isEqualTo(NotEarnedReason.SPLIT_CHILD_ORDER));
    }

    @Test
    void storeClosedAtPaymentEarnsNoCredits() {
        var s = settings().credits(true, creditRule("100", CreditType.fixed("10", false))).build();
        assertThat(Earning.credits(bind(s), MEMBER, twd("100"), false)).isInstanceOfSatisfying(
                CreditsOutcome.NotEarned.class, n -> assertThat(n.reason()).isEqualTo(NotEarnedReason.STORE_CLOSED_AT_PAYMENT));
    }

    @Test
    void storeCreditRuleOffEarnsNoCredits() {
        var s = settings().credits(false, creditRule("100", CreditType.fixed("10", false))).build();
        assertThat(Earning.credits(bind(s), MEMBER, twd("500"), true)).isInstanceOfSatisfying(
                CreditsOutcome.NotEarned.class, n -> assertThat(n.reason()).isEqualTo(NotEarnedReason.CREDITS_DISABLED));
    }

    @Test
    void tierCreditRuleReplacesStoreRuleEvenIfLowerAndAppliesWithStoreRuleOff() {
        var tierRule = creditRule("100", CreditType.fixed("1", false));
        var on = settings().credits(true, creditRule("100", CreditType.fixed("50", false)))
                .tier(new TierRule(GOLD, Optional.empty(), Optional.of(tierRule))).build();
        assertThat(Earning.credits(bindGold(on), MEMBER, twd("300"), true))
                .isEqualTo(new CreditsOutcome.Earns(twd("1"), tierRule, RateSource.TIER));
        var off = settings().credits(false, creditRule("100", CreditType.fixed("50", false)))
                .tier(new TierRule(GOLD, Optional.empty(), Optional.of(tierRule))).build();
        assertThat(Earning.credits(bindGold(off), MEMBER, twd("300"), true).credits()).isEqualTo(twd("1"));
        assertThat(Earning.credits(bind(on), MEMBER, twd("300"), true).credits()).isEqualTo(twd("50"));
    }

    @Test
    void belowCreditMinimumEarnsNoneWithTheApplicableRule() {
        var rule = creditRule("100", CreditType.fixed("10", true));
        var s = settings().credits(true, rule).build();
        assertThat(Earning.credits(bind(s), MEMBER, twd("99.99"), true))
                .isEqualTo(new CreditsOutcome.NotEarned(NotEarnedReason.BELOW_MINIMUM, twd("0"), Optional.of(rule)));
    }

    @Test
    void creditsDoNotDependOnThePointsProgramSwitch() {
        var s = settings().programEnabled(false).credits(true, creditRule("100", CreditType.fixed("10", false))).build();
        assertThat(Earning.credits(bind(s), MEMBER, twd("100"), true).credits()).isEqualTo(twd("10"));
    }

    @Test
    void bindingKeepsTheVersionAndTheTierOverrideOfPlacement() {
        var s = settings().version(7)
                .tier(new TierRule(GOLD, Optional.of(EarnRate.of("1", 1)), Optional.empty())).build();
        BoundRule rule = bindGold(s);
        assertThat(rule.settingsVersion()).isEqualTo(7);
        assertThat(rule.tierEarnRate()).contains(EarnRate.of("1", 1));
        assertThat(BoundRule.bind(s, Optional.of(SILVER)).tierRule()).isEmpty();
    }

    @Test
    void editAfterAssignmentAdjustsByTheDifference() {
        BoundRule rule = bind(settings().earnRate("10.00", 10).build());
        PointsOutcome after = Earning.points(rule, MEMBER, twd("80.00"));
        assertThat(Earning.adjustmentAfterEdit(100, after)).isEqualTo(-20);
        assertThat(Earning.adjustmentAfterEdit(50, after)).isEqualTo(30);
        assertThat(Earning.adjustmentAfterEdit(0, new PointsOutcome.NotEarned(NotEarnedReason.EARN_DISABLED))).isZero();
    }
}
