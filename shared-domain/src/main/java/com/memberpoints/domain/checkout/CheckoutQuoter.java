package com.memberpoints.domain.checkout;

import com.memberpoints.domain.settings.Timing;
import com.memberpoints.domain.earning.CreditsOutcome;
import com.memberpoints.domain.earning.EarnFormulas;
import com.memberpoints.domain.earning.Earning;
import com.memberpoints.domain.earning.PointsOutcome;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.FieldError;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.settings.BoundRule;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.GivenWhen;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.RedeemCap;
import com.memberpoints.domain.settings.RedeemRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The checkout quote of SPEC §3: subtotal → discounts → store credits → points. Pure: it reads the
 * member's balance from the request and writes nothing. Malformed requests (negative or inconsistent
 * amounts, another currency) throw {@link InvalidInputException}; every "cannot redeem" outcome is a
 * typed {@link Redemption}.
 */
public final class CheckoutQuoter {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CheckoutQuoter() {}

    /** The quote with its texts in the store's default locale. */
    public static Quote quote(Merchant merchant, MerchantSettings settings, QuoteRequest r) {
        return quote(merchant, settings, r, Optional.empty());
    }

    /**
     * The quote, its texts (when points and credits are given, the cart reminder) in {@code locale} when a template
     * locale matches it, else in the store default's ({@link ShopperTexts#resolve}).
     */
    public static Quote quote(Merchant merchant, MerchantSettings settings, QuoteRequest r, Optional<Locale> locale) {
        validate(merchant, r);
        Locale textLocale = ShopperTexts.resolve(locale, merchant.defaultLocale());
        Money zero = merchant.zero();
        RedeemRule redeem = settings.redeem();
        long unit = redeem.pointsPerUnit();

        Money afterDiscounts = r.itemSubtotal().minus(r.discounts()).minus(r.storeCredits()).max(zero);
        Money eligibleItems = r.itemSubtotal().minus(r.excludedItemsSubtotal()).minus(r.discounts());
        Money eligible = eligibleItems.min(afterDiscounts).max(zero);

        // the largest discount: the cap and the eligible amount, in whole currency units
        Money capped = switch (redeem.cap()) {
            case RedeemCap.None n -> eligible;
            case RedeemCap.Fixed(BigDecimal amount) -> eligible.min(new Money(amount, merchant.currency()));
            case RedeemCap.Percent(BigDecimal percent) -> eligible.min(new Money(
                    afterDiscounts.amount().multiply(percent).divide(HUNDRED).setScale(0, RoundingMode.CEILING),
                    merchant.currency()));
        };
        long maxUnitsByDiscount = capped.amount().setScale(0, RoundingMode.FLOOR).longValueExact();
        Money maxPointDiscount = new Money(BigDecimal.valueOf(maxUnitsByDiscount), merchant.currency());
        long maxUnits = Math.min(maxUnitsByDiscount, r.pointsBalance() / unit);

        Optional<RedeemUnavailableReason> unavailable = unavailable(settings, r, afterDiscounts);
        Redemption redemption;
        long maxPoints;
        if (unavailable.isPresent()) {
            maxPoints = 0;
            Optional<Money> shortfall = unavailable.get() == RedeemUnavailableReason.BELOW_MINIMUM_ORDER_AMOUNT
                    ? Optional.of(new Money(redeem.minimumOrderAmount(), merchant.currency()).minus(afterDiscounts))
                    : Optional.empty();
            redemption = new Redemption.Unavailable(unavailable.get(), shortfall);
        } else {
            maxPoints = Math.multiplyExact(maxUnits, unit);
            redemption = apply(r.pointsRequest(), unit, maxPoints, merchant);
        }
        long applied = redemption instanceof Redemption.Applied a ? a.points() : 0;
        Money pointDiscount = redemption instanceof Redemption.Applied a ? a.discount() : zero;

        Money total = r.itemSubtotal()
                .minus(r.discounts())
                .minus(r.storeCredits())
                .minus(pointDiscount)
                .plus(r.deliveryFee())
                .plus(r.paymentFee());

        BoundRule rule = BoundRule.bind(settings, r.memberTier());
        Money base = EarnFormulas.earnBase(r.itemSubtotal(), r.discounts(), r.storeCredits(), pointDiscount);
        PointsOutcome points = Earning.points(rule, r.facts(), base);
        CreditsOutcome credits = Earning.credits(rule, r.facts(), base, true);
        CreditReminder reminder = reminder(rule, base, credits, textLocale);
        GivenWhen pointsWhen = GivenWhen.points(settings.points().assignment());
        GivenWhen creditsWhen = GivenWhen.credits(settings.points().assignment());

        return new Quote(
                r.itemSubtotal(), r.discounts(), r.storeCredits(), afterDiscounts, eligible, maxPointDiscount,
                r.pointsBalance(), unit, maxPoints, applied, pointDiscount, r.deliveryFee(), r.paymentFee(), total,
                r.pointsBalance() - applied, redemption, points, credits, reminder, settings.version(),
                new Timing(pointsWhen, ShopperTexts.pointsGivenWhen(pointsWhen, textLocale)),
                new Timing(creditsWhen, ShopperTexts.creditsGivenWhen(creditsWhen, textLocale)));
    }

    /**
     * The cash a member can get for {@code points} under {@code redeem}: whole redemption units only
     * ({@code floor(points / pointsPerUnit)} × 1.00), as shown beside the balance in the member center.
     */
    public static Money cashEquivalent(long points, RedeemRule redeem, java.util.Currency currency) {
        if (points < 0) {
            throw new IllegalArgumentException("points must not be negative");
        }
        return new Money(BigDecimal.valueOf(points / redeem.pointsPerUnit()), currency);
    }

    /** The message shown when fewer points than one unit are entered. */
    public static String belowUnitMessage(long unit) {
        return "At least " + unit + " points must be entered";
    }

    private static Redemption apply(PointsRequest request, long unit, long maxPoints, Merchant merchant) {
        long points = switch (request) {
            case PointsRequest.Maximum m -> maxPoints;
            case PointsRequest.Exactly(long n) -> {
                if (n < 0) {
                    yield -1;
                }
                if (n > 0 && n < unit) {
                    yield -2;
                }
                yield Math.min((n / unit) * unit, maxPoints);
            }
        };
        if (points == -1) {
            return new Redemption.Rejected(Redemption.RejectReason.NEGATIVE, unit, "Points must not be negative");
        }
        if (points == -2) {
            return new Redemption.Rejected(Redemption.RejectReason.BELOW_UNIT, unit, belowUnitMessage(unit));
        }
        Money discount = new Money(BigDecimal.valueOf(points / unit), merchant.currency());
        return new Redemption.Applied(points, discount);
    }

    private static Optional<RedeemUnavailableReason> unavailable(
            MerchantSettings settings, QuoteRequest r, Money afterDiscounts) {
        if (r.facts().identity() != CheckoutIdentity.MEMBER_LOGGED_IN) {
            return Optional.of(RedeemUnavailableReason.MEMBER_NOT_LOGGED_IN);
        }
        if (!settings.points().enabled()) {
            return Optional.of(RedeemUnavailableReason.PROGRAM_DISABLED);
        }
        if (!settings.redeem().enabled()) {
            return Optional.of(RedeemUnavailableReason.REDEEM_DISABLED);
        }
        if (afterDiscounts.amount().compareTo(settings.redeem().minimumOrderAmount()) < 0) {
            return Optional.of(RedeemUnavailableReason.BELOW_MINIMUM_ORDER_AMOUNT);
        }
        return Optional.empty();
    }

    private static CreditReminder reminder(BoundRule rule, Money base, CreditsOutcome outcome, Locale locale) {
        Optional<CreditRule> applicable = Earning.applicableCreditRule(rule);
        if (applicable.isEmpty()) {
            return CreditReminder.NONE;
        }
        Optional<Money> earns = outcome instanceof CreditsOutcome.Earns e ? Optional.of(e.credits()) : Optional.empty();
        return reminder(applicable.get(), base, earns, locale);
    }

    /**
     * The reminder of {@code rule} for a cart whose earn base is {@code base}: below the threshold, buy the
     * shortfall to get what the threshold earns; at or above it, {@code earns} when positive; otherwise none.
     */
    static CreditReminder reminder(CreditRule cr, Money base, Optional<Money> earns, Locale locale) {
        ReminderRule data = ReminderRule.of(cr, base.currency());
        Money minimum = data.threshold();
        if (base.compareTo(minimum) < 0) {
            Money credits = EarnFormulas.credits(minimum, cr);
            Money shortfall = minimum.minus(base);
            return new CreditReminder.BuyMore(data, shortfall, credits, ShopperTexts.buyMore(data, shortfall, locale),
                    ShopperTexts.inEveryLocale(new BuyMoreText(data, shortfall)));
        }
        if (earns.isPresent() && earns.get().isPositive()) {
            Money credits = earns.get();
            return new CreditReminder.WillEarn(data, credits, ShopperTexts.willEarn(data, credits, locale),
                    ShopperTexts.inEveryLocale(new WillEarnText(data, credits)));
        }
        return CreditReminder.NONE;
    }

    /**
     * The cart reminder a guest sees (issue 11.5): the store's own rule when it is on — a guest has no tier, so tier
     * overrides never apply — on the cart's {@code itemSubtotal − discounts} (a guest has no store credits or
     * points). At or above the threshold it shows what a logged-in member would get (only members earn: SPEC §2).
     * Reads no member data.
     */
    public static CreditReminder guestReminder(MerchantSettings settings, Money itemSubtotal, Money discounts,
                                               Locale locale) {
        if (!settings.credits().enabled()) {
            return CreditReminder.NONE;
        }
        CreditRule cr = settings.credits().rule();
        Money base = itemSubtotal.minus(discounts).max(Money.zero(itemSubtotal.currency()));
        Optional<Money> earns = EarnFormulas.meetsMinimum(base, cr) && base.isPositive()
                ? Optional.of(EarnFormulas.credits(base, cr)) : Optional.empty();
        return reminder(cr, base, earns, locale);
    }

    private record BuyMoreText(ReminderRule rule, Money shortfall) implements java.util.function.Function<Locale, String> {
        @Override
        public String apply(Locale l) {
            return ShopperTexts.buyMore(rule, shortfall, l);
        }
    }

    private record WillEarnText(ReminderRule rule, Money credits) implements java.util.function.Function<Locale, String> {
        @Override
        public String apply(Locale l) {
            return ShopperTexts.willEarn(rule, credits, l);
        }
    }

    private static void validate(Merchant merchant, QuoteRequest r) {
        List<FieldError> errors = new ArrayList<>();
        String[] names = {"itemSubtotal", "excludedItemsSubtotal", "discounts", "storeCredits", "deliveryFee", "paymentFee"};
        Money[] values = {r.itemSubtotal(), r.excludedItemsSubtotal(), r.discounts(), r.storeCredits(), r.deliveryFee(), r.paymentFee()};
        boolean ok = true;
        for (int i = 0; i < names.length; i++) {
            if (!values[i].currency().equals(merchant.currency())) {
                errors.add(new FieldError(names[i], "must be in the store currency " + merchant.currency()));
                ok = false;
            } else if (values[i].isNegative()) {
                errors.add(new FieldError(names[i], "must not be negative"));
                ok = false;
            }
        }
        if (r.pointsBalance() < 0) {
            errors.add(new FieldError("pointsBalance", "must not be negative"));
        }
        if (ok) {
            if (r.excludedItemsSubtotal().compareTo(r.itemSubtotal()) > 0) {
                errors.add(new FieldError("excludedItemsSubtotal", "must not exceed itemSubtotal"));
            } else if (r.discounts().compareTo(r.itemSubtotal().minus(r.excludedItemsSubtotal())) > 0) {
                errors.add(new FieldError("discounts", "must not exceed the subtotal of discountable items"));
            } else if (r.storeCredits().compareTo(
                    r.itemSubtotal().minus(r.discounts()).plus(r.deliveryFee()).plus(r.paymentFee())) > 0) {
                errors.add(new FieldError("storeCredits", "must not exceed the amount left to pay"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
