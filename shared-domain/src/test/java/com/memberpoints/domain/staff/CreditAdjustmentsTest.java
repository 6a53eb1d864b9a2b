package com.memberpoints.domain.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.inmemory.InMemoryLiabilityCounters;
import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemorySettingsStore;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LotChange;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.CreditValidity;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.staff.CreditAdjustments.Outcome;
import com.memberpoints.domain.staff.CreditAdjustments.Request;
import com.memberpoints.domain.staff.CreditAdjustments.Validity;
import com.memberpoints.domain.testing.Fixtures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Manual store-credit adjustments (issue 11.2) over the in-memory stores. */
class CreditAdjustmentsTest {

    /** 2021-12-01 10:00 in Taipei. */
    private static final Instant NOW = Instant.parse("2021-12-01T02:00:00Z");

    private final Merchant store = Fixtures.merchant();
    private final MemberId amy = MemberId.of("amy");
    private final Actor bob = Actor.staff("bob");
    private final InMemoryLedgerStore ledger = new InMemoryLedgerStore();
    private final InMemoryMemberStore members = new InMemoryMemberStore();
    private final InMemoryMerchantStore merchants = new InMemoryMerchantStore();
    private final InMemorySettingsStore settings = new InMemorySettingsStore();
    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final CreditAdjustments adjustments = new CreditAdjustments(ledger, members, merchants, settings, now::get);

    CreditAdjustmentsTest() {
        merchants.save(store);
        members.upsert(new MemberProfile(store.id(), amy, Optional.of("Amy"), Optional.of("amy@example.com"),
                Optional.empty(), Optional.of(Locale.ENGLISH), Optional.empty(), NOW));
    }

    private Outcome adjust(String amount, Validity validity, String key) {
        Money m = Fixtures.twd(amount);
        NotifyChoice choice = m.isNegative() ? NotifyChoice.NONE : NotifyChoice.BOTH;
        return adjustments.adjust(store.id(), amy, new Request(m, "reason " + key, validity, choice, key), bob);
    }

    private JournalEntry done(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done) outcome).entry();
    }

    private void storeCreditValidity(CreditValidity validity) {
        MerchantSettings s = Fixtures.settings().credits(false,
                new CreditRule(new BigDecimal("100"), CreditType.fixed("10", false), validity)).build();
        long current = settings.current(store.id()).map(MerchantSettings::version).orElse(0L);
        settings.save(store.id(), s.withVersion(current + 1), current,
                new SettingsStore.ChangeLogEntry(Actor.SYSTEM, NOW, List.of()));
    }

    private static Instant endOfTaipeiDay(String date) {
        return LocalDate.parse(date).plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Taipei")).toInstant()
                .minusSeconds(1);
    }

    @Test
    void anAdditionIsAManualAddToTheCreditsWalletInMinorUnitsWithTheStaffAsActor() {
        Outcome outcome = adjust("10.50", Validity.NEVER, "k-1");
        JournalEntry e = done(outcome);
        assertThat(e.wallet()).isEqualTo(WalletRef.credits(store.id(), amy));
        assertThat(e.kind()).isEqualTo(EntryKind.ADJUST_ADD);
        assertThat(e.delta()).isEqualTo(1050);
        assertThat(e.actor()).isEqualTo(bob);
        assertThat(e.reason()).isEqualTo("reason k-1");
        assertThat(e.notification()).isEqualTo(NotifyChoice.BOTH);
        assertThat(((Outcome.Done) outcome).balanceAfter()).isEqualTo(Fixtures.twd("10.50"));
        assertThat(e.lots()).containsExactly(new LotChange(Optional.empty(), 1050));
        // the points wallet is untouched
        assertThat(ledger.wallet(WalletRef.points(store.id(), amy)).balance()).isZero();
    }

    @Test
    void validityInDaysEndsAtTheEndOfTheLocalDateThatManyDaysAhead() {
        JournalEntry e = done(adjust("5.00", new Validity.Days(30), "k-1"));
        assertThat(e.lots().getFirst().expiresAt()).contains(endOfTaipeiDay("2021-12-31"));
    }

    @Test
    void validityUntilADateEndsAt235959LocalThatDay() {
        JournalEntry e = done(adjust("5.00", new Validity.Until(LocalDate.parse("2022-03-01")), "k-1"));
        assertThat(e.lots().getFirst().expiresAt()).contains(endOfTaipeiDay("2022-03-01"));
        // today is allowed (valid to the end of today); yesterday is not
        assertThat(done(adjust("1.00", new Validity.Until(LocalDate.parse("2021-12-01")), "k-2")).lots().getFirst()
                .expiresAt()).contains(endOfTaipeiDay("2021-12-01"));
        assertThat(adjust("1.00", new Validity.Until(LocalDate.parse("2021-11-30")), "k-3"))
                .isEqualTo(new Outcome.ExpiryOutOfRange(LocalDate.parse("2021-12-01"), LocalDate.parse("2031-11-29")));
        assertThat(adjust("1.00", new Validity.Until(LocalDate.parse("2031-11-30")), "k-4"))
                .isInstanceOf(Outcome.ExpiryOutOfRange.class);
    }

    @Test
    void theDefaultValidityIsTheStoresRewardCreditValidityWhateverItsToggle() {
        storeCreditValidity(CreditValidity.days(7));
        assertThat(done(adjust("5.00", Validity.STORE_DEFAULT, "k-1")).lots().getFirst().expiresAt())
                .contains(endOfTaipeiDay("2021-12-08"));
        storeCreditValidity(CreditValidity.NEVER);
        assertThat(done(adjust("5.00", Validity.STORE_DEFAULT, "k-2")).lots().getFirst().expiresAt()).isEmpty();
    }

    @Test
    void theDefaultValidityWithNoSettingsSavedIsNever() {
        assertThat(done(adjust("5.00", Validity.STORE_DEFAULT, "k-1")).lots().getFirst().expiresAt()).isEmpty();
    }

    @Test
    void aDeductionSpendsTheSoonestExpiringCreditsFirstAndNeverExpiringLast() {
        adjust("5.00", Validity.NEVER, "k-1");
        adjust("3.00", new Validity.Days(60), "k-2");
        adjust("4.00", new Validity.Days(10), "k-3");
        JournalEntry d = done(adjust("-6.00", Validity.STORE_DEFAULT, "k-4"));
        assertThat(d.kind()).isEqualTo(EntryKind.ADJUST_DEDUCT);
        assertThat(d.delta()).isEqualTo(-600);
        assertThat(d.notification()).isEqualTo(NotifyChoice.NONE);
        assertThat(d.lots()).containsExactly(
                new LotChange(Optional.of(endOfTaipeiDay("2021-12-11")), -400),
                new LotChange(Optional.of(endOfTaipeiDay("2022-01-30")), -200));
        assertThat(d.balanceAfter()).isEqualTo(600);
    }

    @Test
    void aDeductionLargerThanTheBalanceIsRefusedWithTheBalanceAsMoney() {
        adjust("8.00", Validity.NEVER, "k-1");
        assertThat(adjust("-8.01", Validity.STORE_DEFAULT, "k-2"))
                .isEqualTo(new Outcome.InsufficientBalance(Fixtures.twd("8.00"), Fixtures.twd("8.01")));
        assertThat(ledger.wallet(WalletRef.credits(store.id(), amy)).balance()).isEqualTo(800);
    }

    @Test
    void expiredButUnsweptCreditsCannotBeDeducted() {
        adjust("4.00", new Validity.Days(1), "k-1");
        now.set(NOW.plus(java.time.Duration.ofDays(3)));
        assertThat(adjust("-1.00", Validity.STORE_DEFAULT, "k-2"))
                .isEqualTo(new Outcome.InsufficientBalance(Fixtures.twd("0.00"), Fixtures.twd("1.00")));
    }

    @Test
    void theSameKeyAndBodyIsOneAdjustmentAndTheSameKeyForAnotherBodyIsRefused() {
        Outcome first = adjust("10.00", Validity.NEVER, "k-1");
        Outcome again = adjust("10.00", Validity.NEVER, "k-1");
        assertThat(again).isInstanceOfSatisfying(Outcome.Done.class, d -> {
            assertThat(d.repeated()).isTrue();
            assertThat(d.entry()).isEqualTo(((Outcome.Done) first).entry());
        });
        assertThat(adjust("11.00", Validity.NEVER, "k-1")).isInstanceOf(Outcome.KeyReused.class);
        // a flipped sign under the same key is another adjustment too
        assertThat(adjust("-10.00", Validity.STORE_DEFAULT, "k-1")).isInstanceOf(Outcome.KeyReused.class);
        assertThat(ledger.wallet(WalletRef.credits(store.id(), amy)).balance()).isEqualTo(1000);
        // the same key on the points wallet is a separate operation (separate journal)
        assertThat(ledger.history(WalletRef.credits(store.id(), amy), PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void unknownMemberStoreNotSetUpAndAnotherCurrencyAreRefusedWithoutWriting() {
        assertThat(adjustments.adjust(store.id(), MemberId.of("nobody"),
                new Request(Fixtures.twd("1.00"), "r", Validity.NEVER, NotifyChoice.NONE, "k"), bob))
                .isEqualTo(new Outcome.UnknownMember());
        CreditAdjustments noStore = new CreditAdjustments(ledger, members, new InMemoryMerchantStore(), settings,
                now::get);
        assertThat(noStore.adjust(store.id(), amy,
                new Request(Fixtures.twd("1.00"), "r", Validity.NEVER, NotifyChoice.NONE, "k"), bob))
                .isEqualTo(new Outcome.StoreNotConfigured());
        assertThat(adjustments.adjust(store.id(), amy,
                new Request(Money.of("1.00", "USD"), "r", Validity.NEVER, NotifyChoice.NONE, "k"), bob))
                .isEqualTo(new Outcome.WrongCurrency("TWD"));
        assertThat(ledger.wallet(WalletRef.credits(store.id(), amy)).balance()).isZero();
    }

    @Test
    void aRequestRefusesZeroNotifyingDeductionsAndValidityOnDeductions() {
        assertThatThrownBy(() -> new Request(Fixtures.twd("0.00"), "r", Validity.NEVER, NotifyChoice.NONE, "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Request(Fixtures.twd("-1.00"), "r", Validity.STORE_DEFAULT, NotifyChoice.BOTH, "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Request(Fixtures.twd("-1.00"), "r", Validity.NEVER, NotifyChoice.NONE, "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Request(Fixtures.twd("1000000000.01"), "r", Validity.NEVER, NotifyChoice.NONE, "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Validity.Days(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLiabilityCountersCountAdditionsAndDeductionsOfCredits() {
        InMemoryLiabilityCounters counters = new InMemoryLiabilityCounters();
        for (Outcome o : List.of(adjust("10.00", new Validity.Days(20), "k-1"), adjust("5.00", Validity.NEVER, "k-2"),
                adjust("-3.00", Validity.STORE_DEFAULT, "k-3"))) {
            counters.record(done(o));
        }
        assertThat(counters.total(store.id(), Wallet.CREDITS)).isEqualTo(1200);
        assertThat(counters.total(store.id(), Wallet.POINTS)).isZero();
        assertThat(counters.expiring(store.id(), Wallet.CREDITS, NOW, NOW.plus(java.time.Duration.ofDays(30))))
                .isEqualTo(700);
    }
}
