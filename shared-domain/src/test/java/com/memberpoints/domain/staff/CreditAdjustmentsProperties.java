package com.memberpoints.domain.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.inmemory.InMemoryLiabilityCounters;
import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemorySettingsStore;
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
import com.memberpoints.domain.staff.CreditAdjustments.Outcome;
import com.memberpoints.domain.staff.CreditAdjustments.Request;
import com.memberpoints.domain.staff.CreditAdjustments.Validity;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any sequence of manual additions (any validity) and deductions, each possibly sent twice: the balance never goes
 * negative and always equals the sum of the applied changes; a refused deduction names exactly the spendable balance
 * and changes nothing; a repeat changes nothing; every deduction takes the soonest-expiring lots first; the liability
 * counters fed with the journal equal the balance.
 */
class CreditAdjustmentsProperties {

    private static final Instant NOW = Instant.parse("2021-12-01T02:00:00Z");

    record Step(long minor, int validity, boolean repeat) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.longs().between(-5_000, 5_000).filter(v -> v != 0),
                Arbitraries.integers().between(0, 3), Arbitraries.of(true, false)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 300)
    void theBalanceIsTheSumOfAppliedChangesNeverNegativeAndDeductionsSpendSoonestFirst(
            @ForAll("steps") List<Step> steps) {
        Merchant store = Fixtures.merchant();
        MemberId amy = MemberId.of("amy");
        InMemoryLedgerStore ledger = new InMemoryLedgerStore();
        InMemoryMemberStore members = new InMemoryMemberStore();
        InMemoryMerchantStore merchants = new InMemoryMerchantStore();
        merchants.save(store);
        members.upsert(new MemberProfile(store.id(), amy, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Locale.ENGLISH), Optional.empty(), NOW));
        CreditAdjustments adjustments = new CreditAdjustments(ledger, members, merchants, new InMemorySettingsStore(),
                () -> NOW);
        WalletRef wallet = WalletRef.credits(store.id(), amy);
        InMemoryLiabilityCounters counters = new InMemoryLiabilityCounters();
        long expected = 0;
        List<JournalEntry> applied = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            Validity validity = s.minor() < 0 ? Validity.STORE_DEFAULT : switch (s.validity()) {
                case 0 -> Validity.NEVER;
                case 1 -> new Validity.Days(10);
                case 2 -> new Validity.Days(400);
                default -> Validity.STORE_DEFAULT;
            };
            Request request = new Request(Money.ofMinor(s.minor(), store.currency()), "step " + i, validity,
                    NotifyChoice.NONE, "k-" + i);
            long before = ledger.wallet(wallet).balance();
            Outcome first = adjustments.adjust(store.id(), amy, request, Actor.staff("bob"));
            switch (first) {
                case Outcome.Done d -> {
                    assertThat(d.repeated()).isFalse();
                    expected += s.minor();
                    applied.add(d.entry());
                    if (s.minor() < 0) {
                        assertSoonestFirst(d.entry());
                    }
                }
                case Outcome.InsufficientBalance ib -> {
                    assertThat(s.minor()).isNegative();
                    assertThat(ib.balance()).isEqualTo(Money.ofMinor(before, store.currency()));
                    assertThat(before).isLessThan(-s.minor());
                }
                default -> throw new AssertionError("unexpected " + first);
            }
            if (s.repeat()) {
                Outcome again = adjustments.adjust(store.id(), amy, request, Actor.staff("bob"));
                if (first instanceof Outcome.Done d) {
                    assertThat(again).isEqualTo(new Outcome.Done(d.entry(), d.balanceAfter(), true));
                }
            }
            long balance = ledger.wallet(wallet).balance();
            assertThat(balance).isEqualTo(expected).isNotNegative();
        }
        applied.forEach(counters::record);
        assertThat(counters.total(store.id(), Wallet.CREDITS)).isEqualTo(expected);
    }

    /** The lots a deduction took are in spending order: dated ones by expiry, never-expiring last. */
    private static void assertSoonestFirst(JournalEntry deduction) {
        List<LotChange> lots = deduction.lots();
        for (int i = 1; i < lots.size(); i++) {
            Optional<Instant> prev = lots.get(i - 1).expiresAt();
            Optional<Instant> next = lots.get(i).expiresAt();
            assertThat(prev).as("never-expiring credits are spent last").isPresent();
            next.ifPresent(n -> assertThat(prev.get()).isBefore(n));
        }
    }
}
