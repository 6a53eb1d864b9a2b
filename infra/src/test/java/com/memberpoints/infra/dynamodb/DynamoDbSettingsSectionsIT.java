package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.TierId;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.CreditValidity;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.OrderRewardCredits;
import com.memberpoints.domain.settings.SettingsAdmin;
import com.memberpoints.domain.settings.SettingsSection;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.settings.TierRule;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The section concurrency rule over DynamoDB Local (docs/decisions.md, "11.6 Who may change what"): staff updating
 * different sections at the same instant all succeed and every update is kept; a stale tag of the same section is
 * refused; every update is its own settings version with an activity entry naming its section.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbSettingsSectionsIT {
    static final SettingsSection POINTS = SettingsSection.of("member-points", "points", "redeem", "rulesText");
    static final SettingsSection CREDITS = SettingsSection.of("order-reward-credits", "credits");
    static final SettingsSection TIERS = SettingsSection.of("membership-tiers", "tiers");

    final MerchantId shop = MerchantId.of("shop-" + UUID.randomUUID());
    DynamoDbSettingsStore settings;
    SettingsAdmin admin;

    @BeforeEach
    void setUp(DynamoDbLocal local) {
        String table = local.createLedgerTable();
        settings = new DynamoDbSettingsStore(local.client(), table);
        DynamoDbMerchantStore merchants = new DynamoDbMerchantStore(local.client(), table);
        merchants.save(new Merchant(shop, "Shop", Currency.getInstance("TWD"), ZoneId.of("Asia/Taipei"), Locale.ENGLISH,
                Set.of(), true, true, Set.of(TierId.of("gold"))));
        admin = new SettingsAdmin(settings, merchants, Instant::now);
    }

    static MerchantSettings rulesText(int round) {
        MerchantSettings d = MerchantSettings.defaults();
        return MerchantSettings.of(1, d.points(), d.redeem(), d.tiers(), d.credits(), Map.of("en", "Rules " + round));
    }

    static MerchantSettings credits(int round) {
        MerchantSettings d = MerchantSettings.defaults();
        return MerchantSettings.of(1, d.points(), d.redeem(), d.tiers(), new OrderRewardCredits(true,
                new CreditRule(BigDecimal.valueOf(100L + round), CreditType.fixed("10", false), CreditValidity.NEVER)),
                d.rulesText());
    }

    static MerchantSettings tiers(int round) {
        MerchantSettings d = MerchantSettings.defaults();
        return MerchantSettings.of(1, d.points(), d.redeem(), List.of(new TierRule(TierId.of("gold"),
                Optional.of(EarnRate.of("10", 1 + round)), Optional.empty())), d.credits(), d.rulesText());
    }

    @Test
    void threeSectionsUpdatedAtTheSameInstantAreAllKeptRoundAfterRound() throws Exception {
        int rounds = 6;
        List<SettingsSection> sections = List.of(POINTS, CREDITS, TIERS);
        List<IntFunction<MerchantSettings>> contents = List.of(
                DynamoDbSettingsSectionsIT::rulesText, DynamoDbSettingsSectionsIT::credits, DynamoDbSettingsSectionsIT::tiers);
        ExecutorService pool = Executors.newFixedThreadPool(sections.size());
        try {
            for (int round = 0; round < rounds; round++) {
                // each staff user reads their section's tag, then all save at once
                List<String> tags = sections.stream().map(s -> admin.currentSection(shop, s).tag()).toList();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<SettingsAdmin.SectionOutcome>> outcomes = new ArrayList<>();
                for (int i = 0; i < sections.size(); i++) {
                    int k = i;
                    int r = round;
                    outcomes.add(pool.submit(() -> {
                        go.await();
                        return admin.updateSection(shop, sections.get(k), contents.get(k).apply(r), tags.get(k),
                                Actor.staff("staff-" + k));
                    }));
                }
                go.countDown();
                for (Future<SettingsAdmin.SectionOutcome> f : outcomes) {
                    assertThat(f.get()).as("round " + round).isInstanceOf(SettingsAdmin.SectionOutcome.Saved.class);
                }
                MerchantSettings now = settings.current(shop).orElseThrow();
                assertThat(now.rulesText()).isEqualTo(rulesText(round).rulesText());
                assertThat(now.credits()).isEqualTo(credits(round).credits());
                assertThat(now.tiers()).isEqualTo(tiers(round).tiers());
                assertThat(now.version()).isEqualTo(3L * (round + 1));
            }
        } finally {
            pool.shutdownNow();
        }
        List<SettingsStore.ActivityLogEntry> log = settings.activityLog(shop, PageRequest.first(100)).items();
        assertThat(log).hasSize(3 * rounds);
        for (SettingsStore.ActivityLogEntry e : log) {
            SettingsSection section = List.of(POINTS, CREDITS, TIERS).stream()
                    .filter(s -> s.name().equals(e.section())).findFirst().orElseThrow();
            assertThat(e.changes()).isNotEmpty().allSatisfy(c -> assertThat(section.owns(c.field())).isTrue());
            assertThat(settings.byVersion(shop, e.version())).as("version " + e.version() + " is kept").isPresent();
        }
    }

    @Test
    void twoStaffUpdatingTheSameSectionAtOnce_oneWinsTheOtherIsStale() throws Exception {
        String tag = admin.currentSection(shop, CREDITS).tag();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SettingsAdmin.SectionOutcome>> outcomes = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                int r = i;
                outcomes.add(pool.submit(() -> {
                    go.await();
                    return admin.updateSection(shop, CREDITS, credits(r), tag, Actor.staff("staff-" + r));
                }));
            }
            go.countDown();
            List<SettingsAdmin.SectionOutcome> results = new ArrayList<>();
            for (Future<SettingsAdmin.SectionOutcome> f : outcomes) {
                results.add(f.get());
            }
            assertThat(results).filteredOn(o -> o instanceof SettingsAdmin.SectionOutcome.Saved).hasSize(1);
            assertThat(results).filteredOn(o -> o instanceof SettingsAdmin.SectionOutcome.Stale).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(settings.current(shop).orElseThrow().version()).isEqualTo(1);
        assertThat(settings.activityLog(shop, PageRequest.first(10)).items()).hasSize(1);
    }
}
