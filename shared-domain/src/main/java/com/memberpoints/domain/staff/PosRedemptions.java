package com.memberpoints.domain.staff;

import com.memberpoints.domain.checkout.CheckoutQuoter;
import com.memberpoints.domain.checkout.PointsRequest;
import com.memberpoints.domain.checkout.RedeemUnavailableReason;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.OrderJournal;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.RedeemRule;
import com.memberpoints.domain.settings.SettingsStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Points applied to an in-store sale by staff (Smart OMO / POS; issue 11 item 4). The 2020 article's minimum order
 * amount and maximum discount are "not applicable to Smart OMO": only the member's spendable balance, the
 * redemption unit and the sale amount bound it (the discount never exceeds the sale, in whole currency units).
 * The program and {@code redeem.enabled} switches do apply (docs/decisions.md "11.4 POS redemption").
 *
 * <p>The ledger is the truth and the idempotency: the debit is the {@code REDEEM} of order {@code pos-<receiptId>}
 * (actor: the staff member; reason: the sale and the receipt), spent soonest-expiring first; the same receipt
 * again is the same debit, another sale amount for it is refused. Cancelling the receipt is that order's
 * {@code REDEEM_REVERT}: the points go back to the lots (and expiry instants) they were taken from, once.
 * The receipt's listing copy ({@link ReceiptStore}) is written after each ledger change; a retry writes it again
 * if the first attempt stopped in between.
 */
public final class PosRedemptions {
    private final LedgerStore ledger;
    private final MemberStore members;
    private final MerchantStore merchants;
    private final SettingsStore settings;
    private final ReceiptStore receipts;
    private final TimeSource clock;

    public PosRedemptions(LedgerStore ledger, MemberStore members, MerchantStore merchants, SettingsStore settings,
                          ReceiptStore receipts, TimeSource clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.members = Objects.requireNonNull(members, "members");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.receipts = Objects.requireNonNull(receipts, "receipts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One in-store sale: its receipt (the idempotency key), its amount and the points asked for. */
    public record Request(String receiptId, Money saleAmount, PointsRequest points) {
        public Request {
            Objects.requireNonNull(saleAmount, "saleAmount");
            Objects.requireNonNull(points, "points");
            if (receiptId == null || !Receipt.RECEIPT_ID.matcher(receiptId).matches()) {
                throw new IllegalArgumentException("receipt id must be 1-100 characters of [A-Za-z0-9._:@+-]");
            }
            if (!saleAmount.isPositive()) {
                throw new IllegalArgumentException("the sale amount must be positive");
            }
        }
    }

    /** How many points a sale may take: the pure rule. */
    public sealed interface Allowance {
        /** Apply {@code points} (a multiple of the unit) for a discount of {@code discount}. */
        record Apply(long points, Money discount) implements Allowance {}

        /** Fewer than one unit asked for: "At least N points must be entered". */
        record BelowUnit(long unit, String message) implements Allowance {}

        /** More asked for (after rounding down to the unit) than the balance holds. */
        record Insufficient(long available, long requested) implements Allowance {}

        /** More asked for than the sale amount is worth ({@code maxPoints} may be 0: nothing can be applied). */
        record AboveSale(long maxPoints, String message) implements Allowance {}
    }

    /**
     * The points a sale of {@code sale} may take from a spendable balance of {@code available}: whole units only,
     * never more than the balance, never a discount above the sale (whole currency units, rounded down). No
     * minimum order amount and no cap (the article: "not applicable to Smart OMO"). Pure.
     */
    public static Allowance allowance(RedeemRule rule, Money sale, long available, PointsRequest request) {
        long unit = rule.pointsPerUnit();
        long unitsBySale = sale.amount().setScale(0, RoundingMode.FLOOR).longValueExact();
        long maxBySale = Math.multiplyExact(unitsBySale, unit);
        long maxPoints = Math.min(maxBySale, (Math.max(available, 0) / unit) * unit);
        long points;
        switch (request) {
            case PointsRequest.Maximum m -> {
                if (maxPoints == 0) {
                    return new Allowance.AboveSale(0, available < unit
                            ? "The member has fewer than " + unit + " points: nothing can be applied"
                            : "The sale is below one currency unit: nothing can be applied");
                }
                points = maxPoints;
            }
            case PointsRequest.Exactly(long n) -> {
                if (n < unit) {
                    return new Allowance.BelowUnit(unit, CheckoutQuoter.belowUnitMessage(unit));
                }
                points = (n / unit) * unit;
                if (points > maxBySale) {
                    return new Allowance.AboveSale(maxBySale,
                            "At most " + maxBySale + " points can be applied to this sale");
                }
                if (points > available) {
                    return new Allowance.Insufficient(Math.max(available, 0), points);
                }
            }
        }
        return new Allowance.Apply(points, discount(points, unit, sale));
    }

    private static Money discount(long points, long unit, Money sale) {
        return new Money(BigDecimal.valueOf(points / unit), sale.currency());
    }

    public sealed interface Outcome {
        /** The points are taken ({@code repeated}: by an earlier call with this receipt; nothing changed now). */
        record Redeemed(Receipt receipt, JournalEntry entry, boolean repeated) implements Outcome {}

        /** Redemption is switched off (program or {@code redeem.enabled}). */
        record Unavailable(RedeemUnavailableReason reason) implements Outcome {}

        /** The points asked for are refused by the rule (below one unit, above the sale, above the balance). */
        record Refused(Allowance refusal) implements Outcome {}

        /** This receipt was already redeemed with another sale amount, number of points or staff member. */
        record ReceiptReused() implements Outcome {}

        /** This receipt was redeemed and then cancelled: it cannot be redeemed again. */
        record ReceiptCancelled() implements Outcome {}

        record UnknownMember() implements Outcome {}

        record StoreNotConfigured() implements Outcome {}
    }

    public sealed interface CancelOutcome {
        /** The points are back in their original lots ({@code repeated}: by an earlier cancellation). */
        record Cancelled(JournalEntry entry, long points, boolean repeated) implements CancelOutcome {}

        /** No redemption of this receipt for this member. */
        record NotRedeemed() implements CancelOutcome {}

        record StoreNotConfigured() implements CancelOutcome {}
    }

    public Outcome redeem(MerchantId merchant, MemberId member, Request request, Actor staff) {
        Optional<Merchant> store = merchants.find(merchant);
        if (store.isEmpty()) {
            return new Outcome.StoreNotConfigured();
        }
        if (members.find(merchant, member).isEmpty()) {
            return new Outcome.UnknownMember();
        }
        OrderId order = ReceiptKind.POS_REDEMPTION.orderIdOf(request.receiptId());
        OrderJournal journal = ledger.orderJournal(merchant, member, order);
        if (journal.redemptionReverted()) {
            return new Outcome.ReceiptCancelled();
        }
        MerchantSettings rules = settings.currentOrDefaults(merchant);
        long prior = journal.redeemed(Wallet.POINTS);
        long unit = rules.redeem().pointsPerUnit();
        long points;
        if (prior > 0) {
            // A repeat: "maximum" is what it resolved to the first time; a number must round to the same.
            if (request.points() instanceof PointsRequest.Exactly(long n) && n != prior && (n / unit) * unit != prior) {
                return new Outcome.ReceiptReused();
            }
            points = prior;
        } else {
            if (!rules.points().enabled()) {
                return new Outcome.Unavailable(RedeemUnavailableReason.PROGRAM_DISABLED);
            }
            if (!rules.redeem().enabled()) {
                return new Outcome.Unavailable(RedeemUnavailableReason.REDEEM_DISABLED);
            }
            Instant now = clock.now();
            long available = ledger.wallet(WalletRef.points(merchant, member)).available(now);
            Allowance allowance = allowance(rules.redeem(), request.saleAmount(), available, request.points());
            if (!(allowance instanceof Allowance.Apply apply)) {
                return new Outcome.Refused(allowance);
            }
            points = apply.points();
        }
        Instant at = clock.now().truncatedTo(ChronoUnit.SECONDS);
        LedgerCommand.Debit debit = new LedgerCommand.Debit(WalletRef.points(merchant, member), EntryKind.REDEEM, points,
                Optional.of(order), "", reason(request), staff, at, false);
        return switch (ledger.apply(debit)) {
            case LedgerResult.Applied a -> new Outcome.Redeemed(record(merchant, member, request, a.entry(), unit),
                    a.entry(), false);
            case LedgerResult.Duplicate d -> new Outcome.Redeemed(record(merchant, member, request, d.firstEntry(), unit),
                    d.firstEntry(), true);
            case LedgerResult.OperationIdConflict c -> new Outcome.ReceiptReused();
            case LedgerResult.InsufficientBalance i ->
                    new Outcome.Refused(new Allowance.Insufficient(i.available(), i.requested()));
            case LedgerResult.NotApplicable n -> throw new IllegalStateException("redemption not applicable: " + n.reason());
        };
    }

    /** Gives the receipt's points back to their original lots (original expiry), once; the actor is the staff. */
    public CancelOutcome cancel(MerchantId merchant, MemberId member, String receiptId, Actor staff) {
        Optional<Merchant> store = merchants.find(merchant);
        if (store.isEmpty()) {
            return new CancelOutcome.StoreNotConfigured();
        }
        OrderId order = ReceiptKind.POS_REDEMPTION.orderIdOf(receiptId);
        OrderJournal journal = ledger.orderJournal(merchant, member, order);
        Optional<JournalEntry> redemption = journal.entries().stream()
                .filter(e -> e.kind() == EntryKind.REDEEM && e.wallet().wallet() == Wallet.POINTS).findFirst();
        if (redemption.isEmpty()) {
            return new CancelOutcome.NotRedeemed();
        }
        Instant at = clock.now().truncatedTo(ChronoUnit.SECONDS);
        LedgerCommand.RevertRedemption revert = new LedgerCommand.RevertRedemption(WalletRef.points(merchant, member),
                order, false, "Receipt " + receiptId + " cancelled", staff, at);
        JournalEntry entry;
        boolean repeated;
        switch (ledger.apply(revert)) {
            case LedgerResult.Applied a -> {
                entry = a.entry();
                repeated = false;
            }
            case LedgerResult.Duplicate d -> {
                entry = d.firstEntry();
                repeated = true;
            }
            default -> {
                return new CancelOutcome.NotRedeemed();
            }
        }
        JournalEntry r = redemption.get();
        Money zero = store.get().zero();
        receipts.markCancelled(new Receipt(merchant, ReceiptKind.POS_REDEMPTION, receiptId, member, r.at(), zero,
                0, -r.delta(), zero, r.actor(), Optional.empty()), entry.at());
        return new CancelOutcome.Cancelled(entry, entry.delta(), repeated);
    }

    /** What the member reads in the history: the sale and its receipt. Part of the debit's content. */
    static String reason(Request request) {
        return "In-store sale " + request.saleAmount().toPlainString() + ", receipt " + request.receiptId();
    }

    private Receipt record(MerchantId merchant, MemberId member, Request request, JournalEntry entry, long unit) {
        long points = -entry.delta();
        return receipts.recordIfAbsent(new Receipt(merchant, ReceiptKind.POS_REDEMPTION, request.receiptId(), member,
                entry.at(), request.saleAmount(), 0, points, discount(points, unit, request.saleAmount()),
                entry.actor(), Optional.empty()));
    }
}
