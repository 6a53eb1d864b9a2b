package com.memberpoints.domain.staff;

import com.memberpoints.domain.expiry.ExpiryCalculator;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.domain.settings.CreditValidity;
import com.memberpoints.domain.settings.SettingsStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Manual add or deduction of one member's store credits by staff (issue 11.2; credits article notes 5 and 10;
 * SPEC §2, §5, example 18): the merchant's way to take back reward credits of a cancelled order, or to reward an
 * admin-created manual order. Amounts are money in the store currency, kept in the credits wallet in minor units.
 *
 * <p>An addition expires as the staff chose ({@link Validity}): after N days, at the end of a given local date, never,
 * or by default as the store's order-reward-credit validity setting says (N days, or never). A deduction is taken
 * soonest-expiring first, is refused with the balance when larger than it, and is never notified. The request's
 * idempotency key becomes the ledger operation id (as for points: a retry returns the first entry; the same key
 * for another adjustment is refused). The staff id is the entry's actor; the reason is shown to the member.
 */
public final class CreditAdjustments {

    /** Largest amount one adjustment may add or deduct, in currency units (as the other money fields). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    /** Longest validity in days, and the furthest expiry date from today (10 years, as reward-credit validity). */
    public static final int MAX_VALIDITY_DAYS = 3_650;

    private final LedgerStore ledger;
    private final MemberStore members;
    private final MerchantStore merchants;
    private final SettingsStore settings;
    private final TimeSource clock;

    public CreditAdjustments(LedgerStore ledger, MemberStore members, MerchantStore merchants, SettingsStore settings,
                             TimeSource clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.members = Objects.requireNonNull(members, "members");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** How long added credits stay valid. */
    public sealed interface Validity {
        /** The store's order-reward-credit validity setting (N days, or never). */
        record StoreDefault() implements Validity {}

        record Never() implements Validity {}

        /** Through the end of local date (today + {@code days}), as reward credits. */
        record Days(int days) implements Validity {
            public Days {
                if (days < 1 || days > MAX_VALIDITY_DAYS) {
                    throw new IllegalArgumentException("days must be 1-" + MAX_VALIDITY_DAYS);
                }
            }
        }

        /** Through the end (23:59:59) of this local date. */
        record Until(LocalDate date) implements Validity {
            public Until {
                Objects.requireNonNull(date, "date");
            }
        }

        Validity STORE_DEFAULT = new StoreDefault();
        Validity NEVER = new Never();
    }

    /**
     * @param amount         positive to add, negative to deduct, never 0, at most {@link #MAX_AMOUNT} in size
     * @param validity       for additions; a deduction takes {@link Validity#STORE_DEFAULT} (it creates no lot)
     * @param idempotencyKey identifies the request: retries reuse it ({@link LedgerCommand#REFERENCE} alphabet)
     */
    public record Request(Money amount, String reason, Validity validity, NotifyChoice notification,
                          String idempotencyKey) {
        public Request {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(validity, "validity");
            Objects.requireNonNull(notification, "notification");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            if (amount.isZero() || amount.amount().abs().compareTo(MAX_AMOUNT) > 0) {
                throw new IllegalArgumentException("amount must be non-zero and at most " + MAX_AMOUNT + " in size");
            }
            if (amount.isNegative() && !NotifyChoice.NONE.equals(notification)) {
                throw new IllegalArgumentException("a deduction is never notified");
            }
            if (amount.isNegative() && !(validity instanceof Validity.StoreDefault)) {
                throw new IllegalArgumentException("a deduction has no validity");
            }
        }
    }

    public sealed interface Outcome {
        /** Applied now ({@code repeated} false) or by an earlier try of the same request. */
        record Done(JournalEntry entry, Money balanceAfter, boolean repeated) implements Outcome {}

        /** The deduction is larger than what the member can spend now. */
        record InsufficientBalance(Money balance, Money requested) implements Outcome {}

        /** The chosen expiry date is before today in the store's time zone, or too far ahead. */
        record ExpiryOutOfRange(LocalDate today, LocalDate latest) implements Outcome {}

        /** The amount is not in the store's currency. */
        record WrongCurrency(String storeCurrency) implements Outcome {}

        /** No such member in this merchant. */
        record UnknownMember() implements Outcome {}

        /** The store profile (currency, zone) is not set up yet. */
        record StoreNotConfigured() implements Outcome {}

        /** The idempotency key was used before for a different adjustment. */
        record KeyReused(String detail) implements Outcome {}
    }

    public Outcome adjust(MerchantId merchant, MemberId member, Request request, Actor staff) {
        Optional<Merchant> found = merchants.find(merchant);
        if (found.isEmpty()) {
            return new Outcome.StoreNotConfigured();
        }
        Merchant store = found.get();
        if (!store.currency().equals(request.amount().currency())) {
            return new Outcome.WrongCurrency(store.currency().getCurrencyCode());
        }
        if (members.find(merchant, member).isEmpty()) {
            return new Outcome.UnknownMember();
        }
        Instant now = clock.now().truncatedTo(ChronoUnit.SECONDS);
        WalletRef wallet = WalletRef.credits(merchant, member);
        long minor = request.amount().toMinor();
        LedgerCommand command;
        if (minor > 0) {
            LocalDate today = LocalDate.ofInstant(now, store.zone());
            LocalDate latest = today.plusDays(MAX_VALIDITY_DAYS);
            if (request.validity() instanceof Validity.Until(LocalDate date)
                    && (date.isBefore(today) || date.isAfter(latest))) {
                return new Outcome.ExpiryOutOfRange(today, latest);
            }
            Optional<Instant> expiresAt = expiry(request.validity(), merchant, now, store.zone());
            command = LedgerCommand.manualAdd(wallet, request.idempotencyKey(), minor, expiresAt, request.reason(),
                    staff, now).withNotification(request.notification());
        } else {
            command = LedgerCommand.manualDeduct(wallet, request.idempotencyKey(), -minor, request.reason(), staff, now);
        }
        return switch (ledger.apply(command)) {
            case LedgerResult.Applied a -> done(a.entry(), store, false);
            case LedgerResult.Duplicate d -> done(d.firstEntry(), store, true);
            case LedgerResult.InsufficientBalance i -> new Outcome.InsufficientBalance(
                    Money.ofMinor(i.available(), store.currency()), Money.ofMinor(i.requested(), store.currency()));
            case LedgerResult.OperationIdConflict c -> new Outcome.KeyReused(
                    "this idempotency key was already used for a different adjustment");
            case LedgerResult.NotApplicable n -> throw new IllegalStateException("adjustment not applicable: " + n.reason());
        };
    }

    /** When credits added at {@code at} under {@code validity} expire; empty: never. */
    Optional<Instant> expiry(Validity validity, MerchantId merchant, Instant at, ZoneId zone) {
        return switch (validity) {
            case Validity.Never n -> Optional.empty();
            case Validity.Days(int days) -> ExpiryCalculator.creditsExpiry(CreditValidity.days(days), at, zone).instant();
            case Validity.Until(LocalDate date) -> Optional.of(ExpiryCalculator.endOfLocalDay(date, zone));
            case Validity.StoreDefault s -> ExpiryCalculator.creditsExpiry(
                    settings.currentOrDefaults(merchant).credits().rule().validity(), at, zone).instant();
        };
    }

    private static Outcome done(JournalEntry entry, Merchant store, boolean repeated) {
        return new Outcome.Done(entry, Money.ofMinor(entry.balanceAfter(), store.currency()), repeated);
    }
}
