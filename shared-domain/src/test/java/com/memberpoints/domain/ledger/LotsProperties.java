package com.memberpoints.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Allocation of a debit across lots and its reversal (issue 2, "Lots"). */
class LotsProperties {

    private static final Instant BASE = Instant.parse("2020-12-31T15:59:59Z");

    @Provide
    Arbitrary<Lots> lots() {
        Arbitrary<Optional<Instant>> expiry = Arbitraries.integers().between(-1, 40)
                .map(i -> i < 0 ? Optional.<Instant>empty() : Optional.of(BASE.plusSeconds(86_400L * 30 * i)));
        Arbitrary<Lot> lot = Combinators.combine(expiry, Arbitraries.longs().between(1, 5_000)).as(Lot::new);
        return lot.list().ofMaxSize(8).map(Lots::of);
    }

    @Provide
    Arbitrary<Instant> asOf() {
        return Arbitraries.integers().between(-2, 42).map(i -> BASE.plusSeconds(86_400L * 30 * i - 1));
    }

    @Property(tries = 1000)
    void allocationTakesExactlyTheAmountOrNothing(@ForAll("lots") Lots lots, @ForAll @LongRange(min = 1, max = 30_000) long amount,
                                                   @ForAll("asOf") Instant asOf) {
        Optional<List<LotChange>> allocation = lots.allocate(amount, asOf);
        assertThat(allocation.isPresent()).isEqualTo(lots.available(asOf) >= amount);
        allocation.ifPresent(changes -> {
            assertThat(changes.stream().mapToLong(LotChange::delta).sum()).isEqualTo(-amount);
            Lots after = lots.apply(changes);
            assertThat(after.total()).isEqualTo(lots.total() - amount);
            assertThat(after.asList()).allSatisfy(l -> assertThat(l.amount()).isPositive());
            assertThat(changes).allSatisfy(c -> assertThat(Lots.isValidAt(c.expiresAt(), asOf)).isTrue());
        });
    }

    @Property(tries = 1000)
    void allocationAlwaysTakesTheSoonestExpiringValidLotFirst(@ForAll("lots") Lots lots,
                                                             @ForAll @LongRange(min = 1, max = 30_000) long amount,
                                                             @ForAll("asOf") Instant asOf) {
        lots.allocate(amount, asOf).ifPresent(changes -> {
            // Changes come in spending order, and every valid lot before the last one touched is emptied.
            List<Optional<Instant>> touched = changes.stream().map(LotChange::expiresAt).toList();
            List<Optional<Instant>> sorted = new ArrayList<>(touched);
            sorted.sort(Lots.SPENDING_ORDER);
            assertThat(touched).isEqualTo(sorted);
            Optional<Instant> last = touched.getLast();
            for (Lot lot : lots.asList()) {
                boolean before = Lots.SPENDING_ORDER.compare(lot.expiresAt(), last) < 0;
                if (before && Lots.isValidAt(lot.expiresAt(), asOf)) {
                    assertThat(changes).contains(new LotChange(lot.expiresAt(), -lot.amount()));
                }
            }
            // The never-expiring lot is touched only when every valid expiring lot is used up.
            if (touched.contains(Optional.<Instant>empty())) {
                long validExpiring = lots.asList().stream()
                        .filter(l -> l.expiresAt().isPresent() && Lots.isValidAt(l.expiresAt(), asOf))
                        .mapToLong(Lot::amount).sum();
                assertThat(amount).isGreaterThan(validExpiring);
            }
        });
    }

    @Property(tries = 1000)
    void reversalRestoresTheExactLots(@ForAll("lots") Lots lots, @ForAll @LongRange(min = 1, max = 30_000) long amount,
                                      @ForAll("asOf") Instant asOf) {
        lots.allocate(amount, asOf).ifPresent(changes -> {
            Lots after = lots.apply(changes);
            assertThat(after.restore(changes)).isEqualTo(lots);
            assertThat(after.restore(changes).asList()).isEqualTo(lots.asList());
        });
    }

    @Property(tries = 1000)
    void reversalAfterLaterCreditsStillRestoresEachUnitToItsLot(@ForAll("lots") Lots lots,
                                                               @ForAll @LongRange(min = 1, max = 30_000) long amount,
                                                               @ForAll("lots") Lots later) {
        Instant asOf = BASE.minusSeconds(1);
        lots.allocate(amount, asOf).ifPresent(changes -> {
            List<LotChange> credits = later.asList().stream().map(l -> new LotChange(l.expiresAt(), l.amount())).toList();
            Lots mixed = lots.apply(changes).apply(credits);
            Lots expected = lots.apply(credits);
            assertThat(mixed.restore(changes)).isEqualTo(expected);
        });
    }
}
