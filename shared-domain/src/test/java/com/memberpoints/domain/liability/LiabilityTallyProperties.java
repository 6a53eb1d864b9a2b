package com.memberpoints.domain.liability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.expiry.ExpiryCalculator;
import com.memberpoints.domain.inmemory.InMemoryLiabilityCounters;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemorySettingsStore;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LotChange;
import com.memberpoints.domain.ledger.OperationId;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link LiabilityCounters#tally} — every figure of a report in one pass — answers exactly what the per-window reads
 * answered before it (the in-memory counters' former {@code expiringUpTo}: lots at or before the instant; and
 * {@code expiring(after, upTo)}: lots in {@code (after, upTo]}, nothing unless {@code upTo} is after {@code after};
 * both kept here as {@link OldWindows}, the reference), for random buckets and cut-offs that fall on, next to and
 * inside bucket seconds; and the report's figures equal the former per-window formulas.
 */
class LiabilityTallyProperties {
    static final MerchantId SHOP = MerchantId.of("shop-1");
    static final MerchantId OTHER = MerchantId.of("shop-2");
    static final Instant BASE = Instant.parse("2026-11-22T00:00:00Z");
    static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Taipei"), ZoneId.of("UTC"),
            ZoneId.of("America/Los_Angeles"), ZoneId.of("Pacific/Kiritimati"));

    /** One lot change: wallet kind, expiry (empty: never), amount. */
    record Lot(boolean credits, Optional<Instant> expiry, long amount) {}

    /** One journal entry: the other merchant's or not, credit or debit, its lots (all of one wallet kind). */
    record Entry(boolean other, boolean debit, boolean credits, List<Optional<Instant>> expiries, List<Long> amounts) {}

    /** The per-window reads as the in-memory counters made them before the one-pass tally (the reference). */
    static final class OldWindows {
        final Map<Wallet, Long> totals = new EnumMap<>(Wallet.class);
        final Map<Wallet, TreeMap<Instant, Long>> buckets = new EnumMap<>(Wallet.class);

        void record(JournalEntry e) {
            if (!e.wallet().merchant().equals(SHOP)) {
                return;
            }
            Wallet w = e.wallet().wallet();
            totals.merge(w, e.delta(), Long::sum);
            for (LotChange c : e.lots()) {
                c.expiresAt().ifPresent(at -> buckets.computeIfAbsent(w, k -> new TreeMap<>())
                        .merge(at, c.delta(), Long::sum));
            }
        }

        long total(Wallet w) {
            return totals.getOrDefault(w, 0L);
        }

        long expiring(Wallet w, Instant after, Instant upTo) {
            TreeMap<Instant, Long> b = buckets.get(w);
            if (b == null || !upTo.isAfter(after)) {
                return 0;
            }
            return b.subMap(after, false, upTo, true).values().stream().mapToLong(Long::longValue).sum();
        }

        long expiringUpTo(Wallet w, Instant upTo) {
            TreeMap<Instant, Long> b = buckets.get(w);
            return b == null ? 0 : b.headMap(upTo, true).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Expiry seconds near {@link #BASE} (so cut-offs land on them) and at local day ends up to 120 days on. */
    static Arbitrary<Optional<Instant>> expiries() {
        Arbitrary<Instant> near = Arbitraries.longs().between(-5, 200).map(BASE::plusSeconds);
        Arbitrary<Instant> dayEnds = Combinators.combine(Arbitraries.of(ZONES), Arbitraries.integers().between(-2, 120),
                        Arbitraries.integers().between(-1, 1))
                .as((zone, days, nudge) -> ExpiryCalculator.endOfLocalDay(
                        LocalDate.ofInstant(BASE, zone).plusDays(days), zone).plusSeconds(nudge));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Optional.<Instant>empty())),
                net.jqwik.api.Tuple.of(4, near.map(Optional::of)),
                net.jqwik.api.Tuple.of(4, dayEnds.map(Optional::of)));
    }

    @Provide
    Arbitrary<List<Entry>> entries() {
        Arbitrary<Entry> entry = Combinators.combine(Arbitraries.integers().between(0, 5).map(i -> i == 0),
                Arbitraries.integers().between(0, 3).map(i -> i == 0), Arbitraries.of(true, false),
                expiries().list().ofMinSize(1).ofMaxSize(3), Arbitraries.longs().between(1, 1_000).list().ofSize(3))
                .as(Entry::new);
        return entry.list().ofMaxSize(40);
    }

    /** Cut-offs on, next to and inside bucket seconds (random nanos), plus far ones; sorted, repeats allowed. */
    @Provide
    Arbitrary<List<Instant>> cutOffs() {
        Arbitrary<Instant> near = Combinators.combine(Arbitraries.longs().between(-10, 210),
                Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999)))
                .as((s, n) -> BASE.plusSeconds(s).plusNanos(n));
        Arbitrary<Instant> far = Arbitraries.longs().between(-3, 130).map(d -> BASE.plusSeconds(d * 86_400 + 57_599));
        return Arbitraries.oneOf(near, far).list().ofMinSize(1).ofMaxSize(6)
                .map(l -> l.stream().sorted().toList());
    }

    static List<JournalEntry> journal(List<Entry> entries) {
        List<JournalEntry> out = new ArrayList<>();
        int n = 0;
        for (Entry e : entries) {
            n++;
            List<LotChange> lots = new ArrayList<>();
            long delta = 0;
            for (int i = 0; i < e.expiries().size(); i++) {
                long amount = e.debit() ? -e.amounts().get(i) : e.amounts().get(i);
                lots.add(new LotChange(e.expiries().get(i), amount));
                delta += amount;
            }
            WalletRef wallet = new WalletRef(e.other() ? OTHER : SHOP, MemberId.of("m" + n % 7),
                    e.credits() ? Wallet.CREDITS : Wallet.POINTS);
            out.add(new JournalEntry(new OperationId("op-" + n), wallet,
                    e.debit() ? EntryKind.ADJUST_DEDUCT : EntryKind.EARN, delta, lots, "", Actor.SYSTEM,
                    Optional.empty(), BASE, 0, n, "digest-" + n));
        }
        return out;
    }

    @Property(tries = 300)
    void oneTallyEqualsThePerWindowReadsForEveryCutOffAndEveryPairOfThem(@ForAll("entries") List<Entry> entries,
                                                                          @ForAll("cutOffs") List<Instant> cuts) {
        InMemoryLiabilityCounters counters = new InMemoryLiabilityCounters();
        OldWindows old = new OldWindows();
        for (JournalEntry e : journal(entries)) {
            counters.record(e);
            old.record(e);
        }
        LiabilityTally tally = counters.tally(SHOP, new CutOffs(cuts));
        for (Wallet w : Wallet.values()) {
            assertThat(tally.total(w)).as("total " + w).isEqualTo(old.total(w));
            for (int i = 0; i < cuts.size(); i++) {
                Instant upTo = cuts.get(i);
                assertThat(tally.upTo(w, upTo)).as(w + " up to " + upTo).isEqualTo(old.expiringUpTo(w, upTo));
                assertThat(tally.of(w).expiringUpTo().get(i)).isEqualTo(old.expiringUpTo(w, upTo));
                for (Instant after : cuts.subList(0, i + 1)) {
                    assertThat(tally.between(w, after, upTo)).as(w + " in (" + after + ", " + upTo + "]")
                            .isEqualTo(old.expiring(w, after, upTo));
                }
            }
        }
    }

    @Property(tries = 200)
    void theReportsFiguresAreTheFormerPerWindowFormulas(@ForAll("entries") List<Entry> entries,
                                                        @ForAll("zones") ZoneId zone,
                                                        @ForAll("nows") Instant now) {
        InMemoryLiabilityCounters counters = new InMemoryLiabilityCounters();
        OldWindows old = new OldWindows();
        for (JournalEntry e : journal(entries)) {
            counters.record(e);
            old.record(e);
        }
        InMemoryMerchantStore merchants = new InMemoryMerchantStore();
        merchants.save(new Merchant(SHOP, "Shop", Currency.getInstance("TWD"), zone, Locale.ENGLISH, Set.of(), true,
                true, Set.of()));
        LiabilityReport.Report r = new LiabilityReport(merchants, new InMemorySettingsStore(), counters, () -> now)
                .report(SHOP).orElseThrow();
        Instant end30 = ExpiryCalculator.endOfLocalDay(r.until30(), zone);
        Instant end90 = ExpiryCalculator.endOfLocalDay(r.until90(), zone);
        for (Wallet w : Wallet.values()) {
            LiabilityReport.Figures f = w == Wallet.POINTS ? r.points() : r.credits();
            long expired = old.expiringUpTo(w, now);
            assertThat(f).as(w.toString()).isEqualTo(new LiabilityReport.Figures(old.total(w) - expired, expired,
                    old.expiring(w, now, end30), old.expiring(w, now, end90)));
        }
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES);
    }

    @Provide
    Arbitrary<Instant> nows() {
        return Combinators.combine(Arbitraries.longs().between(-86_400, 86_400 * 3),
                Arbitraries.integers().between(0, 999_999_999)).as((s, n) -> BASE.plusSeconds(s).plusNanos(n));
    }

    @Example
    void cutOffsMustBeAscendingAndATallyAnswersOnlyTheCutOffsItRead() {
        assertThatThrownBy(() -> CutOffs.of(BASE.plusSeconds(1), BASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
        assertThat(CutOffs.of(BASE, BASE).size()).isEqualTo(2);
        InMemoryLiabilityCounters counters = new InMemoryLiabilityCounters();
        counters.record(journal(List.of(new Entry(false, false, false, List.of(Optional.of(BASE)), List.of(5L, 0L, 0L))))
                .getFirst());
        LiabilityTally tally = counters.tally(SHOP, CutOffs.of(BASE.minusNanos(1), BASE.plusNanos(999_999_999)));
        assertThat(tally.upTo(Wallet.POINTS, BASE.minusNanos(1))).isZero();
        assertThat(tally.upTo(Wallet.POINTS, BASE.plusNanos(999_999_999))).as("to the second").isEqualTo(5);
        assertThat(tally.total(Wallet.POINTS)).isEqualTo(5);
        assertThat(tally.credits()).isEqualTo(new LiabilityTally.Counts(0, List.of(0L, 0L)));
        assertThatThrownBy(() -> tally.upTo(Wallet.POINTS, BASE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not one of the cut-offs");
        assertThat(counters.tally(SHOP, CutOffs.NONE).points()).isEqualTo(new LiabilityTally.Counts(5, List.of()));
        assertThatThrownBy(() -> new LiabilityTally(CutOffs.of(BASE), new LiabilityTally.Counts(0, List.of()),
                new LiabilityTally.Counts(0, List.of(0L)))).isInstanceOf(IllegalArgumentException.class);
    }
}
