package com.memberpoints.domain.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.checkout.PointsRequest;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.settings.RedeemCap;
import com.memberpoints.domain.settings.RedeemRule;
import com.memberpoints.domain.testing.Fixtures;
import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The in-store allowance: whole units, never above the balance, never a discount above the sale. */
class PosRedemptionProperties {

    static RedeemRule rule(long unit) {
        // a minimum order and a cap that would bind online: they must change nothing in store
        return new RedeemRule(true, unit, new BigDecimal("999999.00"), RedeemCap.fixed("1.00"));
    }

    @Property(tries = 1000)
    void appliedPointsAreUnitMultiplesWithinBalanceAndSale(@ForAll @LongRange(min = 1, max = 1000) long unit,
                                                           @ForAll @LongRange(min = 1, max = 10_000_000) long saleCents,
                                                           @ForAll @LongRange(min = 0, max = 10_000_000) long available,
                                                           @ForAll @LongRange(min = -1, max = 10_000_000) long entered) {
        Money sale = Money.ofMinor(saleCents, Fixtures.TWD);
        PointsRequest request = entered < 0 ? PointsRequest.MAXIMUM : PointsRequest.exactly(entered);
        PosRedemptions.Allowance a = PosRedemptions.allowance(rule(unit), sale, available, request);
        long saleUnits = saleCents / 100;
        long max = Math.min(saleUnits * unit, (available / unit) * unit);
        switch (a) {
            case PosRedemptions.Allowance.Apply(long points, Money discount) -> {
                assertThat(points % unit).isZero();
                assertThat(points).isPositive().isLessThanOrEqualTo(available);
                assertThat(discount.compareTo(sale)).isLessThanOrEqualTo(0);
                assertThat(discount.amount()).isEqualByComparingTo(BigDecimal.valueOf(points / unit));
                if (request instanceof PointsRequest.Maximum) {
                    assertThat(points).isEqualTo(max);
                } else {
                    assertThat(points).isEqualTo((entered / unit) * unit);
                }
            }
            case PosRedemptions.Allowance.BelowUnit b -> {
                assertThat(entered).isLessThan(unit);
                assertThat(b.message()).isEqualTo("At least " + unit + " points must be entered");
            }
            case PosRedemptions.Allowance.Insufficient i -> {
                assertThat(i.requested()).isGreaterThan(available);
                assertThat(i.requested()).isLessThanOrEqualTo(saleUnits * unit);
            }
            case PosRedemptions.Allowance.AboveSale s -> {
                if (request instanceof PointsRequest.Maximum) {
                    assertThat(max).isZero();
                } else {
                    assertThat((entered / unit) * unit).isGreaterThan(saleUnits * unit);
                    assertThat(s.maxPoints()).isEqualTo(saleUnits * unit);
                }
            }
        }
    }
}
