package com.memberpoints.infra.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.notify.NotificationDispatcher;
import com.memberpoints.domain.notify.RateLimiter;
import com.memberpoints.domain.notify.SmsCounter;
import com.memberpoints.infra.dynamodb.DynamoDbDeliveryStore;
import com.memberpoints.infra.dynamodb.DynamoDbLedgerStore;
import com.memberpoints.infra.ses.SesEmailSender;
import com.memberpoints.infra.sns.SnsSmsSender;
import com.memberpoints.infra.testing.AwsEmulator;
import com.memberpoints.infra.testing.AwsEmulatorTest;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The whole notification path on emulators: the ledger and delivery records in DynamoDB Local, email through
 * SES v2 and SMS through SNS on moto (or LocalStack); what was sent is read back from the emulator.
 */
@AwsEmulatorTest
@ExtendWith(DynamoDbLocalExtension.class)
class NotificationDispatchIT {

    private static final String FROM = "points@notify-it.example.com";
    private static final Instant AT = Instant.parse("2021-12-04T01:00:00Z");
    private static final Optional<Instant> END_2022 = Optional.of(Instant.parse("2022-12-31T15:59:59Z"));

    private static DynamoDbLedgerStore ledger;
    private static DynamoDbDeliveryStore deliveries;
    private final InMemoryMemberStore members = new InMemoryMemberStore();
    private final MerchantId shopId = MerchantId.of("shop-" + UUID.randomUUID().toString().substring(0, 8));
    private final Merchant shop = new Merchant(shopId, "Tea & Co", Currency.getInstance("TWD"),
            ZoneId.of("Asia/Taipei"), Locale.ENGLISH, Set.of(Locale.forLanguageTag("zh-TW")), true, true, Set.of());

    @BeforeAll
    static void setUp(DynamoDbLocal local, SesV2Client ses) {
        String table = local.createLedgerTable();
        ledger = new DynamoDbLedgerStore(local.client(), table);
        deliveries = new DynamoDbDeliveryStore(local.client(), table);
        ses.createEmailIdentity(r -> r.emailIdentity(FROM));
    }

    private NotificationDispatcher dispatcher(AwsEmulator emulator) {
        InMemoryMerchantStore merchants = new InMemoryMerchantStore();
        merchants.save(shop);
        return new NotificationDispatcher(merchants, members, ledger, deliveries,
                new SesEmailSender(emulator.sesV2(), FROM, Optional.empty()),
                new SnsSmsSender(emulator.clients().sns(), Optional.of("TeaCo")),
                RateLimiter.perSecond(50, 50), RateLimiter.perSecond(50, 50), Instant::now,
                NotificationDispatcher.Settings.DEFAULT);
    }

    private MemberProfile member(Locale locale) {
        String id = "m-" + UUID.randomUUID().toString().substring(0, 8);
        MemberProfile p = new MemberProfile(shopId, MemberId.of(id), Optional.of("Amy <Lin>"),
                Optional.of(id + "@example.com"),
                Optional.of("+1555" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000))),
                Optional.of(locale), Optional.empty(), Instant.parse("2021-01-01T00:00:00Z"));
        members.upsert(p);
        return p;
    }

    private static JournalEntry applied(LedgerResult r) {
        return ((LedgerResult.Applied) r).entry();
    }

    @Test
    void anOrderEarnSendsTheEmailAndSmsTheEmulatorRecords(AwsEmulator emulator) {
        MemberProfile amy = member(Locale.ENGLISH);
        JournalEntry earn = applied(ledger.apply(LedgerCommand.earn(shopId, amy.member(), OrderId.of("o-1"), 120,
                END_2022, AT)));

        NotificationDispatcher.Report report = dispatcher(emulator).dispatch(List.of(earn));

        assertThat(report.count(NotificationDispatcher.Outcome.SENT)).isEqualTo(2);
        AwsEmulator.SentEmail email = emailsTo(emulator, amy).getFirst();
        assertThat(email.source()).isEqualTo(FROM);
        assertThat(email.subject()).isEqualTo("Tea & Co: you earned 120 points");
        // moto keeps the HTML part: the member's name and the store name are escaped there.
        assertThat(email.body()).contains("Hi Amy &lt;Lin&gt;,").contains("Tea &amp; Co")
                .contains("Your balance is now 120 points.").contains("December 31, 2022");
        AwsEmulator.SentSms sms = smsTo(emulator, amy).getFirst();
        assertThat(sms.message()).isEqualTo("Tea & Co: you earned 120 points. Balance: 120 points."
                + " Next expiry: December 31, 2022.");
        assertThat(deliveries.usage(shopId, YearMonth.now(shop.zone())).parts())
                .isEqualTo(SmsCounter.count(sms.message()).parts());
    }

    @Test
    void theSameEntryDispatchedThreeTimesAndConcurrentlySendsOneEmailAndOneSms(AwsEmulator emulator) throws Exception {
        MemberProfile amy = member(Locale.forLanguageTag("zh-TW"));
        JournalEntry earn = applied(ledger.apply(LedgerCommand.earn(shopId, amy.member(), OrderId.of("o-2"), 50,
                END_2022, AT)));
        NotificationDispatcher dispatcher = dispatcher(emulator);
        for (int i = 0; i < 3; i++) {
            dispatcher.dispatch(List.of(earn));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<NotificationDispatcher.Report>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> dispatcher(emulator).dispatch(List.of(earn)));
            }
            for (var f : pool.invokeAll(calls)) {
                assertThat(f.get().count(NotificationDispatcher.Outcome.SENT)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(emailsTo(emulator, amy)).singleElement()
                .satisfies(e -> assertThat(e.subject()).isEqualTo("Tea & Co：您獲得 50 點"));
        assertThat(smsTo(emulator, amy)).singleElement()
                .satisfies(s -> assertThat(s.message()).startsWith("Tea & Co：您獲得 50 點，餘額 50 點。"));
    }

    @Test
    void concurrentFirstDispatchesSendOnce(AwsEmulator emulator) throws Exception {
        MemberProfile amy = member(Locale.ENGLISH);
        JournalEntry credit = applied(ledger.apply(LedgerCommand.rewardCredit(shopId, amy.member(), OrderId.of("o-3"),
                1000, Optional.empty(), AT)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long sent = 0;
        try {
            List<Callable<NotificationDispatcher.Report>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> dispatcher(emulator).dispatch(List.of(credit)));
            }
            for (var f : pool.invokeAll(calls)) {
                sent += f.get().count(NotificationDispatcher.Outcome.SENT);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sent).isEqualTo(2);
        assertThat(emailsTo(emulator, amy)).singleElement()
                .satisfies(e -> assertThat(e.subject()).isEqualTo("Tea & Co: you received NT$10.00 in store credits"));
        assertThat(smsTo(emulator, amy)).hasSize(1);
    }

    @Test
    void theStaffChoiceTravelsThroughTheDynamoDbJournalAndADeductionSendsNothing(AwsEmulator emulator) {
        MemberProfile amy = member(Locale.ENGLISH);
        WalletRef points = WalletRef.points(shopId, amy.member());
        applied(ledger.apply(LedgerCommand.manualAdd(points, "req-1", 30, END_2022, "Welcome gift",
                Actor.staff("s-1"), AT).withNotification(new NotifyChoice(false, true))));
        applied(ledger.apply(LedgerCommand.manualDeduct(points, "req-2", 10, "Correction", Actor.staff("s-1"), AT)));
        // As the stream would deliver them: read back from the table.
        List<JournalEntry> journal = ledger.history(points, PageRequest.first(10)).items();
        assertThat(journal).extracting(JournalEntry::notification)
                .containsExactlyInAnyOrder(new NotifyChoice(false, true), NotifyChoice.NONE);

        dispatcher(emulator).dispatch(journal);

        assertThat(emailsTo(emulator, amy)).isEmpty();
        assertThat(smsTo(emulator, amy)).singleElement()
                .satisfies(s -> assertThat(s.message()).contains("30 points added (Welcome gift)"));
    }

    private static List<AwsEmulator.SentEmail> emailsTo(AwsEmulator emulator, MemberProfile m) {
        return emulator.sentEmails().stream().filter(e -> e.to().contains(m.email().orElseThrow())).toList();
    }

    private static List<AwsEmulator.SentSms> smsTo(AwsEmulator emulator, MemberProfile m) {
        return emulator.sentSms().stream().filter(s -> s.phoneNumber().equals(m.phone().orElseThrow())).toList();
    }
}
