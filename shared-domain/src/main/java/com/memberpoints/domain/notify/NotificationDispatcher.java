package com.memberpoints.domain.notify;

import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends the notifications journal entries call for, after the ledger write and apart from it (see
 * docs/architecture.md "Notifications"). A plain method: the stream handler, the retry sweep and the local stack
 * all call {@link #dispatch}.
 *
 * <p>At most once per (entry, channel): the delivery record is claimed with a conditional create BEFORE the
 * provider is called, so a repeated or concurrent dispatch of the same entry finds the claim and sends nothing.
 * A transient failure marks the record RETRYING with a backoff; {@link #retryDue} re-claims it (conditionally, by
 * attempt number) and sends the stored message again, up to {@code maxAttempts}. A permanent failure is
 * recorded as FAILED_PERMANENT. An {@link DeliveryResult.Unknown} answer (the provider may have accepted the
 * message: timeout after the request was written, connection reset) is recorded as UNCONFIRMED, which is terminal:
 * it is never re-sent (a retry could be a duplicate) and not metered as SMS usage (usage counts confirmed sends);
 * staff see it in the deliveries listing. Only a TransientFailure (certainly not accepted) is retried. Nothing
 * here ever writes to the ledger.
 *
 * <p>Send rates (issue 16, docs/scale.md change 5): each send first takes a unit from the account-wide
 * {@link SendBudget} of the current second (shared by every concurrent invocation; the per-container
 * {@link RateLimiter} only smooths one container). When the budget is spent, or the provider answers that it
 * throttled the call, the message is deferred as RETRYING ({@link Outcome#THROTTLED}) without spending one of its
 * attempts; {@link #retryDue} stops at the first throttle, so a backlog drains at the account's rate instead of
 * retrying everything against it. A message is given up only after {@link Settings#maxThrottles()} deferrals.
 */
public final class NotificationDispatcher {

    /**
     * Tunables: attempts per message, first retry delay (doubled per attempt); deferrals for a send rate allowed
     * before giving up, and the delay after one.
     */
    public record Settings(int maxAttempts, Duration firstRetryDelay, int maxThrottles, Duration throttleDelay) {
        public static final Settings DEFAULT = new Settings(5, Duration.ofMinutes(1), 1_000, Duration.ofMinutes(1));

        public Settings {
            Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
            Objects.requireNonNull(throttleDelay, "throttleDelay");
            if (maxAttempts < 1 || firstRetryDelay.isNegative() || maxThrottles < 0 || throttleDelay.isNegative()) {
                throw new IllegalArgumentException("maxAttempts >= 1, maxThrottles >= 0 and non-negative delays");
            }
        }

        /** With the default throttle handling. */
        public Settings(int maxAttempts, Duration firstRetryDelay) {
            this(maxAttempts, firstRetryDelay, DEFAULT_MAX_THROTTLES, Duration.ofMinutes(1));
        }

        private static final int DEFAULT_MAX_THROTTLES = 1_000;
    }

    /** What happened to one (entry, channel) in this call. */
    public enum Outcome { SENT, ALREADY_CLAIMED, RETRYING, FAILED_PERMANENT, UNCONFIRMED, THROTTLED }

    /**
     * One decision of this call; {@code note} says why a message was not even attempted; {@code smsParts}: the
     * billed parts of an SMS this call sent (0 otherwise).
     */
    public record Result(DeliveryKey key, Outcome outcome, String note, int smsParts) {
        public Result(DeliveryKey key, Outcome outcome, String note) {
            this(key, outcome, note, 0);
        }
    }

    /** Entries skipped entirely, and per-channel results. */
    public record Report(List<Result> results, List<String> skipped) {
        public long count(Outcome outcome) {
            return results.stream().filter(r -> r.outcome() == outcome).count();
        }

        /** SMS parts sent in this call (what SNS bills). */
        public long smsParts() {
            return results.stream().filter(r -> r.outcome() == Outcome.SENT).mapToLong(Result::smsParts).sum();
        }
    }

    private final MerchantStore merchants;
    private final MemberStore members;
    private final LedgerStore ledger;
    private final DeliveryStore deliveries;
    private final EmailSender email;
    private final SmsSender sms;
    private final RateLimiter emailRate;
    private final RateLimiter smsRate;
    private final SendBudget budget;
    private final TimeSource clock;
    private final Settings settings;

    /** Without an account-wide budget (one container, tests). */
    public NotificationDispatcher(MerchantStore merchants, MemberStore members, LedgerStore ledger,
                                  DeliveryStore deliveries, EmailSender email, SmsSender sms, RateLimiter emailRate,
                                  RateLimiter smsRate, TimeSource clock, Settings settings) {
        this(merchants, members, ledger, deliveries, email, sms, emailRate, smsRate, SendBudget.UNLIMITED, clock,
                settings);
    }

    public NotificationDispatcher(MerchantStore merchants, MemberStore members, LedgerStore ledger,
                                  DeliveryStore deliveries, EmailSender email, SmsSender sms, RateLimiter emailRate,
                                  RateLimiter smsRate, SendBudget budget, TimeSource clock, Settings settings) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.members = Objects.requireNonNull(members, "members");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.email = Objects.requireNonNull(email, "email");
        this.sms = Objects.requireNonNull(sms, "sms");
        this.emailRate = Objects.requireNonNull(emailRate, "emailRate");
        this.smsRate = Objects.requireNonNull(smsRate, "smsRate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The channels an entry may use for this member at this store (the rules of SPEC §5-§6). */
    public static EnumSet<Channel> channels(JournalEntry entry, Merchant store, MemberProfile member) {
        if (NotificationKind.of(entry.kind(), entry.wallet().wallet()).isEmpty() || entry.delta() <= 0) {
            return EnumSet.noneOf(Channel.class);
        }
        return channels(entry.notification(), store, member);
    }

    /**
     * The channels a crediting change with the staff's {@code choice} would reach this member on: email with an
     * address, SMS with a phone number while the store has SMS on. Bulk assignment counts its reachable members
     * with it.
     */
    public static EnumSet<Channel> channels(NotifyChoice choice, Merchant store, MemberProfile member) {
        EnumSet<Channel> out = EnumSet.noneOf(Channel.class);
        if (choice.email() && member.canReceiveEmail()) {
            out.add(Channel.EMAIL);
        }
        if (choice.sms() && member.canReceiveSms() && store.smsEnabled()) {
            out.add(Channel.SMS);
        }
        return out;
    }

    /** Sends what each entry calls for; entries that call for nothing are skipped. Never throws for one bad entry's send. */
    public Report dispatch(List<JournalEntry> entries) {
        List<Result> results = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (JournalEntry entry : entries) {
            dispatchOne(entry, results, skipped);
        }
        return new Report(List.copyOf(results), List.copyOf(skipped));
    }

    private void dispatchOne(JournalEntry entry, List<Result> results, List<String> skipped) {
        String label = entry.wallet().member().value() + "/" + entry.operationId().value();
        Optional<NotificationKind> kind = NotificationKind.of(entry.kind(), entry.wallet().wallet());
        if (kind.isEmpty()) {
            skipped.add(label + ": " + entry.kind() + " never notifies");
            return;
        }
        Optional<Merchant> store = merchants.find(entry.wallet().merchant());
        if (store.isEmpty()) {
            skipped.add(label + ": unknown store");
            return;
        }
        Optional<MemberProfile> member = members.find(entry.wallet().merchant(), entry.wallet().member());
        if (member.isEmpty()) {
            skipped.add(label + ": no member profile");
            return;
        }
        EnumSet<Channel> channels = channels(entry, store.get(), member.get());
        if (channels.isEmpty()) {
            skipped.add(label + ": no channel allowed");
            return;
        }
        Optional<Instant> nearestExpiry = ledger.wallet(entry.wallet()).lots().nextExpiry();
        RenderedNotification message = NotificationRenderer.render(kind.get(), store.get(), member.get().locale(),
                new NotificationVariables(member.get().name().orElse(""), entry.delta(), entry.balanceAfter(),
                        nearestExpiry, entry.reason()));
        Instant now = clock.now();
        for (Channel channel : channels) {
            DeliveryKey key = DeliveryKey.of(entry, store.get().zone(), channel);
            Delivery claim = channel == Channel.EMAIL
                    ? Delivery.claim(key, member.get().email().orElseThrow(), message.subject(), message.html(),
                            message.text(), 0, now)
                    : Delivery.claim(key, member.get().phone().orElseThrow(), "", "", message.sms(),
                            message.smsCount().parts(), now);
            if (!deliveries.claim(claim)) {
                results.add(new Result(key, Outcome.ALREADY_CLAIMED, "claimed before"));
                continue;
            }
            results.add(send(claim, store.get()));
        }
    }

    /**
     * Sends one expiry reminder (issue 12 item 2) on the channels its marker carries (the merchant's choice when it
     * was decided) that this member can receive (email with an address, SMS with a phone while the store has SMS
     * on), rendered in the member's locale from the marker and the profile. Each channel is claimed first under the marker's delivery key, so a marker dispatched again (a retried
     * or overlapping reminder pass) sends nothing twice; a sent SMS is metered by {@code markSent} like any other,
     * and a transient failure is retried by {@link #retryDue} (the record carries the rendered message).
     */
    public Report remind(ExpiryReminder reminder) {
        String label = reminder.wallet().member().value() + "/" + reminder.operationId().value();
        Optional<Merchant> store = merchants.find(reminder.wallet().merchant());
        if (store.isEmpty()) {
            return new Report(List.of(), List.of(label + ": unknown store"));
        }
        Optional<MemberProfile> member = members.find(reminder.wallet().merchant(), reminder.wallet().member());
        if (member.isEmpty()) {
            return new Report(List.of(), List.of(label + ": no member profile"));
        }
        EnumSet<Channel> channels = channels(reminder.channels(), store.get(), member.get());
        if (channels.isEmpty()) {
            return new Report(List.of(), List.of(label + ": no channel allowed"));
        }
        NotificationKind kind = reminder.wallet().wallet() == com.memberpoints.domain.ledger.Wallet.CREDITS
                ? NotificationKind.CREDITS_EXPIRING : NotificationKind.POINTS_EXPIRING;
        RenderedNotification message = NotificationRenderer.render(kind, store.get(), member.get().locale(),
                new NotificationVariables(member.get().name().orElse(""), reminder.amount(), reminder.balance(),
                        Optional.of(reminder.expiresAt()), ""));
        List<Result> results = new ArrayList<>();
        Instant now = clock.now();
        for (Channel channel : channels) {
            DeliveryKey key = reminder.deliveryKey(store.get().zone(), channel);
            Delivery claim = channel == Channel.EMAIL
                    ? Delivery.claim(key, member.get().email().orElseThrow(), message.subject(), message.html(),
                            message.text(), 0, now)
                    : Delivery.claim(key, member.get().phone().orElseThrow(), "", "", message.sms(),
                            message.smsCount().parts(), now);
            if (!deliveries.claim(claim)) {
                results.add(new Result(key, Outcome.ALREADY_CLAIMED, "claimed before"));
                continue;
            }
            results.add(send(claim, store.get()));
        }
        return new Report(List.copyOf(results), List.of());
    }

    /**
     * Sends again every RETRYING delivery of the store that is due, in the entry months {@code months}
     * (the sweep passes this month and the last). Each is re-claimed by attempt number first, so concurrent
     * sweeps never both send it. Stops at the first send deferred for a send rate: the rest stay due for the next
     * run (a backlog drains at the account's rate).
     */
    public Report retryDue(MerchantId merchantId, List<YearMonth> months, int limit) {
        List<Result> results = new ArrayList<>();
        Optional<Merchant> store = merchants.find(merchantId);
        if (store.isEmpty()) {
            return new Report(List.of(), List.of(merchantId.value() + ": unknown store"));
        }
        Instant now = clock.now();
        List<Delivery> due = new ArrayList<>();
        for (YearMonth month : months) {
            Optional<String> cursor = Optional.empty();
            do {
                Page<Delivery> page = deliveries.list(merchantId, month, EnumSet.of(DeliveryStatus.RETRYING),
                        new PageRequest(cursor, PageRequest.MAX_LIMIT));
                due.addAll(page.items());
                cursor = page.nextCursor();
            } while (cursor.isPresent() && due.size() < limit);
        }
        for (Delivery d : due.subList(0, Math.min(limit, due.size()))) {
            if (d.nextAttemptAt().map(now::isBefore).orElse(false)) {
                continue;
            }
            if (!deliveries.reclaim(d.key(), d.attempts(), now)) {
                results.add(new Result(d.key(), Outcome.ALREADY_CLAIMED, "re-claimed by another sweep"));
                continue;
            }
            Delivery claimed = d.with(DeliveryStatus.CLAIMED, d.attempts() + 1, Optional.empty(), d.lastError(),
                    now, Optional.empty());
            Result result = send(claimed, store.get());
            results.add(result);
            if (result.outcome() == Outcome.THROTTLED) {
                break;
            }
        }
        return new Report(List.copyOf(results), List.of());
    }

    /** Empty when a unit of this second's account budget was taken; else why not (the send is deferred). */
    private Optional<String> takeFromBudget(Channel channel) {
        try {
            return budget.tryTake(channel, clock.now()) ? Optional.empty()
                    : Optional.of("account send rate for " + channel + " reached");
        } catch (RuntimeException e) {
            // The budget's store failed: defer (nothing was sent) rather than fail the message for good.
            return Optional.of("send budget unavailable: " + e.getClass().getSimpleName());
        }
    }

    private Result send(Delivery claimed, Merchant store) {
        DeliveryKey key = claimed.key();
        int attempt = claimed.attempts();
        DeliveryResult result;
        try {
            (key.channel() == Channel.EMAIL ? emailRate : smsRate).acquire();
            Optional<String> refused = takeFromBudget(key.channel());
            if (refused.isPresent()) {
                result = new DeliveryResult.Throttled(refused.get());
            } else if (key.channel() == Channel.EMAIL) {
                result = email.send(new EmailSender.EmailMessage(claimed.recipient(), claimed.subject(),
                        claimed.html(), claimed.text()));
            } else {
                result = sms.send(new SmsSender.SmsMessage(claimed.recipient(), claimed.text()));
            }
        } catch (RuntimeException e) {
            // Not a delivery outcome: a bug or misconfiguration (no credentials, no region). Recorded as a
            // visible failure rather than left "claimed", and rethrown so the invocation fails loudly.
            deliveries.markFailed(key, attempt, "sender error: " + e.getClass().getSimpleName(), clock.now());
            throw e;
        }
        Instant at = clock.now();
        return switch (result) {
            case DeliveryResult.Sent sent -> {
                deliveries.markSent(key, attempt, sent.providerMessageId(), at, YearMonth.from(at.atZone(store.zone())));
                yield new Result(key, Outcome.SENT, sent.providerMessageId(),
                        key.channel() == Channel.SMS ? claimed.smsParts() : 0);
            }
            case DeliveryResult.PermanentFailure failure -> {
                deliveries.markFailed(key, attempt, failure.reason(), at);
                yield new Result(key, Outcome.FAILED_PERMANENT, failure.reason());
            }
            case DeliveryResult.Unknown unknown -> {
                // May have been accepted: terminal, never re-sent, not metered (see the class comment).
                deliveries.markUnconfirmed(key, attempt, unknown.reason(), at);
                yield new Result(key, Outcome.UNCONFIRMED, unknown.reason());
            }
            case DeliveryResult.Throttled throttled -> {
                if (claimed.throttles() >= settings.maxThrottles()) {
                    String reason = "gave up after " + (claimed.throttles() + 1) + " deferrals for the send rate: "
                            + throttled.reason();
                    deliveries.markFailed(key, attempt, reason, at);
                    yield new Result(key, Outcome.FAILED_PERMANENT, reason);
                }
                deliveries.markThrottled(key, attempt, throttled.reason(), at, at.plus(settings.throttleDelay()));
                yield new Result(key, Outcome.THROTTLED, throttled.reason());
            }
            case DeliveryResult.TransientFailure failure -> {
                if (attempt >= settings.maxAttempts()) {
                    String reason = "gave up after " + attempt + " attempts: " + failure.reason();
                    deliveries.markFailed(key, attempt, reason, at);
                    yield new Result(key, Outcome.FAILED_PERMANENT, reason);
                }
                Instant next = at.plus(settings.firstRetryDelay().multipliedBy(1L << Math.min(attempt - 1, 20)));
                deliveries.markRetrying(key, attempt, failure.reason(), at, next);
                yield new Result(key, Outcome.RETRYING, failure.reason());
            }
        };
    }
}
