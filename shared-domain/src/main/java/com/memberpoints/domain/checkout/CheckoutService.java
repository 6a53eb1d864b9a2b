package com.memberpoints.domain.checkout;

import com.memberpoints.domain.merchant.UnknownMerchantException;

import com.memberpoints.domain.earning.EarnFacts;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.MemberWallets;
import com.memberpoints.domain.ledger.OrderJournal;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.model.TierId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The checkout use case: quote and redemption. Orchestrates the ports; every rule lives in the domain
 * ({@link CheckoutQuoter}, the ledger). No AWS, no HTTP. The member center's views are {@code MemberCenter}.
 *
 * <p>Reads per call: quote = merchant + settings (cached per container in production) + member profile (tier; only
 * when the settings have tier rules) + ONE {@link LedgerStore#wallets} read;
 * redemption = the same plus the order's journal entries, then one ledger write per wallet debited.
 */
public final class CheckoutService {

    private final LedgerStore ledger;
    private final SettingsStore settings;
    private final MerchantStore merchants;
    private final MemberStore members;
    private final TimeSource clock;

    public CheckoutService(LedgerStore ledger, SettingsStore settings, MerchantStore merchants, MemberStore members,
                             TimeSource clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.members = Objects.requireNonNull(members, "members");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The caller's store profile (handlers load it first: the currency decides how money fields are read). @throws UnknownMerchantException when it has none */
    public Merchant merchant(MerchantId merchant) {
        return merchants.require(merchant);
    }

    // ------------------------------------------------------------------ checkout

    /** The checkout quote for the member's cart, with the member's current balance (one wallets read). */
    public Quote quote(Merchant merchant, MemberId member, Cart cart, PointsRequest points) {
        return quote(merchant, member, cart, points, Optional.empty());
    }

    /** The quote with its texts in {@code locale} (a template locale, else the store default's). */
    public Quote quote(Merchant merchant, MemberId member, Cart cart, PointsRequest points, Optional<Locale> locale) {
        MerchantId merchantId = merchant.id();
        MerchantSettings current = settings.currentOrDefaults(merchantId);
        Optional<TierId> tier = tier(merchantId, member, current);
        MemberWallets wallets = ledger.wallets(merchantId, member);
        return CheckoutQuoter.quote(merchant, current, request(cart, points, wallets.points().available(clock.now()), tier),
                locale);
    }

    /**
     * The reward-credit cart reminder for anyone with a cart, logged in or not (issue 11.5): the store's rule on
     * {@code itemSubtotal − discounts}, texts in {@code locale}. Reads the store's settings only — no member, no
     * ledger — so it reveals nothing about any member. Tier overrides cannot apply (a guest has no tier).
     */
    public CreditReminder guestReminder(Merchant merchant, Money itemSubtotal, Money discounts, Optional<Locale> locale) {
        if (!itemSubtotal.currency().equals(merchant.currency()) || !discounts.currency().equals(merchant.currency())) {
            throw new com.memberpoints.domain.model.InvalidInputException("itemSubtotal", "must be in the store currency");
        }
        if (discounts.compareTo(itemSubtotal) > 0) {
            throw new com.memberpoints.domain.model.InvalidInputException("discounts", "must not exceed the items' subtotal");
        }
        MerchantSettings current = settings.currentOrDefaults(merchant.id());
        return CheckoutQuoter.guestReminder(current, itemSubtotal, discounts,
                ShopperTexts.resolve(locale, merchant.defaultLocale()));
    }

    /**
     * Commits the redemption of {@code order}: recomputes the quote server-side, then holds the points and
     * the store credits (soonest-expiring first), each wallet debited at most once for the order, ever.
     * Retrying with the same cart answers the same {@link RedemptionOutcome.Redeemed} (flagged {@code repeat}).
     *
     * <p>Two wallets are two ledger operations: both are checked against the balances read first; if the
     * second debit still fails (a concurrent spend in between), the first is released at once, so nothing is
     * left half-done — the order id is then spent, and the checkout retries with a new one.
     */
    public RedemptionOutcome redeem(Merchant merchant, MemberId member, OrderId order, Cart cart,
                                    PointsRequest points) {
        MerchantId merchantId = merchant.id();
        MerchantSettings current = settings.currentOrDefaults(merchantId);
        Optional<TierId> tier = tier(merchantId, member, current);
        Instant now = clock.now();

        OrderJournal journal = ledger.orderJournal(merchantId, member, order);
        if (journal.redemptionReverted()) {
            return new RedemptionOutcome.Conflict("The redemption of order " + order.value()
                    + " was given back (order cancelled or never placed); start the checkout again with a new order id.");
        }
        long priorPoints = journal.redeemed(Wallet.POINTS);
        long priorCredits = journal.redeemed(Wallet.CREDITS);
        MemberWallets wallets = ledger.wallets(merchantId, member);
        long pointsAvailable = wallets.points().available(now);
        long creditsAvailable = wallets.credits().available(now);
        // What this order already holds counts as the member's for re-quoting it (a retry must quote the same).
        Quote quote = CheckoutQuoter.quote(merchant, current,
                request(cart, points, pointsAvailable + priorPoints, tier));
        if (quote.redemption() instanceof Redemption.Rejected r) {
            return new RedemptionOutcome.Rejected(r);
        }
        // A number entered is held exactly (to the redemption unit), never fewer: the quote may propose less
        // (the maximum the balance or the order allows), a commitment may not (issue 13).
        if (points instanceof PointsRequest.Exactly(long entered) && entered > 0) {
            long unit = current.redeem().pointsPerUnit();
            long requested = (entered / unit) * unit;
            if (quote.appliedPoints() < requested) {
                if (quote.redemption() instanceof Redemption.Applied && requested > pointsAvailable + priorPoints) {
                    return new RedemptionOutcome.Insufficient(Wallet.POINTS, pointsAvailable + priorPoints, requested);
                }
                return new RedemptionOutcome.Rejected(new Redemption.Rejected(Redemption.RejectReason.ABOVE_MAXIMUM,
                        unit, quote.redemption() instanceof Redemption.Unavailable u
                                ? "Points cannot be redeemed on this order (" + u.reason() + ")"
                                : "At most " + quote.maxPointsAllowed() + " points can be applied to this order"));
            }
        }
        long pointsToHold = quote.appliedPoints();
        long creditsToHold = cart.storeCredits().toMinor();
        boolean redeemedBefore = priorPoints > 0 || priorCredits > 0;
        if (redeemedBefore && (pointsToHold != priorPoints || creditsToHold != priorCredits)) {
            return conflict(order);
        }
        if (priorPoints == 0 && pointsToHold > pointsAvailable) {
            return new RedemptionOutcome.Insufficient(Wallet.POINTS, pointsAvailable, pointsToHold);
        }
        if (priorCredits == 0 && creditsToHold > creditsAvailable) {
            return new RedemptionOutcome.Insufficient(Wallet.CREDITS, creditsAvailable, creditsToHold);
        }

        WalletRef pointsRef = WalletRef.points(merchantId, member);
        WalletRef creditsRef = WalletRef.credits(merchantId, member);
        long pointsAfter = wallets.points().balance();
        long creditsAfter = wallets.credits().balance();
        boolean anyApplied = false;
        boolean pointsApplied = false;
        if (pointsToHold > 0) {
            LedgerResult r = ledger.apply(LedgerCommand.redeem(pointsRef, order, pointsToHold, true, now));
            Optional<RedemptionOutcome> refusal = refusal(r, Wallet.POINTS, order);
            if (refusal.isPresent()) {
                return refusal.get();
            }
            pointsAfter = r.journalEntry().orElseThrow().balanceAfter();
            pointsApplied = r instanceof LedgerResult.Applied;
            anyApplied = pointsApplied;
        }
        if (creditsToHold > 0) {
            LedgerResult r = ledger.apply(LedgerCommand.redeem(creditsRef, order, creditsToHold, true, now));
            Optional<RedemptionOutcome> refusal = refusal(r, Wallet.CREDITS, order);
            if (refusal.isPresent()) {
                if (pointsApplied) {
                    ledger.apply(LedgerCommand.releaseStaleHold(pointsRef, order, now));
                }
                return refusal.get();
            }
            creditsAfter = r.journalEntry().orElseThrow().balanceAfter();
            anyApplied |= r instanceof LedgerResult.Applied;
        }
        boolean repeat = (pointsToHold > 0 || creditsToHold > 0) && !anyApplied;
        return new RedemptionOutcome.Redeemed(order, quote, pointsToHold, cart.storeCredits(), pointsAfter,
                Money.ofMinor(creditsAfter, merchant.currency()), repeat);
    }

    private static Optional<RedemptionOutcome> refusal(LedgerResult r, Wallet wallet, OrderId order) {
        if (r instanceof LedgerResult.Applied || r instanceof LedgerResult.Duplicate) {
            return Optional.empty();
        }
        if (r instanceof LedgerResult.InsufficientBalance ib) {
            return Optional.of(new RedemptionOutcome.Insufficient(wallet, ib.available(), ib.requested()));
        }
        return Optional.of(conflict(order));
    }

    private static RedemptionOutcome conflict(OrderId order) {
        return new RedemptionOutcome.Conflict("Order " + order.value()
                + " was already redeemed with other amounts; a redemption cannot be changed.");
    }

    /**
     * The member's tier, read from the profile only when the settings have tier rules: without any, the tier
     * changes nothing in a quote (BoundRule finds no tier rule), so the profile read is skipped.
     */
    private Optional<TierId> tier(MerchantId merchant, MemberId member, MerchantSettings current) {
        if (current.tiers().isEmpty()) {
            return Optional.empty();
        }
        Optional<MemberProfile> profile = members.find(merchant, member);
        return profile.isPresent() ? profile.get().tier() : Optional.empty();
    }

    private static QuoteRequest request(Cart cart, PointsRequest points, long balance, Optional<TierId> tier) {
        EarnFacts facts = new EarnFacts(CheckoutIdentity.MEMBER_LOGGED_IN, cart.channel(), OrderKind.NORMAL, false);
        return new QuoteRequest(cart.itemSubtotal(), cart.excludedItemsSubtotal(), cart.discounts(), cart.storeCredits(),
                cart.deliveryFee(), cart.paymentFee(), balance, points, facts, tier);
    }
}
