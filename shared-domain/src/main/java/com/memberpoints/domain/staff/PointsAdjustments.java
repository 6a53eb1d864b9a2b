package com.memberpoints.domain.staff;

import com.memberpoints.domain.expiry.ExpiryCalculator;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.domain.settings.MerchantSettings;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Manual add or deduction of one member's points by staff (SPEC §5). Adds expire under the expiry policy
 * in force today (assignment date = today in the merchant zone); deductions are taken soonest-expiring
 * first and are never notified. The request's idempotency key becomes the ledger operation id, so a retry
 * of the same request returns the first entry, and reusing a key for another request is refused.
 */
public final class PointsAdjustments {

    /** Largest number of points one adjustment may add or deduct. */
    public static final long MAX_POINTS = 100_000_000L;

    private final LedgerStore ledger;
    private final MemberStore members;
    private final MerchantStore merchants;
    private final SettingsStore settings;
    private final TimeSource clock;

    public PointsAdjustments(LedgerStore ledger, MemberStore members, MerchantStore merchants, SettingsStore settings,
                             TimeSource clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.members = Objects.requireNonNull(members, "members");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param points         positive to add, negative to deduct, never 0
     * @param idempotencyKey identifies the request: retries reuse it ({@link LedgerCommand#REFERENCE} alphabet)
     */
    public record Request(long points, String reason, NotifyChoice notification, String idempotencyKey) {
        public Request {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(notification, "notification");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            if (points == 0 || Math.abs(points) > MAX_POINTS) {
                throw new IllegalArgumentException("points must be non-zero and at most " + MAX_POINTS + " in size");
            }
            if (points < 0 && !NotifyChoice.NONE.equals(notification)) {
                throw new IllegalArgumentException("a deduction is never notified");
            }
        }
    }

    public sealed interface Outcome {
        /** Applied now ({@code repeated} false) or by an earlier try of the same request. */
        record Done(JournalEntry entry, boolean repeated) implements Outcome {}

        /** The deduction is larger than what the member can spend now. */
        record InsufficientBalance(long balance, long requested) implements Outcome {}

        /** No such member in this merchant. */
        record UnknownMember() implements Outcome {}

        /** The store profile (currency, zone) is not set up yet. */
        record StoreNotConfigured() implements Outcome {}

        /** The idempotency key was used before for a different adjustment. */
        record KeyReused(String detail) implements Outcome {}
    }

    public Outcome adjust(MerchantId merchant, MemberId member, Request request, Actor staff) {
        Optional<Merchant> store = merchants.find(merchant);
        if (store.isEmpty()) {
            return new Outcome.StoreNotConfigured();
        }
        if (members.find(merchant, member).isEmpty()) {
            return new Outcome.UnknownMember();
        }
        Instant now = clock.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        WalletRef wallet = WalletRef.points(merchant, member);
        LedgerCommand command;
        if (request.points() > 0) {
            MerchantSettings rules = settings.currentOrDefaults(merchant);
            Optional<Instant> expiresAt = ExpiryCalculator.ofPointsGrantedAt(rules, now, store.get().zone());
            command = LedgerCommand.manualAdd(wallet, request.idempotencyKey(), request.points(), expiresAt,
                    request.reason(), staff, now).withNotification(request.notification());
        } else {
            command = LedgerCommand.manualDeduct(wallet, request.idempotencyKey(), -request.points(), request.reason(),
                    staff, now);
        }
        return switch (ledger.apply(command)) {
            case LedgerResult.Applied a -> new Outcome.Done(a.entry(), false);
            case LedgerResult.Duplicate d -> new Outcome.Done(d.firstEntry(), true);
            case LedgerResult.InsufficientBalance i -> new Outcome.InsufficientBalance(i.available(), i.requested());
            case LedgerResult.OperationIdConflict c -> new Outcome.KeyReused(
                    "this idempotency key was already used for a different adjustment");
            case LedgerResult.NotApplicable n -> throw new IllegalStateException("adjustment not applicable: " + n.reason());
        };
    }
}
