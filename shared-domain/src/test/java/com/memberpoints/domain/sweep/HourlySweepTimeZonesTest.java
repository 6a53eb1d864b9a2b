package com.memberpoints.domain.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.expiry.ExpiryCalculator;
import com.memberpoints.domain.inmemory.InMemoryAssignmentScheduler;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemoryOrderStore;
import com.memberpoints.domain.inmemory.InMemorySettingsStore;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.settings.ExpiryPolicy;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The sweep runs every hour on the hour (UTC). Two stores 16 hours apart each get their yearly expiry (23:59:59
 * local on 31 December) written by the first run after it — within the hour — not by one daily run at a deployment
 * time zone's midnight (up to a day late for the other store).
 */
class HourlySweepTimeZonesTest {
    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final DailySweep.Limits LIMITS = new DailySweep.Limits(Duration.ofHours(24), Duration.ofHours(24), 100);
    static final Instant GRANTED = Instant.parse("2021-06-01T12:00:00Z");

    final AtomicReference<Instant> now = new AtomicReference<>(GRANTED);
    final InMemoryLedgerStore ledger = new InMemoryLedgerStore();
    final InMemoryMerchantStore merchants = new InMemoryMerchantStore();
    final InMemoryOrderStore orders = new InMemoryOrderStore();
    final OrderLifecycle lifecycle = new OrderLifecycle(orders, ledger, new InMemorySettingsStore(), merchants,
            new InMemoryMemberStore(), new InMemoryAssignmentScheduler(), now::get);
    final DailySweep sweep = new DailySweep(merchants, new LedgerSweeps(ledger), lifecycle, now::get, LIMITS);
    final SweepAgenda agenda = new SweepAgenda(merchants, ledger, orders, LIMITS);

    @Test
    void eachStoresYearlyExpiryIsWrittenByTheFirstHourlyRunAfterItsOwnLocalEndOfYear() {
        WalletRef taipei = store("taipei-shop", TAIPEI);
        WalletRef losAngeles = store("la-shop", LOS_ANGELES);
        Instant taipeiExpiry = ZonedDateTime.of(2022, 12, 31, 23, 59, 59, 0, TAIPEI).toInstant();   // 15:59:59Z
        Instant laExpiry = ZonedDateTime.of(2022, 12, 31, 23, 59, 59, 0, LOS_ANGELES).toInstant(); // 07:59:59Z next day
        assertThat(Duration.between(taipeiExpiry, laExpiry)).isEqualTo(Duration.ofHours(16));
        assertThat(agenda.nextDue(now.get())).contains(taipeiExpiry);

        // Every hour on the hour from 30 December 00:00Z to 2 January 00:00Z; note the run that expired each store.
        Map<MerchantId, Instant> expiredBy = new LinkedHashMap<>();
        for (Instant run = Instant.parse("2022-12-30T00:00:00Z"); !run.isAfter(Instant.parse("2023-01-02T00:00:00Z"));
                run = run.plus(Duration.ofHours(1))) {
            now.set(run);
            for (DailySweep.MerchantResult r : sweep.run().results()) {
                DailySweep.MerchantResult.Swept s = (DailySweep.MerchantResult.Swept) r;
                assertThat(s.complete()).isTrue();
                if (s.expired().applied() > 0) {
                    assertThat(expiredBy.put(s.merchant(), run)).as("expired once only").isNull();
                }
            }
        }

        assertThat(expiredBy).containsEntry(taipei.merchant(), Instant.parse("2022-12-31T16:00:00Z"))
                .containsEntry(losAngeles.merchant(), Instant.parse("2023-01-01T08:00:00Z"));
        expiredBy.forEach((merchant, run) -> {
            Instant due = merchant.equals(taipei.merchant()) ? taipeiExpiry : laExpiry;
            assertThat(Duration.between(due, run)).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
        });
        assertThat(ledger.wallet(taipei).available(now.get())).isZero();
        assertThat(ledger.wallet(losAngeles).available(now.get())).isZero();
        assertThat(agenda.nextDue(now.get())).as("nothing left for the sweep").isEmpty();
    }

    @Test
    void theAgendaNamesTheEarliestWorkOfAnyKind_soARunBeforeItHasNothingToDo() {
        WalletRef taipei = store("taipei-shop", TAIPEI);
        Instant heldAt = Instant.parse("2021-06-02T03:00:00Z");
        ledger.apply(LedgerCommand.redeem(taipei, com.memberpoints.domain.model.OrderId.of("o-1"), 10, true, heldAt));
        Instant stale = heldAt.plus(LIMITS.holdTimeLimit()).plusMillis(1);
        assertThat(agenda.nextDue(heldAt)).contains(stale);

        now.set(stale.minusMillis(1));
        assertThat(((DailySweep.MerchantResult.Swept) sweep.run().results().getFirst()).released().applied()).isZero();
        now.set(stale);
        assertThat(((DailySweep.MerchantResult.Swept) sweep.run().results().getFirst()).released().applied()).isOne();
        assertThat(agenda.nextDue(stale)).contains(ZonedDateTime.of(2022, 12, 31, 23, 59, 59, 0, TAIPEI).toInstant());
    }

    /** A store in {@code zone} whose points expire each 31 December, and a member holding 100 of them. */
    private WalletRef store(String id, ZoneId zone) {
        Merchant base = Fixtures.merchant(zone, Fixtures.merchant().currency());
        Merchant merchant = new Merchant(MerchantId.of(id), base.name(), base.currency(), zone, Locale.ENGLISH,
                Set.of(), true, true, base.membershipTiers());
        merchants.save(merchant);
        WalletRef wallet = WalletRef.points(merchant.id(), MemberId.of("ann"));
        Optional<Instant> expiry = ExpiryCalculator.pointsExpiry(ExpiryPolicy.annual(12, 31), GRANTED.plus(Duration.ofDays(200)), zone).instant();
        ledger.apply(LedgerCommand.manualAdd(wallet, "grant-" + id, 100, expiry, "yearly points", Actor.SYSTEM, GRANTED));
        return wallet;
    }
}
