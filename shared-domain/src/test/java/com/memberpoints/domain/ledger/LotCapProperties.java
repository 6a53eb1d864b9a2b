package com.memberpoints.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 13 C: whatever the history (expiry settings changed any number of times, manual expiry dates, reverts of
 * redemptions across every lot, lots past expiry waiting for the sweep), a wallet within
 * {@link Lots#MAX_EXPIRING_LOTS} stays within it, no journal entry records more than
 * {@link JournalEntry#MAX_LOT_CHANGES} lot changes (together these bound the balance and journal items: the byte
 * figures are in the DynamoDB mapping's test), and capping never gives a unit more validity: for every instant t,
 * the units expiring at or before t after a credit are at least those before plus those credited for t or earlier,
 * and a unit still valid never joins a lot already past.
 */
class LotCapProperties {
    private static final WalletRef POINTS = WalletRef.points(MerchantId.of("shop"), MemberId.of("ann"));
    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    /** One step of a history. */
    sealed interface Step permits Credit, Redeem, Revert, Expire {}

    /** A credit expiring {@code expiryDays} (and seconds) after the step's time, or never when negative. */
    record Credit(int expiryDays, int expirySeconds, long amount) implements Step {}

    record Redeem(long amount) implements Step {}

    /** Reverts the {@code which}-th redemption still standing (modulo their number). */
    record Revert(int which) implements Step {}

    /** Expires the soonest lot if it is due. */
    record Expire() implements Step {}

    /** A start near, at or past the cap (a wallet written before the cap), and up to 80 steps a few days apart. */
    record History(List<Lot> start, List<Step> steps, List<Integer> daysBetween) {}

    @Provide
    Arbitrary<History> histories() {
        // Distinct days (any hour would do), amounts spread by a random factor.
        Arbitrary<List<Lot>> start = Combinators.combine(
                Arbitraries.integers().between(-30, 4000).set()
                        .ofMinSize(Lots.MAX_EXPIRING_LOTS - 40).ofMaxSize(Lots.MAX_EXPIRING_LOTS + 40),
                Arbitraries.longs().between(1, 997))
                .as((days, factor) -> days.stream()
                        .map(d -> new Lot(Optional.of(START.plus(Duration.ofDays(d)).plusSeconds(59)),
                                1 + Math.floorMod(d * factor, 1_000L)))
                        .toList());
        Arbitrary<Step> credit = Combinators.combine(Arbitraries.integers().between(-60, 4000),
                Arbitraries.integers().between(0, 86_399), Arbitraries.longs().between(1, 100_000))
                .as((d, s, a) -> d < -50 ? new Credit(-1, 0, a) : new Credit(d, s, a));
        Arbitrary<Step> redeem = Arbitraries.longs().between(1, 600_000).map(Redeem::new);
        Arbitrary<Step> revert = Arbitraries.integers().between(0, 50).map(Revert::new);
        Arbitrary<Step> expire = Arbitraries.just(new Expire());
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, credit), net.jqwik.api.Tuple.of(2, redeem),
                net.jqwik.api.Tuple.of(2, revert), net.jqwik.api.Tuple.of(1, expire));
        return Combinators.combine(start, step.list().ofMaxSize(80),
                        Arbitraries.integers().between(0, 40).list().ofSize(80))
                .as(History::new);
    }

    @Property(tries = 150)
    void anyHistoryStaysWithinTheLotCapAndTheJournalBoundAndNeverGainsValidity(@ForAll("histories") History history) {
        WalletState state = new WalletState(POINTS, 1, Lots.of(history.start()));
        int cap = Math.max(Lots.MAX_EXPIRING_LOTS, state.lots().expiringCount());
        Instant clock = START;
        List<JournalEntry> redemptions = new ArrayList<>();
        int orders = 0;
        for (int i = 0; i < history.steps().size(); i++) {
            clock = clock.plus(Duration.ofDays(history.daysBetween().get(i)));
            Instant at = clock;
            Step step = history.steps().get(i);
            LedgerCommand command = switch (step) {
                case Credit c -> LedgerCommand.manualAdd(POINTS, "r-" + i, c.amount(), c.expiryDays() < 0
                        ? Optional.empty()
                        : Optional.of(at.plus(Duration.ofDays(c.expiryDays())).plusSeconds(c.expirySeconds())),
                        "goodwill", Actor.staff("bob"), at);
                case Redeem r -> LedgerCommand.redeem(POINTS, OrderId.of("o-" + (++orders)), r.amount(), false, at);
                case Revert r -> redemptions.isEmpty() ? null : LedgerCommand.revertRedemption(POINTS,
                        redemptions.get(r.which() % redemptions.size()).order().orElseThrow(), Actor.SYSTEM, at);
                case Expire e -> state.lots().nextExpiry().filter(x -> !x.isAfter(at)).isPresent()
                        ? LedgerCommand.expire(POINTS, state.lots().nextExpiry().orElseThrow(), at)
                        : null;
            };
            if (command == null) {
                continue;
            }
            Optional<JournalEntry> redemption = Optional.empty();
            if (command instanceof LedgerCommand.RevertRedemption r) {
                redemption = redemptions.stream().filter(e -> e.order().equals(Optional.of(r.order()))).findFirst();
                redemptions.remove(redemption.orElseThrow());
            }
            LedgerDecision decision = LedgerDecision.decide(command, state, redemption);
            if (!(decision instanceof LedgerDecision.Write write)) {
                continue;
            }
            JournalEntry entry = write.entry();
            Lots before = state.lots();
            Lots after = write.next().lots();

            assertThat(after.expiringCount()).as("lots with an expiry").isLessThanOrEqualTo(cap);
            if (before.expiringCount() <= Lots.MAX_EXPIRING_LOTS) {
                assertThat(entry.lots().size()).as("lot changes of %s", entry.kind())
                        .isLessThanOrEqualTo(JournalEntry.MAX_LOT_CHANGES);
            }
            assertThat(before.apply(entry.lots())).as("the entry records exactly what changed").isEqualTo(after);
            assertThat(entry.lots().stream().map(LotChange::expiresAt).toList())
                    .as("one change per lot, in spending order")
                    .isSortedAccordingTo(Lots.SPENDING_ORDER).doesNotHaveDuplicates();
            if (entry.kind().isCredit()) {
                List<LotChange> asked = command instanceof LedgerCommand.Credit c
                        ? List.of(new LotChange(c.expiresAt(), c.amount()))
                        : redemption.orElseThrow().lots().stream().map(LotChange::negate).toList();
                neverGainsValidity(before, asked, after, at);
                Set<Optional<Instant>> newKeys = new HashSet<>();
                asked.forEach(c -> {
                    if (c.expiresAt().isPresent() && before.amountAt(c.expiresAt()) == 0) {
                        newKeys.add(c.expiresAt());
                    }
                });
                if (before.expiringCount() + newKeys.size() <= Lots.MAX_EXPIRING_LOTS) {
                    assertThat(after).as("with room, every unit keeps its own expiry")
                            .isEqualTo(before.apply(asked));
                }
            }
            if (entry.kind() == EntryKind.REDEEM) {
                redemptions.add(entry);
            }
            state = write.next();
        }
    }

    /**
     * For every instant t: units at or before t after >= before + asked at or before t (merges go to earlier lots);
     * equality at {@code at} (no unit crosses from valid to past or back); the never-expiring lot gets exactly its own.
     */
    private static void neverGainsValidity(Lots before, List<LotChange> asked, Lots after, Instant at) {
        TreeMap<Instant, long[]> points = new TreeMap<>();
        before.asMap().forEach((k, v) -> k.ifPresent(t -> points.computeIfAbsent(t, x -> new long[3])[0] += v));
        asked.forEach(c -> c.expiresAt().ifPresent(t -> points.computeIfAbsent(t, x -> new long[3])[1] += c.delta()));
        after.asMap().forEach((k, v) -> k.ifPresent(t -> points.computeIfAbsent(t, x -> new long[3])[2] += v));
        points.computeIfAbsent(at, x -> new long[3]);
        long cumBefore = 0;
        long cumAsked = 0;
        long cumAfter = 0;
        for (Map.Entry<Instant, long[]> p : points.entrySet()) {
            cumBefore += p.getValue()[0];
            cumAsked += p.getValue()[1];
            cumAfter += p.getValue()[2];
            assertThat(cumAfter).as("units expiring at or before %s", p.getKey())
                    .isGreaterThanOrEqualTo(cumBefore + cumAsked);
            if (p.getKey().equals(at)) {
                assertThat(cumAfter).as("units already past at %s", at).isEqualTo(cumBefore + cumAsked);
            }
        }
        long neverAsked = asked.stream().filter(c -> c.expiresAt().isEmpty()).mapToLong(LotChange::delta).sum();
        assertThat(after.amountAt(Optional.empty())).isEqualTo(before.amountAt(Optional.empty()) + neverAsked);
        assertThat(after.total()).isEqualTo(before.total() + asked.stream().mapToLong(LotChange::delta).sum());
    }
}
