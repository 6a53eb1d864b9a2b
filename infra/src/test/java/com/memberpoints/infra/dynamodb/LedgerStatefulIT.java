package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.Lot;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.infra.testing.DynamoDbLocal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Stateful property test: random sequences of ledger actions (earn, reward credit, redeem with or
 * without hold, confirm, revert, manual add/deduct, expire, and duplicate delivery of any earlier
 * command) applied to DynamoDB Local and to the in-memory reference model. After every step: same
 * results, same wallets, same journals, balance = sum of journal = sum of lots, nothing negative.
 *
 * <p>100 sequences of up to 30 actions each.
 */
class LedgerStatefulIT {
    static final ZoneId ZONE = ZoneId.of("Asia/Taipei");
    static final Instant START = Instant.parse("2021-01-10T02:00:00Z");

    private static DynamoDbLedgerStore store;

    @BeforeContainer
    static void createTable() {
        DynamoDbLocal local = DynamoDbLocal.shared();
        store = new DynamoDbLedgerStore(local.client(), local.createLedgerTable());
    }

    /** The twin plus a clock that only moves forward. */
    static final class World {
        final LedgerTwin twin;
        Instant now = START;
        int orders;
        int requests;

        World() {
            twin = new LedgerTwin(store, MerchantId.of("m-" + UUID.randomUUID()), MemberId.of("member-1"));
        }

        /** Year-end expiry (23:59:59 local) {@code years} after the current local year. */
        Optional<Instant> yearEnd(int years) {
            int year = LocalDate.ofInstant(now, ZONE).getYear() + years;
            return Optional.of(LocalDate.of(year, 12, 31).atTime(23, 59, 59).atZone(ZONE).toInstant());
        }

        WalletRef ref(Wallet w) {
            return twin.ref(w);
        }
    }

    @Property(tries = 100)
    void theLedgerOnDynamoDbBehavesLikeTheModel(@ForAll("chains") ActionChain<World> chain) {
        chain.withInvariant(w -> w.twin.checkInvariants()).run();
    }

    @Provide
    Arbitrary<ActionChain<World>> chains() {
        return ActionChain.startWith(World::new)
                .withAction(3, new Earn())
                .withAction(1, new RewardCredit())
                .withAction(3, new Redeem())
                .withAction(1, new Confirm())
                .withAction(2, new Revert())
                .withAction(2, new Adjust())
                .withAction(2, new Expire())
                .withAction(1, new PassTime())
                .withAction(3, new Duplicate())
                .withMaxTransformations(30);
    }

    static Transformer<World> step(String description, java.util.function.Consumer<World> body) {
        return Transformer.mutate(description, body);
    }

    static final class Earn implements Action.Dependent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            return Combinators.combine(Arbitraries.longs().between(1, 500), Arbitraries.integers().between(0, 2))
                    .as((amount, expiry) -> step("earn " + amount + " exp+" + expiry, s -> {
                        Optional<Instant> exp = expiry == 2 ? Optional.empty() : s.yearEnd(expiry + 1);
                        s.twin.apply(LedgerCommand.earn(s.twin.merchant, s.twin.member, OrderId.of("o-" + ++s.orders),
                                amount, exp, s.now));
                    }));
        }
    }

    static final class RewardCredit implements Action.Dependent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            return Arbitraries.longs().between(1, 5_000).map(amount -> step("reward credit " + amount, s ->
                    s.twin.apply(LedgerCommand.rewardCredit(s.twin.merchant, s.twin.member, OrderId.of("o-" + ++s.orders),
                            amount, Optional.of(s.now.plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)),
                            s.now))));
        }
    }

    static final class Redeem implements Action.Dependent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            long available = w.twin.model.wallet(w.ref(Wallet.POINTS)).available(w.now);
            return Combinators.combine(Arbitraries.longs().between(1, available + 50), Arbitraries.of(true, false),
                            Arbitraries.of(Wallet.values()))
                    .as((amount, hold, wallet) -> step("redeem " + amount + (hold ? " held " : " ") + wallet, s ->
                            s.twin.apply(LedgerCommand.redeem(s.ref(wallet), OrderId.of("o-" + ++s.orders), amount, hold,
                                    s.now))));
        }
    }

    /** Orders that have a redemption (plus one that never had). */
    static Arbitrary<JournalEntry> redemptions(World w) {
        List<JournalEntry> entries = redemptionEntries(w);
        return entries.isEmpty() ? Arbitraries.just(null) : Arbitraries.of(entries);
    }

    static List<JournalEntry> redemptionEntries(World w) {
        return w.twin.applied.stream()
                .flatMap(c -> w.twin.model.entriesForOrder(w.twin.merchant, w.twin.member,
                        c instanceof LedgerCommand.Debit d && d.order().isPresent() ? d.order().get() : OrderId.of("none"))
                        .stream())
                .filter(e -> e.kind() == com.memberpoints.domain.ledger.EntryKind.REDEEM)
                .distinct()
                .toList();
    }

    static final class Confirm implements Action.Dependent<World> {
        @Override
        public boolean precondition(World w) {
            return !redemptionEntries(w).isEmpty();
        }

        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            return Arbitraries.of(redemptionEntries(w)).map(e -> step("confirm " + e.order().orElseThrow(), s -> {
                var expected = s.twin.model.confirmHold(e.wallet(), e.order().orElseThrow());
                var actual = s.twin.real.confirmHold(e.wallet(), e.order().orElseThrow());
                org.assertj.core.api.Assertions.assertThat(actual).isEqualTo(expected);
            }));
        }
    }

    static final class Revert implements Action.Dependent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            return Combinators.combine(redemptions(w), Arbitraries.of(true, false))
                    .as((e, stale) -> step("revert " + (e == null ? "unknown" : e.order().orElseThrow()) + (stale ? " (stale hold)" : ""),
                            s -> {
                                WalletRef ref = e == null ? s.ref(Wallet.POINTS) : e.wallet();
                                OrderId order = e == null ? OrderId.of("never-redeemed") : e.order().orElseThrow();
                                s.twin.apply(stale ? LedgerCommand.releaseStaleHold(ref, order, s.now)
                                        : LedgerCommand.revertRedemption(ref, order, Actor.SYSTEM, s.now));
                            }));
        }
    }

    static final class Adjust implements Action.Dependent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            long balance = w.twin.model.wallet(w.ref(Wallet.POINTS)).balance();
            return Combinators.combine(Arbitraries.longs().between(-(balance + 20), 300).filter(d -> d != 0),
                            Arbitraries.of(true, false), Arbitraries.of(Wallet.values()))
                    .as((delta, reuseId, wallet) -> step("adjust " + delta + " " + wallet + (reuseId ? " (reused request id)" : ""), s -> {
                        String id = "req-" + (reuseId && s.requests > 0 ? s.requests : ++s.requests);
                        Actor staff = Actor.staff("staff-1");
                        s.twin.apply(delta > 0
                                ? LedgerCommand.manualAdd(s.ref(wallet), id, delta, s.yearEnd(1), "goodwill", staff, s.now)
                                : LedgerCommand.manualDeduct(s.ref(wallet), id, -delta, "correction", staff, s.now));
                    }));
        }
    }

    /** Expire a lot of a wallet; the clock moves to its expiry first (or stays before it: not due). */
    static final class Expire implements Action.Dependent<World> {
        @Override
        public boolean precondition(World w) {
            return w.twin.model.wallet(w.ref(Wallet.POINTS)).lots().nextExpiry().isPresent()
                    || w.twin.model.wallet(w.ref(Wallet.CREDITS)).lots().nextExpiry().isPresent();
        }

        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            List<Object[]> lots = new java.util.ArrayList<>();
            for (Wallet wallet : Wallet.values()) {
                for (Lot lot : w.twin.model.wallet(w.ref(wallet)).lots().asList()) {
                    lot.expiresAt().ifPresent(at -> lots.add(new Object[] {wallet, at}));
                }
            }
            return Combinators.combine(Arbitraries.of(lots), Arbitraries.integers().between(0, 4))
                    .as((lot, mode) -> step("expire " + lot[0] + " lot " + lot[1] + (mode == 0 ? " too early" : ""), s -> {
                        Instant at = (Instant) lot[1];
                        Instant when = mode == 0 ? at.minusSeconds(1) : at.plusSeconds(mode - 1);
                        if (when.isAfter(s.now)) {
                            s.now = when;
                        }
                        s.twin.apply(LedgerCommand.expire(s.ref((Wallet) lot[0]), at, when));
                    }));
        }
    }

    static final class PassTime implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return Arbitraries.integers().between(1, 400).map(days -> step("pass " + days + " days",
                    s -> s.now = s.now.plus(Duration.ofDays(days))));
        }
    }

    /** Any earlier command delivered again: must be a duplicate (or, for expiry, find nothing to do). */
    static final class Duplicate implements Action.Dependent<World> {
        @Override
        public boolean precondition(World w) {
            return !w.twin.applied.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            return Arbitraries.of(List.copyOf(w.twin.applied)).map(c -> step("again: " + c.kind() + " " + c.operationId(
                    com.memberpoints.domain.ledger.WalletState.initial(c.wallet())), s -> s.twin.apply(c)));
        }
    }
}
