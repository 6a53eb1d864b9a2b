package com.memberpoints.domain.liability;

import com.memberpoints.domain.expiry.ExpiryCalculator;

import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.domain.settings.MerchantSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The liability report (what the merchant owes its members): outstanding points and credits, the points' cash
 * value at the redemption rate in force, and what expires within the next 30 and 90 days (to the end of that
 * local day in the store's time zone). Read from {@link LiabilityCounters} in one {@link LiabilityCounters#tally}
 * (every counter item once, whatever the number of members); never a read of members' wallets.
 */
public final class LiabilityReport {

    /** The windows reported, in days from today (store time zone). */
    public static final int[] WINDOWS = {30, 90};

    /**
     * One wallet kind's figures, in its units (points, or credits in minor units of the store currency).
     *
     * @param outstanding          spendable now: recorded total minus lots already expired and not swept yet
     * @param expiredAwaitingSweep lots past their expiry that the daily sweep has not removed yet
     * @param expiring30           lots expiring after now and by the end of the local day today + 30
     * @param expiring90           the same to today + 90 (includes the 30-day figure)
     */
    public record Figures(long outstanding, long expiredAwaitingSweep, long expiring30, long expiring90) {}

    /** Cash values: points at {@code pointsPerUnit} points per currency unit (empty when redemption is off). */
    public record Report(Merchant store, Instant asOf, LocalDate today, LocalDate until30, LocalDate until90,
                         Figures points, Figures credits, Optional<Long> pointsPerUnit,
                         Optional<Money> pointsCashValue, Optional<Money> pointsExpiring30CashValue,
                         Optional<Money> pointsExpiring90CashValue) {

        public Money credits(long minor) {
            return Money.ofMinor(minor, store.currency());
        }
    }

    private final MerchantStore merchants;
    private final SettingsStore settings;
    private final LiabilityCounters counters;
    private final TimeSource clock;

    public LiabilityReport(MerchantStore merchants, SettingsStore settings, LiabilityCounters counters,
                           TimeSource clock) {
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Empty when the store profile is not set up. */
    public Optional<Report> report(MerchantId merchant) {
        Optional<Merchant> found = merchants.find(merchant);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Merchant store = found.get();
        Instant now = clock.now();
        LocalDate today = LocalDate.ofInstant(now, store.zone());
        LocalDate until30 = today.plusDays(WINDOWS[0]);
        LocalDate until90 = today.plusDays(WINDOWS[1]);
        Instant end30 = endOf(until30, store);
        Instant end90 = endOf(until90, store);
        LiabilityTally tally = counters.tally(merchant, CutOffs.of(now, end30, end90));
        Figures points = figures(tally, Wallet.POINTS, now, end30, end90);
        Figures credits = figures(tally, Wallet.CREDITS, now, end30, end90);
        MerchantSettings rules = settings.currentOrDefaults(merchant);
        Optional<Long> rate = rules.redeem().enabled() && rules.redeem().pointsPerUnit() > 0
                ? Optional.of(rules.redeem().pointsPerUnit()) : Optional.empty();
        return Optional.of(new Report(store, now, today, until30, until90, points, credits, rate,
                rate.map(r -> cash(points.outstanding(), r, store)),
                rate.map(r -> cash(points.expiring30(), r, store)),
                rate.map(r -> cash(points.expiring90(), r, store))));
    }

    private static Figures figures(LiabilityTally tally, Wallet wallet, Instant now, Instant end30, Instant end90) {
        long expired = tally.upTo(wallet, now);
        return new Figures(tally.total(wallet) - expired, expired,
                tally.between(wallet, now, end30), tally.between(wallet, now, end90));
    }

    /** The last second of a local day: lots expire then ({@link ExpiryCalculator#endOfLocalDay}). */
    private static Instant endOf(LocalDate day, Merchant store) {
        return ExpiryCalculator.endOfLocalDay(day, store.zone());
    }

    /** Points at the rate, rounded half-up to the currency's minor unit. */
    static Money cash(long points, long pointsPerUnit, Merchant store) {
        BigDecimal value = BigDecimal.valueOf(points).divide(BigDecimal.valueOf(pointsPerUnit),
                Money.scaleOf(store.currency()) + 2, RoundingMode.HALF_UP);
        return Money.rounded(value, store.currency(), RoundingMode.HALF_UP);
    }
}
