package com.memberpoints.domain.staff;

import com.memberpoints.domain.expiry.ExpiryCalculator;
import com.memberpoints.domain.earning.Earning;
import com.memberpoints.domain.earning.EarnFacts;
import com.memberpoints.domain.earning.NotEarnedReason;
import com.memberpoints.domain.earning.PointsOutcome;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.domain.settings.BoundRule;
import com.memberpoints.domain.settings.MerchantSettings;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Retail spend entered by staff in the store (SPEC §2: POS orders earn when the retail channel is on). It
 * earns exactly like a POS order of a logged-in member, under the settings in force now and the member's
 * tier, assigned at once (the purchase is complete at the till). The receipt id makes it idempotent: the
 * ledger operation is the order {@code retail-<receiptId>}'s EARN, so the same receipt twice is one credit,
 * and the same receipt with another amount is refused. After the ledger change the receipt's listing copy is
 * written ({@link ReceiptStore}, for the orders report); a retry writes it if the first attempt stopped in between.
 */
public final class StoreSpend {
    private final LedgerStore ledger;
    private final MemberStore members;
    private final MerchantStore merchants;
    private final SettingsStore settings;
    private final ReceiptStore receipts;
    private final TimeSource clock;

    public StoreSpend(LedgerStore ledger, MemberStore members, MerchantStore merchants, SettingsStore settings,
                      ReceiptStore receipts, TimeSource clock) {
        this.receipts = Objects.requireNonNull(receipts, "receipts");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.members = Objects.requireNonNull(members, "members");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public sealed interface Outcome {
        /** Points credited now ({@code repeated} false) or by an earlier call with this receipt. */
        record Earned(JournalEntry entry, boolean repeated) implements Outcome {}

        /** Nothing to credit: the program, channel or earn rule gives no points, or the amount is below one step. */
        record NothingEarned(Optional<NotEarnedReason> reason) implements Outcome {}

        record UnknownMember() implements Outcome {}

        record StoreNotConfigured() implements Outcome {}

        /** The receipt was already recorded with another amount. */
        record ReceiptReused() implements Outcome {}
    }

    /** The order id a receipt is recorded under. */
    public static OrderId orderIdOf(String receiptId) {
        return ReceiptKind.STORE_SPEND.orderIdOf(receiptId);
    }

    public Outcome record(MerchantId merchant, MemberId member, String receiptId, Money amount, Actor staff) {
        Optional<Merchant> store = merchants.find(merchant);
        if (store.isEmpty()) {
            return new Outcome.StoreNotConfigured();
        }
        Optional<MemberProfile> profile = members.find(merchant, member);
        if (profile.isEmpty()) {
            return new Outcome.UnknownMember();
        }
        MerchantSettings rules = settings.currentOrDefaults(merchant);
        BoundRule rule = BoundRule.bind(rules, profile.get().tier());
        PointsOutcome outcome = Earning.points(rule,
                new EarnFacts(CheckoutIdentity.MEMBER_LOGGED_IN, SalesChannel.POS, OrderKind.NORMAL, false), amount);
        if (outcome instanceof PointsOutcome.NotEarned n) {
            return new Outcome.NothingEarned(Optional.of(n.reason()));
        }
        if (outcome.points() == 0) {
            return new Outcome.NothingEarned(Optional.empty());
        }
        Instant now = clock.now().truncatedTo(ChronoUnit.SECONDS);
        Optional<Instant> expiresAt = ExpiryCalculator.ofPointsGrantedAt(rules, now, store.get().zone());
        LedgerCommand.Credit credit = new LedgerCommand.Credit(WalletRef.points(merchant, member), EntryKind.EARN,
                outcome.points(), expiresAt, Optional.of(orderIdOf(receiptId)), "", "In-store purchase", staff, now);
        return switch (ledger.apply(credit)) {
            case LedgerResult.Applied a -> new Outcome.Earned(listed(store.get(), member, receiptId, amount, a.entry()),
                    false);
            case LedgerResult.Duplicate d -> new Outcome.Earned(listed(store.get(), member, receiptId, amount,
                    d.firstEntry()), true);
            case LedgerResult.OperationIdConflict c -> new Outcome.ReceiptReused();
            case LedgerResult.InsufficientBalance i -> throw new IllegalStateException("a credit cannot lack balance");
            case LedgerResult.NotApplicable n -> throw new IllegalStateException("earn not applicable: " + n.reason());
        };
    }

    /** Writes the receipt's listing copy (idempotent) and gives back the entry. */
    private JournalEntry listed(Merchant store, MemberId member, String receiptId, Money amount, JournalEntry entry) {
        receipts.recordIfAbsent(new Receipt(store.id(), ReceiptKind.STORE_SPEND, receiptId, member, entry.at(), amount,
                entry.delta(), 0, store.zero(), entry.actor(), Optional.empty()));
        return entry;
    }
}
