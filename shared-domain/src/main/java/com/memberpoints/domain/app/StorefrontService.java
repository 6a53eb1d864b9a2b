package com.memberpoints.domain.app;

import com.memberpoints.domain.checkout.CheckoutQuoter;
import com.memberpoints.domain.checkout.PointsRequest;
import com.memberpoints.domain.checkout.Quote;
import com.memberpoints.domain.checkout.QuoteRequest;
import com.memberpoints.domain.checkout.Redemption;
import com.memberpoints.domain.earning.EarnFacts;
import com.memberpoints.domain.earning.Earning;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.MemberWallets;
import com.memberpoints.domain.ledger.Page;
import com.memberpoints.domain.ledger.PageRequest;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.ledger.WalletState;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.order.CheckoutIdentity;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.order.OrderKind;
import com.memberpoints.domain.order.OrderStatus;
import com.memberpoints.domain.port.MemberStore;
import com.memberpoints.domain.port.MerchantStore;
import com.memberpoints.domain.port.OrderStore;
import com.memberpoints.domain.port.SettingsStore;
import com.memberpoints.domain.port.TimeSource;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.TierId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The storefront's application service: checkout quote and redemption, member center views. Orchestrates
 * the ports; every rule lives in the domain ({@link CheckoutQuoter}, the ledger). No AWS, no HTTP.
 *
 * <p>Reads per call: quote = merchant + settings + member profile (tier) + ONE {@link LedgerStore#wallets} read;
 * redemption = the same plus the order's journal entries, then one ledger write per wallet debited.
 */
public final class StorefrontService {

    private final LedgerStore ledger;
    private final SettingsStore settings;
    private final MerchantStore merchants;
    private final MemberStore members;
    private final OrderStore orders;
    private final TimeSource clock;

    /** Pending orders listed in the points panel at most (one bounded index query). */
    public static final int MAX_PENDING_SHOWN = 50;

    public StorefrontService(LedgerStore ledger, SettingsStore settings, MerchantStore merchants, MemberStore members,
                             OrderStore orders, TimeSource clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.members = Objects.requireNonNull(members, "members");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The caller's store profile (handlers load it first: the currency decides how money fields are read). @throws UnknownMerchantException when it has none */
    public Merchant merchant(MerchantId merchant) {
        Optional<Merchant> m = merchants.find(merchant);
        if (m.isEmpty()) {
            throw new UnknownMerchantException(merchant);
        }
        return m.get();
    }

    /** Current settings; a merchant that never saved any runs on {@link MerchantSettings#defaults()}. */
    public MerchantSettings settings(MerchantId merchant) {
        Optional<MerchantSettings> s = settings.current(merchant);
        return s.isPresent() ? s.get() : MerchantSettings.defaults();
    }

    // ------------------------------------------------------------------ checkout

    /** The checkout quote for the member's cart, with the member's current balance (one wallets read). */
    public Quote quote(Merchant merchant, MemberId member, Cart cart, PointsRequest points) {
        MerchantId merchantId = merchant.id();
        MerchantSettings current = settings(merchantId);
        Optional<TierId> tier = tier(merchantId, member);
        MemberWallets wallets = ledger.wallets(merchantId, member);
        return CheckoutQuoter.quote(merchant, current, request(cart, points, wallets.points().available(clock.now()), tier));
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
        MerchantSettings current = settings(merchantId);
        Optional<TierId> tier = tier(merchantId, member);
        Instant now = clock.now();

        long priorPoints = 0;
        long priorCredits = 0;
        for (JournalEntry e : ledger.entriesForOrder(merchantId, member, order)) {
            if (e.kind() == EntryKind.REDEEM_REVERT) {
                return new RedemptionOutcome.Conflict("The redemption of order " + order.value()
                        + " was given back (order cancelled or never placed); start the checkout again with a new order id.");
            }
            if (e.kind() == EntryKind.REDEEM) {
                if (e.wallet().wallet() == Wallet.POINTS) {
                    priorPoints = -e.delta();
                } else {
                    priorCredits = -e.delta();
                }
            }
        }
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

    private Optional<TierId> tier(MerchantId merchant, MemberId member) {
        Optional<MemberProfile> profile = members.find(merchant, member);
        return profile.isPresent() ? profile.get().tier() : Optional.empty();
    }

    private static QuoteRequest request(Cart cart, PointsRequest points, long balance, Optional<TierId> tier) {
        EarnFacts facts = new EarnFacts(CheckoutIdentity.MEMBER_LOGGED_IN, cart.channel(), OrderKind.NORMAL, false);
        return new QuoteRequest(cart.itemSubtotal(), cart.excludedItemsSubtotal(), cart.discounts(), cart.storeCredits(),
                cart.deliveryFee(), cart.paymentFee(), balance, points, facts, tier);
    }

    // ------------------------------------------------------------------ member center

    /**
     * The points panel: one wallet read, and one bounded read of the member's pending orders
     * ({@link OrderStore#pendingForMember}, at most {@link #MAX_PENDING_SHOWN} + 1 to tell whether more exist).
     */
    public MemberPointsView points(Merchant merchant, MemberId member, Optional<Locale> locale) {
        MerchantId merchantId = merchant.id();
        MerchantSettings current = settings(merchantId);
        WalletState wallet = ledger.wallet(WalletRef.points(merchantId, member));
        Instant now = clock.now();
        long balance = wallet.available(now);
        TreeMap<LocalDate, Long> byDate = new TreeMap<>();
        long never = 0;
        for (Map.Entry<Optional<Instant>, Long> lot : wallet.lots().asMap().entrySet()) {
            if (lot.getKey().isEmpty()) {
                never += lot.getValue();
            } else if (now.isBefore(lot.getKey().get())) {
                byDate.merge(LocalDate.ofInstant(lot.getKey().get(), merchant.zone()), lot.getValue(), Long::sum);
            }
        }
        List<MemberPointsView.ExpiringBalance> expiring = new ArrayList<>();
        for (Map.Entry<LocalDate, Long> e : byDate.entrySet()) {
            expiring.add(new MemberPointsView.ExpiringBalance(e.getKey(), e.getValue()));
        }
        List<Order> pendingOrders = orders.pendingForMember(merchantId, member, MAX_PENDING_SHOWN + 1);
        boolean more = pendingOrders.size() > MAX_PENDING_SHOWN;
        List<MemberPointsView.PendingPoints> pending = pendingOf(
                more ? pendingOrders.subList(0, MAX_PENDING_SHOWN) : pendingOrders, merchant.zone());
        return new MemberPointsView(balance, CheckoutQuoter.cashEquivalent(balance, current.redeem(), merchant.currency()),
                expiring, never, pending, more, rulesText(merchant, current, locale));
    }

    /** Rules text in {@code requested} when the store supports it and has a text for it, else in the default locale. */
    static Optional<MemberPointsView.RulesText> rulesText(Merchant merchant, MerchantSettings settings,
                                                          Optional<Locale> requested) {
        if (requested.isPresent() && merchant.supports(requested.get().toLanguageTag())) {
            Optional<MemberPointsView.RulesText> t = textFor(settings, requested.get().toLanguageTag());
            if (t.isPresent()) {
                return t;
            }
        }
        return textFor(settings, merchant.defaultLocale().toLanguageTag());
    }

    private static Optional<MemberPointsView.RulesText> textFor(MerchantSettings settings, String tag) {
        for (Map.Entry<String, String> e : settings.rulesText().entrySet()) {
            if (e.getKey().equalsIgnoreCase(tag)) {
                return Optional.of(new MemberPointsView.RulesText(e.getKey(), e.getValue()));
            }
        }
        return Optional.empty();
    }

    /**
     * Pending points of a member's orders ({@link Order#pendingPoints()}: not cancelled, not assigned yet, earning
     * what the bound rule gives the latest amounts): scheduled ones with the merchant-local date of the schedule,
     * soonest first; then those awaiting delivery or completion, with no date, in the given order. Pure.
     */
    public static List<MemberPointsView.PendingPoints> pendingOf(Collection<Order> orders, ZoneId zone) {
        List<MemberPointsView.PendingPoints> out = new ArrayList<>();
        for (Order o : orders) {
            o.pendingPoints().ifPresent(p -> out.add(new MemberPointsView.PendingPoints(o.id(), p.points(),
                    p.dueAt().map(due -> LocalDate.ofInstant(due, zone)), p.waiting())));
        }
        // Stable: undated ones keep the store's order (oldest placement first).
        out.sort(java.util.Comparator.comparing((MemberPointsView.PendingPoints p) -> p.expectedOn().isEmpty())
                .thenComparing(p -> p.expectedOn().orElse(LocalDate.MIN)));
        return out;
    }

    /** A page of the member's journal of {@code wallet}, newest first. */
    public Page<JournalEntry> history(MerchantId merchant, MemberId member, Wallet wallet, PageRequest page) {
        return ledger.history(new WalletRef(merchant, member, wallet), page);
    }

    /** The member's credits wallet (one read). */
    public WalletState credits(MerchantId merchant, MemberId member) {
        return ledger.wallet(WalletRef.credits(merchant, member));
    }

    public Instant now() {
        return clock.now();
    }
}
