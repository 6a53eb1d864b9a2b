package com.memberpoints.domain.membercenter;

import com.memberpoints.domain.checkout.CheckoutQuoter;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.Lot;
import com.memberpoints.domain.ledger.Lots;
import com.memberpoints.domain.ledger.MemberWallets;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.ledger.WalletState;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.order.OrderStore;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.checkout.ShopperTexts;
import com.memberpoints.domain.earning.EarnFacts;
import com.memberpoints.domain.earning.Earning;
import com.memberpoints.domain.earning.NotEarnedReason;
import com.memberpoints.domain.earning.PointsOutcome;
import com.memberpoints.domain.earning.RateSource;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.model.TierId;
import com.memberpoints.domain.notify.Channel;
import com.memberpoints.domain.notify.NotificationDispatcher;
import com.memberpoints.domain.settings.BoundRule;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.GivenWhen;
import com.memberpoints.domain.settings.RedeemRule;
import java.util.EnumSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The member center (SPEC §7): the ONE points view the storefront's points panel and the admin member view both
 * show, the member's journal, the credits wallet. Orchestrates the ports; no AWS, no HTTP.
 *
 * <p>Reads per points view: merchant + settings + ONE {@link LedgerStore#wallets} read + one bounded read of the
 * member's pending orders ({@link OrderStore#pendingForMember}, at most {@link #MAX_PENDING_SHOWN} + 1 to tell
 * whether more exist).
 */
public final class MemberCenter {

    /** Pending orders listed in the points panel at most (one bounded index query). */
    public static final int MAX_PENDING_SHOWN = 50;

    private final LedgerStore ledger;
    private final SettingsStore settings;
    private final MerchantStore merchants;
    private final MemberStore members;
    private final OrderStore orders;
    private final TimeSource clock;

    public MemberCenter(LedgerStore ledger, SettingsStore settings, MerchantStore merchants, MemberStore members,
                        OrderStore orders, TimeSource clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.members = Objects.requireNonNull(members, "members");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The caller's store profile. @throws com.memberpoints.domain.merchant.UnknownMerchantException when it has none */
    public Merchant merchant(MerchantId merchant) {
        return merchants.require(merchant);
    }

    /** Whether {@code member} exists in {@code merchant}'s store (the admin views answer 404 otherwise). */
    public boolean isMember(MerchantId merchant, MemberId member) {
        return members.find(merchant, member).isPresent();
    }

    /** The points panel of the member (the storefront's, with the rules text in {@code locale} when the store has it). */
    public MemberPointsView points(Merchant merchant, MemberId member, Optional<Locale> locale) {
        MerchantSettings current = settings.currentOrDefaults(merchant.id());
        MemberWallets wallets = ledger.wallets(merchant.id(), member);
        Instant now = clock.now();
        long balance = wallets.points().available(now);
        List<Lot> lots = new ArrayList<>();
        long never = 0;
        for (Lot lot : wallets.points().lots().asList()) {
            if (lot.expiresAt().isEmpty()) {
                never += lot.amount();
            } else if (Lots.isValidAt(lot.expiresAt(), now)) {
                lots.add(lot);
            }
        }
        List<Order> pendingOrders = orders.pendingForMember(merchant.id(), member, MAX_PENDING_SHOWN + 1);
        boolean more = pendingOrders.size() > MAX_PENDING_SHOWN;
        List<MemberPointsView.PendingPoints> pending = pendingOf(
                more ? pendingOrders.subList(0, MAX_PENDING_SHOWN) : pendingOrders, merchant.zone());
        Optional<TierId> tier = current.tiers().isEmpty() ? Optional.empty()
                : members.find(merchant.id(), member).flatMap(MemberProfile::tier);
        return new MemberPointsView(balance, cashValue(balance, current, merchant), current.redeem().pointsPerUnit(),
                byDate(lots, merchant.zone()), lots, never, pending, more, rulesText(merchant, current, locale),
                Money.ofMinor(wallets.credits().available(now), merchant.currency()),
                rules(merchant, current, tier, ShopperTexts.resolve(locale, merchant.defaultLocale())));
    }

    /**
     * The admin member view: the points view (texts in the store's default locale) and whether the member can be
     * reached by email and SMS. Empty when the member has no profile in the store.
     */
    public Optional<AdminMemberView> adminView(Merchant merchant, MemberId member) {
        Optional<MemberProfile> profile = members.find(merchant.id(), member);
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AdminMemberView(points(merchant, member, Optional.empty()), reach(merchant, profile.get())));
    }

    /** Email with an address; SMS with a phone number while the store has SMS on (the dispatcher's rule). */
    static AdminMemberView.Reach reach(Merchant merchant, MemberProfile profile) {
        EnumSet<Channel> channels = NotificationDispatcher.channels(NotifyChoice.BOTH, merchant, profile);
        boolean email = channels.contains(Channel.EMAIL);
        boolean sms = channels.contains(Channel.SMS);
        Optional<AdminMemberView.Unreachable> noSms = sms ? Optional.empty()
                : Optional.of(profile.canReceiveSms() ? AdminMemberView.Unreachable.STORE_SMS_OFF
                        : AdminMemberView.Unreachable.NO_PHONE);
        return new AdminMemberView.Reach(email, email ? Optional.empty() : Optional.of(AdminMemberView.Unreachable.NO_EMAIL),
                sms, noSms);
    }

    /**
     * The structured rules for a member of {@code tier} (if any): what an online order earns at (the same
     * {@link Earning#points} decision an order placed now would get), redemption, expiry, when points are given,
     * and one line per rule in {@code locale}. Pure.
     */
    public static PointsRules rules(Merchant merchant, MerchantSettings s, Optional<TierId> tier, Locale locale) {
        PointsOutcome earn = Earning.points(BoundRule.bind(s, tier),
                new EarnFacts(CheckoutIdentity.MEMBER_LOGGED_IN, SalesChannel.ONLINE, OrderKind.NORMAL, false),
                merchant.zero());
        Optional<EarnRate> rate = earn instanceof PointsOutcome.Earns e ? Optional.of(e.rate()) : Optional.empty();
        Optional<RateSource> source = earn instanceof PointsOutcome.Earns e ? Optional.of(e.source()) : Optional.empty();
        Optional<NotEarnedReason> why = earn instanceof PointsOutcome.NotEarned n ? Optional.of(n.reason()) : Optional.empty();
        RedeemRule redeem = s.redeem();
        Money minimum = new Money(redeem.minimumOrderAmount(), merchant.currency());
        GivenWhen when = GivenWhen.points(s.points().assignment());
        List<String> lines = new ArrayList<>();
        if (s.points().enabled()) {
            rate.ifPresent(r -> lines.add(ShopperTexts.earnRate(r, merchant.currency(), locale)));
            lines.add(ShopperTexts.pointsGivenWhen(when, locale));
            if (redeem.enabled()) {
                lines.add(ShopperTexts.redemptionUnit(redeem.pointsPerUnit(), merchant.currency(), locale));
                if (minimum.isPositive()) {
                    lines.add(ShopperTexts.minimumOrder(minimum, locale));
                }
                ShopperTexts.maximumDiscount(redeem.cap(), merchant.currency(), locale).ifPresent(lines::add);
            }
            lines.add(ShopperTexts.expiry(s.points().expiry(), locale));
        }
        return new PointsRules(s.points().enabled(), rate, source, why, s.points().channels().retailEnabled(),
                redeem.enabled(), redeem.pointsPerUnit(), minimum, redeem.cap(), s.points().expiry(), when, locale, lines);
    }

    /**
     * What {@code points} are worth at checkout: whole redemption units ({@link CheckoutQuoter#cashEquivalent}, the
     * one cash-value rule of the house — docs/decisions.md "One member points view").
     */
    static Money cashValue(long points, MerchantSettings settings, Merchant merchant) {
        return CheckoutQuoter.cashEquivalent(points, settings.redeem(), merchant.currency());
    }

    private static List<MemberPointsView.ExpiringBalance> byDate(List<Lot> lots, ZoneId zone) {
        TreeMap<LocalDate, Long> byDate = new TreeMap<>();
        for (Lot lot : lots) {
            byDate.merge(LocalDate.ofInstant(lot.expiresAt().orElseThrow(), zone), lot.amount(), Long::sum);
        }
        List<MemberPointsView.ExpiringBalance> out = new ArrayList<>();
        for (Map.Entry<LocalDate, Long> e : byDate.entrySet()) {
            out.add(new MemberPointsView.ExpiringBalance(e.getKey(), e.getValue()));
        }
        return out;
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
        out.sort(Comparator.comparing((MemberPointsView.PendingPoints p) -> p.expectedOn().isEmpty())
                .thenComparing(p -> p.expectedOn().orElse(LocalDate.MIN)));
        return out;
    }

    /** A page of the member's journal of {@code wallet}, newest first. */
    public Page<JournalEntry> history(MerchantId merchant, MemberId member, Wallet wallet, PageRequest page) {
        return ledger.history(new WalletRef(merchant, member, wallet), page);
    }

    /** The member's store-credit balance spendable now (one wallet read). */
    public Money credits(Merchant merchant, MemberId member) {
        WalletState wallet = ledger.wallet(WalletRef.credits(merchant.id(), member));
        return Money.ofMinor(wallet.available(clock.now()), merchant.currency());
    }
}
