package com.memberpoints.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.inmemory.InMemoryDeliveryStore;
import com.memberpoints.domain.notify.NotificationDispatcher;
import com.memberpoints.domain.notify.RateLimiter;
import com.memberpoints.domain.notify.DeliveryResult;
import com.memberpoints.domain.notify.EmailSender;
import com.memberpoints.domain.notify.SmsSender;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The messages one order produces, in process, the way the local stack drives notifications: ledger writes,
 * then the journal entries handed to {@link NotificationDispatcher#dispatch} (locally in place of the DynamoDB
 * stream), senders writing to an outbox. Prints the outbox, so {@code ./mvnw -pl local test
 * -Dtest=OrderNotificationsLocalRunTest} shows them.
 */
class OrderNotificationsLocalRunTest {

    record Sent(String channel, String to, String subject, String text) {}

    @Test
    void anOrderProducesOnePointsAndOneCreditsMessagePerChannelAndADeductionNone() {
        MerchantId shopId = MerchantId.of("demo-shop");
        Merchant shop = new Merchant(shopId, "Demo Tea Shop", Currency.getInstance("TWD"), ZoneId.of("Asia/Taipei"),
                Locale.forLanguageTag("zh-TW"), Set.of(Locale.ENGLISH), true, true, Set.of());
        InMemoryMerchantStore merchants = new InMemoryMerchantStore();
        merchants.save(shop);
        InMemoryMemberStore members = new InMemoryMemberStore();
        MemberId amy = MemberId.of("amy");
        members.upsert(new MemberProfile(shopId, amy, Optional.of("Amy Lin"), Optional.of("amy@example.com"),
                Optional.of("+886912345678"), Optional.of(Locale.ENGLISH), Optional.empty(),
                Instant.parse("2021-11-01T00:00:00Z")));
        InMemoryLedgerStore ledger = new InMemoryLedgerStore();
        List<Sent> outbox = new ArrayList<>();
        EmailSender email = m -> {
            outbox.add(new Sent("email", m.to(), m.subject(), m.text()));
            return new DeliveryResult.Sent("local-" + outbox.size());
        };
        SmsSender sms = m -> {
            outbox.add(new Sent("sms", m.phoneNumber(), "", m.text()));
            return new DeliveryResult.Sent("local-" + outbox.size());
        };
        InMemoryDeliveryStore deliveries = new InMemoryDeliveryStore();
        NotificationDispatcher dispatcher = new NotificationDispatcher(merchants, members, ledger, deliveries, email,
                sms, RateLimiter.perSecond(100, 100), RateLimiter.perSecond(100, 100),
                () -> Instant.parse("2021-12-04T01:00:00Z"), NotificationDispatcher.Settings.DEFAULT);

        // Order o-1001 (864.00): paid → 10.00 reward credits; collected 1 Dec, X = 3 → 86 points on 4 Dec,
        // expiring 2022-12-31 23:59:59 Taipei; then staff deduct 6 points (never notified).
        OrderId order = OrderId.of("o-1001");
        Optional<Instant> expiry = Optional.of(Instant.parse("2022-12-31T15:59:59Z"));
        apply(ledger, LedgerCommand.rewardCredit(shopId, amy, order, 1000, Optional.empty(),
                Instant.parse("2021-11-29T03:00:00Z")));
        apply(ledger, LedgerCommand.earn(shopId, amy, order, 86, expiry, Instant.parse("2021-12-03T16:00:00Z")));
        apply(ledger, LedgerCommand.manualDeduct(WalletRef.points(shopId, amy), "req-7", 6, "Typo",
                Actor.staff("bob"), Instant.parse("2021-12-04T00:30:00Z")));
        List<JournalEntry> journal = new ArrayList<>();
        journal.addAll(ledger.history(WalletRef.credits(shopId, amy), PageRequest.first(10)).items());
        journal.addAll(ledger.history(WalletRef.points(shopId, amy), PageRequest.first(10)).items());

        dispatcher.dispatch(journal);
        dispatcher.dispatch(journal); // the stream may deliver again: nothing more is sent

        outbox.forEach(m -> System.out.println("OUTBOX " + m));
        assertThat(outbox).extracting(Sent::channel, Sent::to, Sent::subject).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("email", "amy@example.com",
                        "Demo Tea Shop: you received NT$10.00 in store credits"),
                org.assertj.core.groups.Tuple.tuple("sms", "+886912345678", ""),
                org.assertj.core.groups.Tuple.tuple("email", "amy@example.com", "Demo Tea Shop: you earned 86 points"),
                org.assertj.core.groups.Tuple.tuple("sms", "+886912345678", ""));
        assertThat(outbox).filteredOn(m -> m.channel().equals("sms")).extracting(Sent::text).containsExactlyInAnyOrder(
                "Demo Tea Shop: you received NT$10.00 in store credits. Credit balance: NT$10.00.",
                "Demo Tea Shop: you earned 86 points. Balance: 86 points. Next expiry: December 31, 2022.");
        assertThat(deliveries.usage(shopId, YearMonth.of(2021, 12)).messages()).isEqualTo(2);
    }

    private static void apply(InMemoryLedgerStore ledger, LedgerCommand command) {
        assertThat(ledger.apply(command)).isInstanceOf(LedgerResult.Applied.class);
    }
}
