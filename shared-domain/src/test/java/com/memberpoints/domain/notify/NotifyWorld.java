package com.memberpoints.domain.notify;

import com.memberpoints.domain.ledger.InMemoryLedgerStore;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.port.DeliveryResult;
import com.memberpoints.domain.port.EmailSender;
import com.memberpoints.domain.port.MemberStore;
import com.memberpoints.domain.port.MerchantStore;
import com.memberpoints.domain.port.SmsSender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** A dispatcher over in-memory ports, with senders that record what they were given (ports, not AWS). */
final class NotifyWorld {

    final Map<MerchantId, Merchant> merchants = new ConcurrentHashMap<>();
    final Map<MemberId, MemberProfile> members = new ConcurrentHashMap<>();
    final InMemoryLedgerStore ledger = new InMemoryLedgerStore();
    final InMemoryDeliveryStore deliveries = new InMemoryDeliveryStore();
    final List<EmailSender.EmailMessage> emails = new CopyOnWriteArrayList<>();
    final List<SmsSender.SmsMessage> sms = new CopyOnWriteArrayList<>();
    /** Scripted answers, first in first out; empty means Sent. */
    final Deque<DeliveryResult> emailAnswers = new ConcurrentLinkedDeque<>();
    final Deque<DeliveryResult> smsAnswers = new ConcurrentLinkedDeque<>();
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2021-12-04T02:00:00Z"));
    final AtomicLong ids = new AtomicLong();

    final NotificationDispatcher dispatcher;

    NotifyWorld() {
        MerchantStore merchantStore = new MerchantStore() {
            public Optional<Merchant> find(MerchantId merchant) {
                return Optional.ofNullable(merchants.get(merchant));
            }

            public void save(Merchant merchant) {
                merchants.put(merchant.id(), merchant);
            }

            public List<MerchantId> all() {
                return new ArrayList<>(merchants.keySet());
            }
        };
        MemberStore memberStore = new MemberStore() {
            public Optional<MemberProfile> find(MerchantId merchant, MemberId member) {
                return Optional.ofNullable(members.get(member));
            }

            public Map<MemberId, MemberProfile> findAll(MerchantId merchant, Collection<MemberId> ids) {
                throw new UnsupportedOperationException();
            }

            public UpsertResult upsert(MemberProfile profile) {
                members.put(profile.member(), profile);
                return UpsertResult.STORED;
            }
        };
        EmailSender email = m -> {
            DeliveryResult r = emailAnswers.poll();
            if (r == null || r instanceof DeliveryResult.Sent) {
                emails.add(m);
                return new DeliveryResult.Sent("email-" + ids.incrementAndGet());
            }
            return r;
        };
        SmsSender smsSender = m -> {
            DeliveryResult r = smsAnswers.poll();
            if (r == null || r instanceof DeliveryResult.Sent) {
                sms.add(m);
                return new DeliveryResult.Sent("sms-" + ids.incrementAndGet());
            }
            return r;
        };
        RateLimiter unlimited = new RateLimiter(1e9, 1_000_000, System::nanoTime, n -> {});
        dispatcher = new NotificationDispatcher(merchantStore, memberStore, ledger, deliveries, email, smsSender,
                unlimited, unlimited, now::get, new NotificationDispatcher.Settings(3, Duration.ofMinutes(1)));
    }

    static MemberProfile member(Merchant store, String id, Optional<String> email, Optional<String> phone,
                                Optional<Locale> locale) {
        return new MemberProfile(store.id(), MemberId.of(id), Optional.of("Amy"), email, phone, locale,
                Optional.empty(), Instant.parse("2021-01-01T00:00:00Z"));
    }
}
