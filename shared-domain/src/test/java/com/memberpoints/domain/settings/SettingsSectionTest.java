package com.memberpoints.domain.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemorySettingsStore;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.StoreBusyException;
import com.memberpoints.domain.model.TierId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Sections of the settings: what they own, their tags, and {@link SettingsAdmin#updateSection}'s concurrency rule. */
class SettingsSectionTest {
    static final SettingsSection POINTS = SettingsSection.of("member-points", "points", "redeem", "rulesText");
    static final SettingsSection CREDITS = SettingsSection.of("order-reward-credits", "credits");
    static final SettingsSection TIERS = SettingsSection.of("membership-tiers", "tiers");
    static final List<SettingsSection> ALL = List.of(POINTS, CREDITS, TIERS);

    static final MerchantId SHOP = MerchantId.of("shop-1");
    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    // ------------------------------------------------------------------ the record

    @Test
    void aSectionOwnsOnlyRealPartsOfTheSettingsAndNeverTheVersion() {
        assertThatThrownBy(() -> SettingsSection.of("x", "pionts")).hasMessageContaining("pionts");
        assertThatThrownBy(() -> SettingsSection.of("x", "version")).hasMessageContaining("version");
        assertThatThrownBy(() -> SettingsSection.of("x")).hasMessageContaining("no component");
        assertThatThrownBy(() -> SettingsSection.of("Member Points", "points")).hasMessageContaining("section name");
        assertThat(SettingsSection.componentNames()).contains("points", "redeem", "tiers", "credits", "rulesText")
                .doesNotContain("version");
    }

    @Test
    void aFieldBelongsToTheComponentItsPathStartsWith() {
        assertThat(SettingsSection.componentOf("tiers[gold].earn.points")).isEqualTo("tiers");
        assertThat(SettingsSection.componentOf("rulesText.zh-TW")).isEqualTo("rulesText");
        assertThat(SettingsSection.componentOf("credits")).isEqualTo("credits");
        assertThat(POINTS.owns("redeem.cap.percent")).isTrue();
        assertThat(POINTS.owns("credits.enabled")).isFalse();
        assertThat(CREDITS.owns("creditsX.enabled")).isFalse();
    }

    @Test
    void takeFromCopiesTheOwnedPartsAndKeepsTheTargetsVersionAndEverythingElse() {
        MerchantSettings target = MerchantSettings.defaults().withVersion(7);
        MerchantSettings source = rich().withVersion(2);
        MerchantSettings merged = CREDITS.takeFrom(target, source);
        assertThat(merged.version()).isEqualTo(7);
        assertThat(merged.credits()).isEqualTo(source.credits());
        assertThat(merged.points()).isEqualTo(target.points());
        assertThat(merged.redeem()).isEqualTo(target.redeem());
        assertThat(merged.tiers()).isEqualTo(target.tiers());
        assertThat(merged.rulesText()).isEqualTo(target.rulesText());
    }

    // ------------------------------------------------------------------ properties

    @Property
    void anotherSectionsUpdateNeverChangesASectionsTag(@ForAll("settings") MerchantSettings a,
                                                       @ForAll("settings") MerchantSettings b) {
        for (SettingsSection s : ALL) {
            for (SettingsSection other : ALL) {
                MerchantSettings merged = other.takeFrom(a, b);
                if (other != s) {
                    assertThat(s.tag(merged)).as(other.name() + " updated, " + s.name() + " tag").isEqualTo(s.tag(a));
                } else {
                    assertThat(s.tag(merged)).isEqualTo(s.tag(b));
                }
            }
        }
    }

    @Property
    void tagsDifferExactlyWhenTheSectionsContentDiffers(@ForAll("settings") MerchantSettings a,
                                                        @ForAll("settings") MerchantSettings b) {
        for (SettingsSection s : ALL) {
            boolean sameContent = SettingsDiff.between(a, b).stream().noneMatch(c -> s.owns(c.field()));
            assertThat(s.tag(a).equals(s.tag(b))).as(s.name()).isEqualTo(sameContent);
            assertThat(s.tag(a)).matches("[0-9a-f]{16}");
        }
    }

    @Property
    void takingEverySectionFromBGivesB(@ForAll("settings") MerchantSettings a, @ForAll("settings") MerchantSettings b) {
        MerchantSettings merged = a;
        for (SettingsSection s : ALL) {
            merged = s.takeFrom(merged, b);
        }
        assertThat(merged).isEqualTo(b.withVersion(a.version()));
    }

    @Provide
    Arbitrary<MerchantSettings> settings() {
        Arbitrary<PointsProgram> points = Combinators.combine(Arbitraries.of(true, false), Arbitraries.longs().between(1, 5),
                        Arbitraries.of(ExpiryPolicy.NEVER, ExpiryPolicy.annual(12, 31)))
                .as((on, p, expiry) -> new PointsProgram(on, new EarnRule(true, new EarnRate(BigDecimal.TEN, p)),
                        Channels.DEFAULT, expiry, AssignmentPolicy.afterDelivery(3)));
        Arbitrary<RedeemRule> redeem = Arbitraries.longs().between(1, 50)
                .map(n -> new RedeemRule(n % 2 == 0, n, BigDecimal.ZERO, RedeemCap.NONE));
        Arbitrary<List<TierRule>> tiers = Arbitraries.of(List.<TierRule>of(),
                List.of(new TierRule(TierId.of("gold"), Optional.of(EarnRate.of("10", 2)), Optional.empty())),
                List.of(new TierRule(TierId.of("gold"), Optional.empty(), Optional.of(new CreditRule(BigDecimal.ONE,
                        CreditType.fixed("5", false), CreditValidity.NEVER)))));
        Arbitrary<OrderRewardCredits> credits = Combinators.combine(Arbitraries.of(true, false),
                        Arbitraries.integers().between(1, 3))
                .as((on, m) -> new OrderRewardCredits(on, new CreditRule(BigDecimal.valueOf(100L * m),
                        CreditType.fixed("10", m == 2), CreditValidity.NEVER)));
        Arbitrary<Map<String, String>> text = Arbitraries.of(Map.of(), Map.of("en", "Earn"), Map.of("en", "Earn more"));
        return Combinators.combine(points, redeem, tiers, credits, text)
                .as((p, r, t, c, x) -> MerchantSettings.of(1, p, r, t, c, x));
    }

    // ------------------------------------------------------------------ SettingsAdmin.updateSection

    /** A store that lets {@code interleave} run once before each of the first {@code races} saves (a concurrent writer). */
    static final class RacingStore implements SettingsStore {
        final SettingsStore store;
        final AtomicInteger races;
        Runnable interleave = () -> { };

        RacingStore(SettingsStore store, int races) {
            this.store = store;
            this.races = new AtomicInteger(races);
        }

        @Override
        public SaveResult save(MerchantId merchant, MerchantSettings settings, long expected, ChangeLogEntry entry) {
            if (races.getAndDecrement() > 0) {
                interleave.run();
            }
            return store.save(merchant, settings, expected, entry);
        }

        @Override
        public Optional<MerchantSettings> current(MerchantId merchant) {
            return store.current(merchant);
        }

        @Override
        public Optional<MerchantSettings> byVersion(MerchantId merchant, long version) {
            return store.byVersion(merchant, version);
        }

        @Override
        public void appendActivity(MerchantId merchant, ChangeLogEntry entry) {
            store.appendActivity(merchant, entry);
        }

        @Override
        public com.memberpoints.domain.model.Page<ActivityLogEntry> activityLog(MerchantId merchant, PageRequest page) {
            return store.activityLog(merchant, page);
        }
    }

    final InMemorySettingsStore backing = new InMemorySettingsStore();
    final InMemoryMerchantStore merchants = new InMemoryMerchantStore();

    SettingsAdmin admin(SettingsStore store) {
        merchants.save(new Merchant(SHOP, "Shop", Currency.getInstance("TWD"), ZoneId.of("Asia/Taipei"), Locale.ENGLISH,
                Set.of(), true, true, Set.of(TierId.of("gold"))));
        return new SettingsAdmin(store, merchants, () -> NOW);
    }

    @Test
    void whenAnotherSectionIsSavedMeanwhileTheUpdateIsReappliedOnTopAndBothAreKept() {
        RacingStore racing = new RacingStore(backing, 1);
        SettingsAdmin admin = admin(racing);
        SettingsAdmin plain = admin(backing);
        String creditsTag = admin.currentSection(SHOP, CREDITS).tag();
        racing.interleave = () -> assertThat(plain.updateSection(SHOP, TIERS, rich(),
                plain.currentSection(SHOP, TIERS).tag(), Actor.staff("bob"))).isInstanceOf(SettingsAdmin.SectionOutcome.Saved.class);

        var outcome = admin.updateSection(SHOP, CREDITS, rich(), creditsTag, Actor.staff("amy"));

        assertThat(outcome).isInstanceOfSatisfying(SettingsAdmin.SectionOutcome.Saved.class,
                s -> assertThat(s.section().version()).isEqualTo(2));
        MerchantSettings now = backing.current(SHOP).orElseThrow();
        assertThat(now.tiers()).isEqualTo(rich().tiers());
        assertThat(now.credits()).isEqualTo(rich().credits());
        assertThat(now.points()).isEqualTo(MerchantSettings.defaults().points());
        assertThat(backing.activityLog(SHOP, PageRequest.first(10)).items())
                .extracting(SettingsStore.ActivityLogEntry::section).containsExactly("order-reward-credits", "membership-tiers");
    }

    @Test
    void whenTheSameSectionIsSavedMeanwhileTheUpdateIsStale() {
        RacingStore racing = new RacingStore(backing, 1);
        SettingsAdmin admin = admin(racing);
        SettingsAdmin plain = admin(backing);
        String tag = admin.currentSection(SHOP, CREDITS).tag();
        racing.interleave = () -> plain.updateSection(SHOP, CREDITS, rich(), tag, Actor.staff("bob"));

        var outcome = admin.updateSection(SHOP, CREDITS, richer(), tag, Actor.staff("amy"));

        assertThat(outcome).isInstanceOfSatisfying(SettingsAdmin.SectionOutcome.Stale.class,
                s -> assertThat(s.currentTag()).isEqualTo(CREDITS.tag(rich())));
        assertThat(backing.current(SHOP).orElseThrow().credits()).isEqualTo(rich().credits());
    }

    @Test
    void anUpdateThatKeepsLosingTheRaceGivesUpAsBusyAndWritesNothingOfItsOwn() {
        RacingStore racing = new RacingStore(backing, Integer.MAX_VALUE);
        SettingsAdmin admin = admin(racing);
        SettingsAdmin plain = admin(backing);
        AtomicInteger n = new AtomicInteger();
        racing.interleave = () -> plain.updateSection(SHOP, POINTS, withRulesText("v" + n.incrementAndGet()),
                plain.currentSection(SHOP, POINTS).tag(), Actor.SYSTEM);
        String tag = admin.currentSection(SHOP, CREDITS).tag();

        assertThatThrownBy(() -> admin.updateSection(SHOP, CREDITS, rich(), tag, Actor.staff("amy")))
                .isInstanceOf(StoreBusyException.class);
        assertThat(backing.current(SHOP).orElseThrow().credits()).isEqualTo(MerchantSettings.defaults().credits());
        assertThat(n.get()).isEqualTo(SettingsAdmin.SECTION_ATTEMPTS);
    }

    @Test
    void onlyTheSectionsOwnInvalidFieldsAreReported() {
        SettingsAdmin admin = admin(backing);
        MerchantSettings bad = MerchantSettings.of(1, rich().points(), new RedeemRule(true, 0, BigDecimal.ZERO,
                RedeemCap.NONE), List.of(new TierRule(TierId.of("platinum"), Optional.empty(), Optional.empty())),
                new OrderRewardCredits(true, new CreditRule(BigDecimal.ONE, CreditType.fixed("0", false),
                        CreditValidity.NEVER)), Map.of());
        assertThatThrownBy(() -> admin.updateSection(SHOP, CREDITS, bad, admin.currentSection(SHOP, CREDITS).tag(),
                Actor.SYSTEM)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                .extracting(com.memberpoints.domain.model.FieldError::field).containsExactly("credits.type.credit"));
        assertThat(backing.current(SHOP)).isEmpty();
    }

    // ------------------------------------------------------------------ fixtures

    static MerchantSettings rich() {
        return MerchantSettings.of(1,
                new PointsProgram(true, new EarnRule(true, EarnRate.of("25.50", 3)), new Channels(false),
                        ExpiryPolicy.annual(12, 31), AssignmentPolicy.afterDelivery(7)),
                new RedeemRule(true, 20, new BigDecimal("100.00"), RedeemCap.fixed("150")),
                List.of(new TierRule(TierId.of("gold"), Optional.of(EarnRate.of("10", 2)), Optional.empty())),
                new OrderRewardCredits(true, new CreditRule(new BigDecimal("1000"), CreditType.fixed("50", true),
                        CreditValidity.days(90))),
                Map.of("en", "Earn 3 points per 25.50."));
    }

    static MerchantSettings richer() {
        MerchantSettings r = rich();
        return MerchantSettings.of(1, r.points(), r.redeem(), r.tiers(), new OrderRewardCredits(true,
                new CreditRule(new BigDecimal("2000"), CreditType.percent("5"), CreditValidity.NEVER)), r.rulesText());
    }

    static MerchantSettings withRulesText(String text) {
        MerchantSettings d = MerchantSettings.defaults();
        return MerchantSettings.of(1, d.points(), d.redeem(), d.tiers(), d.credits(), Map.of("en", text));
    }
}
