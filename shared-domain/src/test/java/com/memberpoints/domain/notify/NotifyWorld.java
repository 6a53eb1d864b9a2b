package com.memberpoints.domain.notify;

import com.memberpoints.domain.inmemory.InMemoryDeliveryStore;

import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MemberId;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** A dispatcher over in-memory ports, with senders that record what they were given (ports, not AWS). */
final class NotifyWorld {

    final InMemoryMerchantStore merchants = new InMemoryMerchantStore();
    final InMemoryMemberStore members = new InMemoryMemberStore();
    private final AtomicLong profileVersion = new AtomicLong();
    final InMemoryLedgerStore ledger = new InMemoryLedgerStore();
    final InMemoryDeliveryStore deliveries = new InMemoryDeliveryStore();
    final List<EmailSender.EmailMessage> emails = new CopyOnWriteArrayList<>();
    final List<SmsSender.SmsMessage> sms = new CopyOnWriteArrayList<>();
    /**
     * Scripted answers, first in first out; empty means Sent. An {@link DeliveryResult.Unknown} answer is given
     * AFTER the message was recorded as delivered (the provider accepted it, the answer was lost).
     */
    final Deque<DeliveryResult> emailAnswers = new ConcurrentLinkedDeque<>();
    final Deque<DeliveryResult> smsAnswers = new ConcurrentLinkedDeque<>();
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2021-12-04T02:00:00Z"));
    final AtomicLong ids = new AtomicLong();

    final NotificationDispatcher dispatcher;

    NotifyWorld() {
        this(null);
    }

    /** With {@code emailOverride} non-null, emails go to it instead of the recording sender. */
    NotifyWorld(EmailSender emailOverride) {
        this(emailOverride, SendBudget.UNLIMITED, new NotificationDispatcher.Settings(3, Duration.ofMinutes(1)));
    }

    /** With an account-wide send budget and dispatcher settings. */
    NotifyWorld(SendBudget budget, NotificationDispatcher.Settings settings) {
        this(null, budget, settings);
    }

    private NotifyWorld(EmailSender emailOverride, SendBudget budget, NotificationDispatcher.Settings settings) {
        EmailSender recording = m -> {
            DeliveryResult r = emailAnswers.poll();
            if (r == null || r instanceof DeliveryResult.Sent) {
                emails.add(m);
                return new DeliveryResult.Sent("email-" + ids.incrementAndGet());
            }
            if (r instanceof DeliveryResult.Unknown) {
                emails.add(m); // the worst case of a lost answer: the provider did accept the message
            }
            return r;
        };
        SmsSender smsSender = m -> {
            DeliveryResult r = smsAnswers.poll();
            if (r == null || r instanceof DeliveryResult.Sent) {
                sms.add(m);
                return new DeliveryResult.Sent("sms-" + ids.incrementAndGet());
            }
            if (r instanceof DeliveryResult.Unknown) {
                sms.add(m); // the worst case of a lost answer: the provider did accept the message
            }
            return r;
        };
        RateLimiter unlimited = new RateLimiter(1e9, 1_000_000, System::nanoTime, n -> {});
        EmailSender email = emailOverride != null ? emailOverride : recording;
        dispatcher = new NotificationDispatcher(merchants, members, ledger, deliveries, email, smsSender,
                unlimited, unlimited, budget, now::get, settings);
    }

    /** Stores a profile, newer than any stored before (the store ignores older ones). */
    MemberProfile member(Merchant store, String id, Optional<String> email, Optional<String> phone,
                         Optional<Locale> locale) {
        MemberProfile p = new MemberProfile(store.id(), MemberId.of(id), Optional.of("Amy"), email, phone, locale,
                Optional.empty(), Instant.parse("2021-01-01T00:00:00Z").plusSeconds(profileVersion.incrementAndGet()));
        members.upsert(p);
        return p;
    }
}
