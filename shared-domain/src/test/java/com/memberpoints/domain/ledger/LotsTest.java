package com.memberpoints.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LotsTest {
    private static final Optional<Instant> END_2021 = Optional.of(Instant.parse("2021-12-31T15:59:59Z"));
    private static final Optional<Instant> END_2022 = Optional.of(Instant.parse("2022-12-31T15:59:59Z"));
    private static final Optional<Instant> NEVER = Optional.empty();
    private static final Instant MID_2021 = Instant.parse("2021-06-01T00:00:00Z");

    @Test
    void workedExample14_pointsFromTwoYearsSpendTheLotExpiringFirst() {
        Lots lots = Lots.empty().credit(END_2022, 300).credit(END_2021, 200);
        List<LotChange> taken = lots.allocate(250, MID_2021).orElseThrow();
        assertThat(taken).containsExactly(new LotChange(END_2021, -200), new LotChange(END_2022, -50));
        assertThat(lots.apply(taken).asList()).containsExactly(new Lot(END_2022, 250));
    }

    @Test
    void neverExpiringLotsAreSpentLast() {
        Lots lots = Lots.empty().credit(NEVER, 100).credit(END_2022, 10).credit(END_2021, 10);
        assertThat(lots.asList()).extracting(Lot::expiresAt).containsExactly(END_2021, END_2022, NEVER);
        assertThat(lots.allocate(25, MID_2021).orElseThrow())
                .containsExactly(new LotChange(END_2021, -10), new LotChange(END_2022, -10), new LotChange(NEVER, -5));
    }

    @Test
    void lotsPastTheirExpiryCannotBeSpentEvenBeforeTheSweep() {
        Lots lots = Lots.empty().credit(END_2021, 100).credit(END_2022, 10);
        Instant afterExpiry = END_2021.get();
        assertThat(lots.available(afterExpiry)).isEqualTo(10);
        assertThat(lots.total()).isEqualTo(110);
        assertThat(lots.allocate(11, afterExpiry)).isEmpty();
        assertThat(lots.allocate(10, afterExpiry).orElseThrow()).containsExactly(new LotChange(END_2022, -10));
    }

    @Test
    void aLotNeverGoesNegativeAndExpiriesAreWholeSeconds() {
        Lots lots = Lots.empty().credit(END_2021, 5);
        assertThatThrownBy(() -> lots.apply(List.of(new LotChange(END_2021, -6))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lots.credit(Optional.of(Instant.parse("2021-01-01T00:00:00.5Z")), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lots.allocate(0, MID_2021)).isInstanceOf(IllegalArgumentException.class);
    }
}
