package com.memberpoints.domain.ledger;

import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mutation of one wallet. Amounts and expiry instants arrive already computed by the rules.
 * Every command has a deterministic {@link OperationId}: applying it again is a no-op that returns
 * the first result; another command with the same id but different content is refused.
 *
 * <p>Build commands with the static factories ({@link #earn}, {@link #redeem}, ...), which fix the
 * kind, wallet and actor that go with each business operation.
 */
public sealed interface LedgerCommand
        permits LedgerCommand.Credit, LedgerCommand.Debit, LedgerCommand.RevertRedemption, LedgerCommand.Expire {

    /** Longest reason accepted (keeps a journal item well under 1 KB). */
    int MAX_REASON_LENGTH = 200;

    WalletRef wallet();

    EntryKind kind();

    Instant at();

    Actor actor();

    /**
     * The idempotency key. Deterministic from the command, except for {@link Expire} where it also
     * names the wallet version at which the lot was observed (see there).
     */
    OperationId operationId(WalletState observed);

    /** Digest of everything that must match for a repeat to count as the same operation. */
    String contentDigest();

    /** Which channels the member may be notified on about this change: only credits notify. */
    default NotifyChoice notification() {
        return NotifyChoice.NONE;
    }

    /**
     * Points, credits or reward credits added to a lot. {@code notification} is the staff's email/SMS choice
     * for manual and bulk assignment ({@link NotifyChoice#BOTH} for system credits); it is not part of the
     * content digest, so a retry that differs only in it is the same operation (the first choice stands).
     */
    record Credit(WalletRef wallet, EntryKind kind, long amount, Optional<Instant> expiresAt, Optional<OrderId> order,
                  String reference, String reason, Actor actor, Instant at, NotifyChoice notification)
            implements LedgerCommand {

        /** A credit notifying on both channels (as the store and member allow). */
        public Credit(WalletRef wallet, EntryKind kind, long amount, Optional<Instant> expiresAt, Optional<OrderId> order,
                      String reference, String reason, Actor actor, Instant at) {
            this(wallet, kind, amount, expiresAt, order, reference, reason, actor, at, NotifyChoice.BOTH);
        }

        /** The same credit with the staff's email/SMS choice. */
        public Credit withNotification(NotifyChoice choice) {
            return new Credit(wallet, kind, amount, expiresAt, order, reference, reason, actor, at, choice);
        }

        public Credit {
            Objects.requireNonNull(notification, "notification");
            Objects.requireNonNull(wallet, "wallet");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(at, "at");
            if (!kind.isCredit() || kind == EntryKind.REDEEM_REVERT) {
                throw new IllegalArgumentException(kind + " is not a credit");
            }
            requirePositive(amount);
            expiresAt.ifPresent(Lots::requireWholeSeconds);
            reference = checkReference(reference, order.isEmpty());
            reason = checkReason(reason);
        }

        @Override
        public OperationId operationId(WalletState observed) {
            return opId(wallet, kind, order, reference);
        }

        @Override
        public String contentDigest() {
            return digest(kind, amount, expiresAt.map(Instant::toString).orElse("never"), reason, actor.label());
        }
    }

    /** A debit allocated soonest-expiring first; a checkout redemption may be held until the order exists. */
    record Debit(WalletRef wallet, EntryKind kind, long amount, Optional<OrderId> order, String reference,
                 String reason, Actor actor, Instant at, boolean hold) implements LedgerCommand {
        public Debit {
            Objects.requireNonNull(wallet, "wallet");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(at, "at");
            if (kind.isCredit() || kind == EntryKind.EXPIRE) {
                throw new IllegalArgumentException(kind + " is not a debit command");
            }
            if (kind == EntryKind.REDEEM && order.isEmpty()) {
                throw new IllegalArgumentException("a redemption belongs to an order");
            }
            if (hold && kind != EntryKind.REDEEM) {
                throw new IllegalArgumentException("only a redemption can be held");
            }
            requirePositive(amount);
            reference = checkReference(reference, order.isEmpty());
            reason = checkReason(reason);
        }

        @Override
        public OperationId operationId(WalletState observed) {
            return opId(wallet, kind, order, reference);
        }

        @Override
        public String contentDigest() {
            return digest(kind, amount, reason, actor.label(), hold);
        }
    }

    /**
     * Gives an order's redemption back to the exact lots (and expiry instants) it was taken from.
     * With {@code onlyIfHeld} (the stale-hold sweep) it applies only while the redemption is still an
     * unconfirmed hold, so it can never race a confirmation into a double effect.
     */
    record RevertRedemption(WalletRef wallet, OrderId order, boolean onlyIfHeld, String reason, Actor actor,
                            Instant at) implements LedgerCommand {
        public RevertRedemption {
            Objects.requireNonNull(wallet, "wallet");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(at, "at");
            reason = checkReason(reason);
        }

        @Override
        public EntryKind kind() {
            return EntryKind.REDEEM_REVERT;
        }

        @Override
        public OperationId operationId(WalletState observed) {
            return opId(wallet, EntryKind.REDEEM_REVERT, Optional.of(order), "");
        }

        /** Where the redemption being reverted is journaled. */
        public OperationId redemptionId() {
            return opId(wallet, EntryKind.REDEEM, Optional.of(order), "");
        }

        @Override
        public String contentDigest() {
            // Cancelling and releasing a stale hold revert the same redemption: same operation.
            return digest(EntryKind.REDEEM_REVERT);
        }
    }

    /**
     * Expires what is left in the lot expiring at {@code lotExpiresAt}. Its operation id is
     * {@code N#<wallet>#EXPIRE#<epochSecond>#v<version observed>}: a repeat against the same state is a
     * duplicate; a repeat after the lot was expired finds nothing to expire; units put back into that
     * lot later (a reverted redemption) can be expired again.
     */
    record Expire(WalletRef wallet, Instant lotExpiresAt, Instant at) implements LedgerCommand {
        public Expire {
            Objects.requireNonNull(wallet, "wallet");
            Objects.requireNonNull(lotExpiresAt, "lotExpiresAt");
            Objects.requireNonNull(at, "at");
            Lots.requireWholeSeconds(lotExpiresAt);
        }

        @Override
        public EntryKind kind() {
            return EntryKind.EXPIRE;
        }

        @Override
        public Actor actor() {
            return Actor.SYSTEM;
        }

        @Override
        public OperationId operationId(WalletState observed) {
            return new OperationId("N#" + wallet.wallet() + "#EXPIRE#" + lotExpiresAt.getEpochSecond()
                    + "#v" + observed.version());
        }

        @Override
        public String contentDigest() {
            return digest(EntryKind.EXPIRE, lotExpiresAt.getEpochSecond());
        }
    }

    // ---------------------------------------------------------------- factories

    /** Points earned on an order, assigned by the system. */
    static Credit earn(MerchantId merchant, MemberId member, OrderId order, long points, Optional<Instant> expiresAt,
                       Instant at) {
        return new Credit(WalletRef.points(merchant, member), EntryKind.EARN, points, expiresAt, Optional.of(order), "",
                "", Actor.SYSTEM, at);
    }

    /** Order reward store credits, in minor units of the merchant currency. */
    static Credit rewardCredit(MerchantId merchant, MemberId member, OrderId order, long minorUnits,
                               Optional<Instant> expiresAt, Instant at) {
        return new Credit(WalletRef.credits(merchant, member), EntryKind.REWARD_CREDIT, minorUnits, expiresAt,
                Optional.of(order), "", "", Actor.SYSTEM, at);
    }

    /** Points (or credits) spent at checkout for an order; {@code hold} until the order is placed. */
    static Debit redeem(WalletRef wallet, OrderId order, long amount, boolean hold, Instant at) {
        return new Debit(wallet, EntryKind.REDEEM, amount, Optional.of(order), "", "", Actor.SYSTEM, at, hold);
    }

    /** The order was cancelled: its redemption goes back to the original lots. */
    static RevertRedemption revertRedemption(WalletRef wallet, OrderId order, Actor actor, Instant at) {
        return new RevertRedemption(wallet, order, false, "", actor, at);
    }

    /** A redemption hold never confirmed by an order is released (only if still held). */
    static RevertRedemption releaseStaleHold(WalletRef wallet, OrderId order, Instant at) {
        return new RevertRedemption(wallet, order, true, "", Actor.SYSTEM, at);
    }

    /** Manual add by staff; {@code requestId} identifies the admin request (retries reuse it). */
    static Credit manualAdd(WalletRef wallet, String requestId, long amount, Optional<Instant> expiresAt, String reason,
                            Actor staff, Instant at) {
        return new Credit(wallet, EntryKind.ADJUST_ADD, amount, expiresAt, Optional.empty(), requestId,
                requireReason(reason), staff, at);
    }

    /** Manual deduction by staff; refused with the balance when larger than the balance. */
    static Debit manualDeduct(WalletRef wallet, String requestId, long amount, String reason, Actor staff, Instant at) {
        return new Debit(wallet, EntryKind.ADJUST_DEDUCT, amount, Optional.empty(), requestId, requireReason(reason),
                staff, at, false);
    }

    /** One member's share of a bulk job; the job id makes a re-run credit nobody twice. */
    static Credit bulkCredit(WalletRef wallet, String jobId, long amount, Optional<Instant> expiresAt, String reason,
                             Actor staff, Instant at) {
        return new Credit(wallet, EntryKind.BULK_CREDIT, amount, expiresAt, Optional.empty(), jobId,
                requireReason(reason), staff, at);
    }

    /**
     * One row of a balance import; {@code reference} names the file and the row ({@code imp-<digest>-<row>}), so a
     * re-run of the same file credits nobody twice.
     */
    static Credit importCredit(WalletRef wallet, String reference, long amount, Optional<Instant> expiresAt,
                               String reason, Actor staff, Instant at) {
        return new Credit(wallet, EntryKind.IMPORT_CREDIT, amount, expiresAt, Optional.empty(), reference,
                requireReason(reason), staff, at, NotifyChoice.NONE);
    }

    /** Correction of an order's earned points after an edit ({@code revision} identifies the edit). */
    static LedgerCommand earnAdjust(MerchantId merchant, MemberId member, OrderId order, String revision, long delta,
                                    Optional<Instant> expiresAt, Instant at) {
        WalletRef ref = WalletRef.points(merchant, member);
        if (delta > 0) {
            return new Credit(ref, EntryKind.EARN_ADJUST_ADD, delta, expiresAt, Optional.of(order), revision, "",
                    Actor.SYSTEM, at);
        }
        return new Debit(ref, EntryKind.EARN_ADJUST_DEDUCT, Math.negateExact(delta), Optional.of(order), revision, "",
                Actor.SYSTEM, at, false);
    }

    /** The sweep expires what is left in one lot. */
    static Expire expire(WalletRef wallet, Instant lotExpiresAt, Instant at) {
        return new Expire(wallet, lotExpiresAt, at);
    }

    // ---------------------------------------------------------------- helpers

    /** Reference ids (request id, job id, edit revision): the same alphabet as other ids, no '#'. */
    Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:@+\\-]{1,128}");

    private static String checkReference(String reference, boolean required) {
        String r = reference == null ? "" : reference;
        if (r.isEmpty()) {
            if (required) {
                throw new IllegalArgumentException("an operation without an order needs a reference id");
            }
            return r;
        }
        if (!REFERENCE.matcher(r).matches()) {
            throw new IllegalArgumentException("reference must be 1-128 characters of [A-Za-z0-9._:@+-]");
        }
        return r;
    }

    private static String checkReason(String reason) {
        String r = reason == null ? "" : reason.strip();
        return com.memberpoints.domain.model.MemberText.require("reason", r, 0, MAX_REASON_LENGTH, false);
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a manual or bulk assignment needs a reason");
        }
        return reason;
    }

    private static void requirePositive(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive, got " + amount);
        }
    }

    /** Adds and deducts of one request (or one order edit) share an id, so a flipped sign is a conflict. */
    private static String operationName(EntryKind kind) {
        return switch (kind) {
            case ADJUST_ADD, ADJUST_DEDUCT -> "ADJUST";
            case EARN_ADJUST_ADD, EARN_ADJUST_DEDUCT -> "EARN_ADJUST";
            default -> kind.name();
        };
    }

    private static OperationId opId(WalletRef wallet, EntryKind kind, Optional<OrderId> order, String reference) {
        String name = operationName(kind);
        if (order.isPresent()) {
            return new OperationId("O#" + order.get().value() + "#" + wallet.wallet() + "#" + name
                    + (reference.isEmpty() ? "" : "#" + reference));
        }
        return new OperationId("N#" + wallet.wallet() + "#" + name + "#" + reference);
    }

    private static String digest(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            String s = String.valueOf(p);
            sb.append(s.length()).append(':').append(s).append('|');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
