package com.memberpoints.functions.events;

import static com.memberpoints.functions.events.HandlerHarness.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.sweep.LedgerSweeps;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.functions.platform.MissingConfigurationException;
import com.memberpoints.functions.platform.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DailySweepHandlerTest {

    @Test
    void withRemindersOnTheSweepWritesOneMarkerPerLotEnteringTheWindow() {
        HandlerHarness h = new HandlerHarness();
        h.settings.save(h.shop, com.memberpoints.domain.settings.MerchantSettings.defaults().withExpiryReminders(
                        new com.memberpoints.domain.settings.ExpiryReminders(true, 14, true, false)), 0,
                new com.memberpoints.domain.settings.SettingsStore.ChangeLogEntry(Actor.SYSTEM, h.now, java.util.List.of()));
        Instant endOf2022 = ZonedDateTime.of(2022, 12, 31, 23, 59, 59, 0, ZoneId.of("Asia/Taipei")).toInstant();
        h.ledger.apply(LedgerCommand.manualAdd(WalletRef.points(h.shop, h.alice), "y", 70, Optional.of(endOf2022),
                "yearly", Actor.SYSTEM, h.now));
        var markers = new com.memberpoints.domain.inmemory.InMemoryExpiryReminderStore();
        DailySweepHandler sweep = new DailySweepHandler(new com.memberpoints.domain.sweep.DailySweep(h.merchants,
                new com.memberpoints.domain.sweep.LedgerSweeps(h.ledger), new com.memberpoints.domain.order.OrderLifecycle(
                h.orders, h.ledger, h.settings, h.merchants, h.members, h.scheduler, () -> h.now,
                com.memberpoints.domain.order.AssignmentWindow.NONE), () -> h.now,
                SweepSettings.DEFAULTS.limits(), new com.memberpoints.domain.notify.ExpiryReminderPass(h.merchants,
                        h.settings, h.ledger, markers)), h.log.logger());

        h.now = Instant.parse("2022-12-16T15:00:00Z"); // 23:00 on 16 December, Taipei: 15 days before
        assertThat(Json.write(sweep.sweep())).contains("\"merchants\":[]");
        h.now = Instant.parse("2022-12-16T16:00:00Z"); // 00:00 on 17 December: 14 days before
        assertThat(Json.write(sweep.sweep())).contains("\"remindersDecided\":1");
        h.now = Instant.parse("2022-12-16T17:00:00Z");
        assertThat(Json.write(sweep.sweep())).contains("\"merchants\":[]");
        assertThat(markers.all()).singleElement().satisfies(r -> {
            assertThat(r.amount()).isEqualTo(70);
            assertThat(r.expiresAt()).isEqualTo(endOf2022);
        });
    }

    @Test
    void whileALiveWalkHoldsAPart_theRunLeavesTheExpiryToIt_andSaysSoInItsAnswerLogAndMetric() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(3), null);
        WalletRef points = WalletRef.points(h.shop, h.alice);
        Instant endOf2021 = local(2021, 12, 31, 23, 59).plusSeconds(59);
        h.ledger.apply(LedgerCommand.manualAdd(points, "seed", 70, Optional.of(endOf2021), "seed", Actor.SYSTEM, h.now));
        var claims = new com.memberpoints.domain.inmemory.InMemoryExpiryWalkClaims();
        var queue = new com.memberpoints.domain.inmemory.InMemoryExpiryWalkQueue();
        DailySweepHandler sweep = new DailySweepHandler(new com.memberpoints.domain.sweep.DailySweep(h.merchants,
                new LedgerSweeps(h.ledger), new OrderLifecycle(h.orders, h.ledger, h.settings, h.merchants, h.members,
                h.scheduler, () -> h.now, com.memberpoints.domain.order.AssignmentWindow.NONE), () -> h.now,
                SweepSettings.DEFAULTS.limits()).withFanOut(new com.memberpoints.domain.sweep.ExpiryFanOut(h.ledger,
                queue, claims, Duration.ofHours(3))), h.log.logger());
        h.at(2022, 1, 1, 0, 5);
        Instant walksRun = h.now.minus(Duration.ofHours(1)); // an earlier run's walk, progress 10 minutes ago
        claims.claim(h.shop, 0, walksRun, h.now.minus(Duration.ofMinutes(10)), walksRun.minus(Duration.ofHours(3)));
        h.log.lines().clear();

        String answer = Json.write(sweep.sweep());

        assertThat(answer).contains("\"lotsExpired\":0").contains("\"expiryLeftToWalks\":1")
                .contains("\"complete\":false").doesNotContain("remindersLeftToWalks");
        assertThat(h.points()).as("not expired by the run: the walk holds its part").isEqualTo(70);
        assertThat(h.log.lines()).anySatisfy(l -> assertThat(l).contains("\"message\":\"sweep\"")
                .contains("\"expiryLeftToWalks\":1").contains("\"expiryComplete\":false"));
        assertThat(com.memberpoints.functions.platform.log.Emf.totals(h.log.lines()))
                .containsEntry("ExpiryLeftToWalks", 1L).containsEntry("LotsExpired", 0L)
                .containsEntry("RemindersLeftToWalks", 0L);
        assertThat(queue.size()).isZero();

        claims.release(h.shop, 0, walksRun); // the walk ended (without reaching this lot: due after its instant)
        h.at(2022, 1, 1, 1, 5);
        h.log.lines().clear();
        assertThat(Json.write(sweep.sweep())).contains("\"lotsExpired\":1").doesNotContain("LeftToWalks");
        assertThat(com.memberpoints.functions.platform.log.Emf.totals(h.log.lines()))
                .containsEntry("ExpiryLeftToWalks", 0L).containsEntry("LotsExpired", 1L);
        assertThat(h.points()).isZero();
    }

    @Test
    void expiresDueLotsReleasesStaleHoldsAndAssignsOrdersWhoseScheduleWasLost() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(3), null);
        WalletRef points = WalletRef.points(h.shop, h.alice);
        var endOf2021 = local(2021, 12, 31, 23, 59).plusSeconds(59);
        h.ledger.apply(LedgerCommand.manualAdd(points, "seed", 70, Optional.of(endOf2021), "seed", Actor.SYSTEM, h.now));
        h.ledger.apply(LedgerCommand.redeem(points, OrderId.of("abandoned"), 30, true, h.now)); // never placed
        h.placed("o1", "100.00");
        h.delivery("o1", "ARRIVED"); // due 2 Dec
        h.scheduler.pending().clear(); // the schedule is lost

        h.at(2021, 12, 2, 12, 0); // due, but within the grace period
        String first = Json.write(h.sweep.sweep());
        assertThat(first).contains("\"holdsReleased\":1").contains("\"ordersAssigned\":0");
        assertThat(h.points()).isEqualTo(70);

        h.at(2021, 12, 3, 1, 0);
        assertThat(Json.write(h.sweep.sweep())).contains("\"ordersAssigned\":1");
        assertThat(h.points()).isEqualTo(80);

        h.at(2022, 1, 1, 0, 5);
        assertThat(Json.write(h.sweep.sweep())).contains("\"lotsExpired\":1").contains("\"ordersAssigned\":0");
        assertThat(h.points()).isEqualTo(10); // the 70 of 2021 expired; the 10 earned on 2 Dec expire end of 2022
        assertThat(h.log.lines()).anySatisfy(l -> assertThat(l).contains("\"message\":\"sweep\""));
    }

    @Test
    void hourlyRunsExpireEachStoresYearlyPointsWithinTheHourAfterItsOwnLocalEndOfYear() {
        HandlerHarness h = new HandlerHarness();
        Merchant taipei = h.merchants.find(h.shop).orElseThrow();
        assertThat(taipei.zone()).isEqualTo(ZoneId.of("Asia/Taipei"));
        ZoneId losAngeles = ZoneId.of("America/Los_Angeles");
        MerchantId la = MerchantId.of("la-shop");
        h.merchants.save(new Merchant(la, "LA Shop", taipei.currency(), losAngeles, taipei.defaultLocale(),
                taipei.supportedLocales(), true, true, taipei.membershipTiers()));
        Instant taipeiEnd = ZonedDateTime.of(2022, 12, 31, 23, 59, 59, 0, taipei.zone()).toInstant();
        Instant laEnd = ZonedDateTime.of(2022, 12, 31, 23, 59, 59, 0, losAngeles).toInstant();
        WalletRef inTaipei = WalletRef.points(h.shop, h.alice);
        WalletRef inLa = WalletRef.points(la, h.alice);
        h.ledger.apply(LedgerCommand.manualAdd(inTaipei, "y", 70, Optional.of(taipeiEnd), "yearly", Actor.SYSTEM, h.now));
        h.ledger.apply(LedgerCommand.manualAdd(inLa, "y", 40, Optional.of(laEnd), "yearly", Actor.SYSTEM, h.now));

        h.now = Instant.parse("2022-12-31T15:00:00Z"); // 23:00 in Taipei: nothing due yet, nobody listed
        assertThat(Json.write(h.sweep.sweep())).isEqualTo("{\"result\":\"done\",\"merchantsSwept\":2,\"merchants\":[]}");
        h.now = Instant.parse("2022-12-31T16:00:00Z"); // the first run after Taipei's 23:59:59
        assertThat(Json.write(h.sweep.sweep())).isEqualTo("{\"result\":\"done\",\"merchantsSwept\":2,\"merchants\":["
                + "{\"merchantId\":\"shop-1\",\"lotsExpired\":1,\"holdsReleased\":0,\"ordersAssigned\":0,\"complete\":true}]}");
        h.now = Instant.parse("2023-01-01T07:00:00Z"); // 23:00 on 31 December in Los Angeles
        assertThat(Json.write(h.sweep.sweep())).contains("\"merchants\":[]");
        assertThat(h.ledger.wallet(inLa).available(h.now)).isEqualTo(40);
        h.now = Instant.parse("2023-01-01T08:00:00Z"); // the first run after Los Angeles' 23:59:59
        assertThat(Json.write(h.sweep.sweep())).isEqualTo("{\"result\":\"done\",\"merchantsSwept\":2,\"merchants\":["
                + "{\"merchantId\":\"la-shop\",\"lotsExpired\":1,\"holdsReleased\":0,\"ordersAssigned\":0,\"complete\":true}]}");
        assertThat(h.ledger.wallet(inLa).available(h.now)).isZero();
        assertThat(h.ledger.history(inLa, com.memberpoints.domain.model.PageRequest.first(1)).items().getFirst().kind().name())
                .isEqualTo("EXPIRE");
        assertThat(h.log.lines()).filteredOn(l -> l.contains("\"message\":\"sweep run\"")).hasSize(4)
                .allSatisfy(l -> assertThat(l).contains("\"merchantsSwept\":2"));
    }

    @Test
    void oneMerchantsFailureDoesNotStopTheOthersButFailsTheRun() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(3), null);
        MerchantId broken = MerchantId.of("broken");
        MerchantStore merchants = new MerchantStore() {
            @Override
            public Optional<Merchant> find(MerchantId merchant) {
                return h.merchants.find(merchant);
            }

            @Override
            public void save(Merchant merchant) {
                h.merchants.save(merchant);
            }

            @Override
            public List<MerchantId> all() {
                return List.of(broken, h.shop);
            }
        };
        OrderLifecycle lifecycle = new OrderLifecycle(h.orders, new FailingFor(h.ledger, broken), h.settings,
                h.merchants, h.members, h.scheduler, () -> h.now);
        DailySweepHandler sweep = new DailySweepHandler(merchants, new LedgerSweeps(new FailingFor(h.ledger, broken)),
                lifecycle, () -> h.now, SweepSettings.DEFAULTS, h.log.logger());
        assertThatThrownBy(sweep::sweep).isInstanceOf(RetryLaterException.class).hasMessageContaining("broken");
        assertThat(h.log.lines()).anySatisfy(l -> assertThat(l).contains("\"message\":\"sweep run\"")
                .contains("\"merchantsSwept\":2").contains("\"merchantsFailed\":1"));
        assertThat(h.log.lines()).anySatisfy(l -> assertThat(l).contains("\"merchantId\":\"broken\""));
    }

    @Test
    void limitsComeFromTheEnvironmentWithDefaults() {
        assertThat(SweepSettings.from(AppConfig.from(Map.of()))).isEqualTo(SweepSettings.DEFAULTS);
        SweepSettings s = SweepSettings.from(AppConfig.from(Map.of(SweepSettings.HOLD_TIME_LIMIT, "PT2H",
                SweepSettings.RECONCILE_GRACE, "PT6H", SweepSettings.SWEEP_MAX_ITEMS, "500")));
        assertThat(s).isEqualTo(new SweepSettings(Duration.ofHours(2), Duration.ofHours(6), 500));
        assertThatThrownBy(() -> SweepSettings.from(AppConfig.from(Map.of(SweepSettings.HOLD_TIME_LIMIT, "2 hours"))))
                .isInstanceOf(MissingConfigurationException.class).hasMessageContaining(SweepSettings.HOLD_TIME_LIMIT);
    }

    @Test
    void schedulerVariablesAreRequiredOnlyWhenAsked() {
        AppConfig none = AppConfig.from(Map.of("TABLE_NAME", "t"));
        assertThat(none.tableName()).isEqualTo("t");
        assertThatThrownBy(none::scheduleGroupName).isInstanceOf(MissingConfigurationException.class)
                .hasMessageContaining(AppConfig.SCHEDULE_GROUP_NAME);
        assertThatThrownBy(none::schedulerDlqArn).hasMessageContaining(AppConfig.SCHEDULER_DLQ_ARN);
    }

    /** A ledger whose reads for one merchant fail (a store outage for that merchant). */
    static final class FailingFor implements com.memberpoints.domain.ledger.LedgerStore {
        private final com.memberpoints.domain.ledger.LedgerStore delegate;
        private final MerchantId failing;

        FailingFor(com.memberpoints.domain.ledger.LedgerStore delegate, MerchantId failing) {
            this.delegate = delegate;
            this.failing = failing;
        }

        @Override
        public com.memberpoints.domain.ledger.LedgerResult apply(LedgerCommand command) {
            return delegate.apply(command);
        }

        @Override
        public com.memberpoints.domain.ledger.WalletState wallet(WalletRef ref) {
            return delegate.wallet(ref);
        }

        @Override
        public com.memberpoints.domain.ledger.MemberWallets wallets(MerchantId merchant,
                                                                    com.memberpoints.domain.model.MemberId member) {
            return delegate.wallets(merchant, member);
        }

        @Override
        public com.memberpoints.domain.model.Page<com.memberpoints.domain.ledger.JournalEntry> history(
                WalletRef ref, com.memberpoints.domain.model.PageRequest page) {
            return delegate.history(ref, page);
        }

        @Override
        public List<com.memberpoints.domain.ledger.JournalEntry> entriesForOrder(MerchantId merchant,
                com.memberpoints.domain.model.MemberId member, OrderId order) {
            return delegate.entriesForOrder(merchant, member, order);
        }

        @Override
        public com.memberpoints.domain.model.Page<com.memberpoints.domain.ledger.ExpiringLot> expiring(
                MerchantId merchant, java.time.Instant from, java.time.Instant to,
                com.memberpoints.domain.model.PageRequest page) {
            if (merchant.equals(failing)) {
                throw new com.memberpoints.domain.ledger.LedgerStoreException("expiry index unavailable", null);
            }
            return delegate.expiring(merchant, from, to, page);
        }

        @Override
        public com.memberpoints.domain.model.Page<com.memberpoints.domain.ledger.RedemptionHold> staleHolds(
                MerchantId merchant, java.time.Instant heldBefore, com.memberpoints.domain.model.PageRequest page) {
            return delegate.staleHolds(merchant, heldBefore, page);
        }

        @Override
        public HoldConfirmation confirmHold(WalletRef wallet, OrderId order) {
            return delegate.confirmHold(wallet, order);
        }
    }
}
