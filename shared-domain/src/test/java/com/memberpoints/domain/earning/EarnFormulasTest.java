package com.memberpoints.domain.earning;

import static com.memberpoints.domain.testing.Fixtures.creditRule;
import static com.memberpoints.domain.testing.Fixtures.twd;
import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.EarnRate;
import org.junit.jupiter.api.Test;

class EarnFormulasTest {

    @Test
    void pointsFloorPartialSteps() {
        assertThat(EarnFormulas.points(twd("99.99"), EarnRate.of("10.00", 1))).isEqualTo(9);
        assertThat(EarnFormulas.points(twd("9.99"), EarnRate.of("10.00", 1))).isZero();
        assertThat(EarnFormulas.points(twd("0"), EarnRate.of("10.00", 1))).isZero();
        assertThat(EarnFormulas.points(twd("100"), EarnRate.of("0.30", 2))).isEqualTo(666);
    }

    @Test
    void earnBaseExcludesFeesAndDeductsDiscountsCreditsAndPointDiscount() {
        assertThat(EarnFormulas.earnBase(twd("1000"), twd("100"), twd("50"), twd("20"))).isEqualTo(twd("830"));
        assertThat(EarnFormulas.earnBase(twd("100"), twd("60"), twd("60"), twd("0"))).isEqualTo(twd("0"));
    }

    @Test
    void percentCreditsRoundHalfUpToAWholeUnit() {
        var fivePercent = creditRule("0", CreditType.percent("5"));
        assertThat(EarnFormulas.credits(twd("109.90"), fivePercent)).isEqualTo(twd("5.00")); // 5.495 -> 5
        assertThat(EarnFormulas.credits(twd("110.00"), fivePercent)).isEqualTo(twd("6.00")); // 5.50 -> 6
        assertThat(EarnFormulas.credits(twd("90.00"), fivePercent)).isEqualTo(twd("5.00")); // 4.50 -> 5, not 4
        var yen = Money.of("1230", "JPY");
        assertThat(EarnFormulas.credits(yen, creditRule("0", CreditType.percent("2.5")))).isEqualTo(Money.of("31", "JPY"));
    }

    @Test
    void cumulativeCreditsCountWholeMultiplesOfTheMinimum() {
        var rule = creditRule("100.00", CreditType.fixed("10.00", true));
        assertThat(EarnFormulas.credits(twd("299.99"), rule)).isEqualTo(twd("20.00"));
        assertThat(EarnFormulas.credits(twd("99.99"), rule)).isEqualTo(twd("0"));
    }
}
