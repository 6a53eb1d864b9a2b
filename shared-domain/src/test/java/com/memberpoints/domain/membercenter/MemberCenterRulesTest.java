package com.memberpoints.domain.membercenter;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.earning.NotEarnedReason;
import com.memberpoints.domain.earning.RateSource;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryOrderStore;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.ExpiryPolicy;
import com.memberpoints.domain.settings.GivenWhen;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.RedeemCap;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.settings.TierRule;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 11.5: the structured rules of the member center, and who the admin can reach. */
class MemberCenterRulesTest {
    static final Instant NOW = Instant.parse("2021-06-01T04:00:00Z");
    static final Locale ZH_TW = Locale.forLanguageTag("zh-TW");
    final Merchant shop = Fixtures.merchant();

    @Test
    void theStructuredRulesWithOneLinePerRuleInTheRequestedLocale() {
        MerchantSettings s = Fixtures.settings().earnRate("10.00", 1).pointsPerUnit(10).minimumOrderAmount("200")
                .cap(RedeemCap.fixed("50")).expiry(ExpiryPolicy.annual(12, 31)).assignment(AssignmentPolicy.afterDelivery(3))
                .build();
        PointsRules en = MemberCenter.rules(shop, s, Optional.empty(), Locale.ENGLISH);
        assertThat(en.earnRate()).contains(EarnRate.of("10.00", 1));
        assertThat(en.rateSource()).contains(RateSource.STORE);
        assertThat(en.pointsPerUnit()).isEqualTo(10);
        assertThat(en.minimumOrder()).isEqualTo(Fixtures.twd("200.00"));
        assertThat(en.maximumDiscount()).isEqualTo(RedeemCap.fixed("50"));
        assertThat(en.givenWhen()).isEqualTo(new GivenWhen.DaysAfterDelivery(3));
        assertThat(en.lines()).containsExactly(
                "Earn 1 point for every NT$10.00 spent",
                "Points earned 3 days after delivery",
                "10 points = NT$1.00 off",
                "Points can be used on orders of NT$200.00 or more",
                "Up to NT$50.00 off per order",
                "Points expire on December 31 of the year after they are earned");
        PointsRules zh = MemberCenter.rules(shop, s, Optional.empty(), ZH_TW);
        assertThat(zh.lines()).first().isEqualTo("每消費 $10.00 獲得 1 點");
        assertThat(zh.lines()).last().isEqualTo("點數於獲得後隔年的 12 月 31 日到期");
    }

    @Test
    void aTierRateReplacesTheStoreRate_andWithoutAnyRateTheReasonIsGiven() {
        MerchantSettings s = Fixtures.settings().earnEnabled(false)
                .tier(new TierRule(Fixtures.GOLD, Optional.of(EarnRate.of("10", 3)), Optional.empty())).build();
        PointsRules gold = MemberCenter.rules(shop, s, Optional.of(Fixtures.GOLD), Locale.ENGLISH);
        assertThat(gold.earnRate()).contains(EarnRate.of("10", 3));
        assertThat(gold.rateSource()).contains(RateSource.TIER);
        PointsRules plain = MemberCenter.rules(shop, s, Optional.empty(), Locale.ENGLISH);
        assertThat(plain.earnRate()).isEmpty();
        assertThat(plain.notEarning()).contains(NotEarnedReason.EARN_DISABLED);
        assertThat(plain.lines()).noneMatch(l -> l.startsWith("Earn"));
    }

    @Test
    void aProgramSwitchedOffListsNoLines() {
        PointsRules off = MemberCenter.rules(shop, Fixtures.settings().programEnabled(false).build(), Optional.empty(),
                Locale.ENGLISH);
        assertThat(off.programEnabled()).isFalse();
        assertThat(off.lines()).isEmpty();
    }

    @Test
    void thePointsViewCarriesTheRulesForTheMembersTierInTheRequestedLocale() {
        InMemoryMemberStore members = new InMemoryMemberStore();
        MemberId ann = MemberId.of("ann");
        members.upsert(new MemberProfile(shop.id(), ann, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(Fixtures.GOLD), NOW));
        MerchantSettings s = Fixtures.settings()
                .tier(new TierRule(Fixtures.GOLD, Optional.of(EarnRate.of("10", 3)), Optional.empty())).build();
        MemberCenter center = new MemberCenter(new InMemoryLedgerStore(), Fixtures.readOnlyPort(SettingsStore.class, Optional.of(s)),
                Fixtures.readOnlyPort(MerchantStore.class, Optional.of(shop)), members, new InMemoryOrderStore(), () -> NOW);
        MemberPointsView v = center.points(shop, ann, Optional.of(ZH_TW));
        assertThat(v.rulesSummary().rateSource()).contains(RateSource.TIER);
        assertThat(v.rulesSummary().locale()).isEqualTo(ZH_TW);
        assertThat(v.rulesSummary().lines()).first().isEqualTo("每消費 $10.00 獲得 3 點");
    }

    @Test
    void reach_emailWithAnAddress_smsWithAPhoneWhileTheStoreHasSmsOn() {
        MemberProfile both = profile(Optional.of("a@example.com"), Optional.of("+886912345678"));
        assertThat(MemberCenter.reach(shop, both)).isEqualTo(new AdminMemberView.Reach(true, Optional.empty(), true,
                Optional.empty()));
        Merchant smsOff = new Merchant(shop.id(), shop.name(), shop.currency(), shop.zone(), shop.defaultLocale(),
                shop.supportedLocales(), false, shop.open(), shop.membershipTiers());
        assertThat(MemberCenter.reach(smsOff, both)).isEqualTo(new AdminMemberView.Reach(true, Optional.empty(), false,
                Optional.of(AdminMemberView.Unreachable.STORE_SMS_OFF)));
        assertThat(MemberCenter.reach(shop, profile(Optional.empty(), Optional.empty()))).isEqualTo(new AdminMemberView.Reach(
                false, Optional.of(AdminMemberView.Unreachable.NO_EMAIL), false, Optional.of(AdminMemberView.Unreachable.NO_PHONE)));
    }

    @Test
    void theAdminViewIsEmptyForAnUnknownMember() {
        InMemoryMemberStore members = new InMemoryMemberStore();
        MemberCenter center = new MemberCenter(new InMemoryLedgerStore(),
                Fixtures.readOnlyPort(SettingsStore.class, Optional.of(Fixtures.settings().build())),
                Fixtures.readOnlyPort(MerchantStore.class, Optional.of(shop)), members, new InMemoryOrderStore(), () -> NOW);
        assertThat(center.adminView(shop, MemberId.of("ghost"))).isEmpty();
        members.upsert(profile(Optional.of("a@example.com"), Optional.empty()));
        assertThat(center.adminView(shop, MemberId.of("ann")).orElseThrow().reach().sms()).isFalse();
    }

    private MemberProfile profile(Optional<String> email, Optional<String> phone) {
        return new MemberProfile(shop.id(), MemberId.of("ann"), Optional.empty(), email, phone, Optional.empty(),
                Optional.empty(), NOW);
    }
}
