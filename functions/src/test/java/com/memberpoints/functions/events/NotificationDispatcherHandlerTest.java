package com.memberpoints.functions.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.inmemory.InMemoryDeliveryStore;
import com.memberpoints.domain.notify.NotificationDispatcher;
import com.memberpoints.domain.notify.RateLimiter;
import com.memberpoints.domain.notify.DeliveryResult;
import com.memberpoints.domain.notify.EmailSender;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.notify.SmsSender;
import com.memberpoints.functions.platform.CapturedLog;
import com.memberpoints.functions.platform.TestContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The stream handler on a DynamoDB stream event fixture; senders are port fakes that record what they got. */
class NotificationDispatcherHandlerTest {

    private final InMemoryMerchantStore merchants = new InMemoryMerchantStore();
    private final InMemoryMemberStore members = new InMemoryMemberStore();
    private final InMemoryDeliveryStore deliveries = new InMemoryDeliveryStore();
    private final List<EmailSender.EmailMessage> emails = new CopyOnWriteArrayList<>();
    private final List<SmsSender.SmsMessage> sms = new CopyOnWriteArrayList<>();
    private final CapturedLog log = new CapturedLog();

    NotificationDispatcherHandlerTest() {
        merchants.save(new Merchant(MerchantId.of("shop-1"), "Tea & Co", Currency.getInstance("TWD"),
                ZoneId.of("Asia/Taipei"), Locale.ENGLISH, Set.of(), true, true, Set.of()));
        members.upsert(new MemberProfile(MerchantId.of("shop-1"), MemberId.of("amy"), Optional.of("Amy"),
                Optional.of("amy@example.com"), Optional.of("+886912345678"), Optional.empty(), Optional.empty(),
                Instant.parse("2021-01-01T00:00:00Z")));
    }

    private NotificationDispatcherHandler handler(MemberStore memberStore) {
        EmailSender email = m -> {
            emails.add(m);
            return new DeliveryResult.Sent("e-" + emails.size());
        };
        SmsSender smsSender = m -> {
            sms.add(m);
            return new DeliveryResult.Sent("s-" + sms.size());
        };
        RateLimiter unlimited = new RateLimiter(1e9, 1_000_000, System::nanoTime, n -> {});
        return new NotificationDispatcherHandler(new NotificationDispatcher(merchants, memberStore,
                new InMemoryLedgerStore(), deliveries, email, smsSender, unlimited, unlimited, Instant::now,
                NotificationDispatcher.Settings.DEFAULT), log.logger());
    }

    @Test
    void expiryReminderMarkersAreDispatchedOnce_otherReminderItemsSkipped() {
        members.upsert(new MemberProfile(MerchantId.of("shop-1"), MemberId.of("bo"), Optional.empty(),
                Optional.of("bo@example.com"), Optional.of("+886900000002"), Optional.of(Locale.forLanguageTag("zh-TW")),
                Optional.empty(), Instant.parse("2021-01-01T00:00:00Z")));
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/dynamodb-stream-reminder.json");

        StreamsEventResponse response = handler(members).handleRequest(event, new TestContext());

        assertThat(response.getBatchItemFailures()).isEmpty();
        // amy's marker (inserted twice: a redelivery) reaches her once per channel; bo's marker chose email only
        assertThat(emails).extracting(EmailSender.EmailMessage::to).containsExactly("amy@example.com", "bo@example.com");
        assertThat(emails.getFirst().subject()).isEqualTo("Tea & Co: 1,098 points expire on December 31, 2022");
        assertThat(emails.get(1).subject()).contains("購物金將於").contains("2022年12月31日");
        assertThat(sms).extracting(SmsSender.SmsMessage::text)
                .containsExactly("Tea & Co: 1,098 points expire on December 31, 2022. Balance: 1,200 points.");
        assertThat(log.lines()).anySatisfy(l -> assertThat(l).contains("expiry reminder dispatched")
                .contains("N#POINTS#REMIND#1672502399"));
    }

    @Test
    void journalInsertsAreDispatchedOtherRecordsSkippedAndTheStaffChoiceHonoured() {
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/dynamodb-stream-journal.json");

        StreamsEventResponse response = handler(members).handleRequest(event, new TestContext());

        assertThat(response.getBatchItemFailures()).isEmpty();
        // EARN: email and SMS; the deduction: nothing; the manual add chose SMS only ("nt": "S").
        assertThat(emails).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("Tea & Co: you earned 120 points"));
        assertThat(sms).extracting(SmsSender.SmsMessage::text).containsExactly(
                "Tea & Co: you earned 120 points. Balance: 120 points.",
                "Tea & Co: 30 points added (Birthday). Balance: 130 points.");
    }

    @Test
    void theSameBatchDeliveredAgainSendsNothingMore() {
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/dynamodb-stream-journal.json");
        NotificationDispatcherHandler handler = handler(members);
        handler.handleRequest(event, new TestContext());
        handler.handleRequest(event, new TestContext());
        handler.handleRequest(event, new TestContext());
        assertThat(emails).hasSize(1);
        assertThat(sms).hasSize(2);
    }

    @Test
    void aStoreFailureReportsTheRecordForARetryAndStopsThere() {
        MemberStore broken = new MemberStore() {
            public Optional<MemberProfile> find(MerchantId merchant, MemberId member) {
                throw new MemberStoreException("DynamoDB unavailable", new RuntimeException());
            }

            public Map<MemberId, MemberProfile> findAll(MerchantId merchant, Collection<MemberId> ids) {
                throw new UnsupportedOperationException();
            }

            public UpsertResult upsert(MemberProfile profile) {
                throw new UnsupportedOperationException();
            }
        };
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/dynamodb-stream-journal.json");

        StreamsEventResponse response = handler(broken).handleRequest(event, new TestContext());

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("000000000000000000101");
        assertThat(emails).isEmpty();
        assertThat(log.lines()).anyMatch(l -> l.contains("the stream will retry"));
    }
}
