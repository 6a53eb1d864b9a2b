package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.TierId;
import com.memberpoints.domain.notify.DeliveryResult;
import com.memberpoints.domain.notify.EmailSender;
import com.memberpoints.domain.notify.ExpiryReminder;
import com.memberpoints.domain.notify.ExpiryReminderPass;
import com.memberpoints.domain.notify.ExpiryReminderStore;
import com.memberpoints.domain.notify.NotificationDispatcher;
import com.memberpoints.domain.notify.RateLimiter;
import com.memberpoints.domain.notify.ReminderProgress;
import com.memberpoints.domain.notify.SmsSender;
import com.memberpoints.domain.settings.ExpiryReminders;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reminder markers and progress, the settings part, and the reminder pass over DynamoDB Local. */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbExpiryReminderStoreIT {
    static final Instant END_OF_2022 = Instant.parse("2022-12-31T15:59:59Z");
    static final Instant DEC_17 = Instant.parse("2022-12-16T16:00:00Z");

    private static DynamoDbClient client;
    private static String table;
    private static DynamoDbExpiryReminderStore store;
    private final MerchantId shop = MerchantId.of("shop-" + UUID.randomUUID().toString().substring(0, 8));

    @BeforeAll
    static void createTable(DynamoDbLocal local) {
        client = local.client();
        table = local.createLedgerTable();
        store = new DynamoDbExpiryReminderStore(client, table);
    }

    private ExpiryReminder marker(String member, long amount) {
        return new ExpiryReminder(WalletRef.points(shop, MemberId.of(member)), END_OF_2022, amount, amount, DEC_17, 14,
                NotifyChoice.BOTH);
    }

    @Test
    void aMarkerIsCreatedOnce_aLaterRecordGetsTheFirstBack() {
        ExpiryReminder first = marker("amy", 1098);
        assertThat(store.record(first)).isEqualTo(new ExpiryReminderStore.Recorded(first, true));
        ExpiryReminderStore.Recorded again = store.record(marker("amy", 5));
        assertThat(again.created()).isFalse();
        assertThat(again.reminder()).isEqualTo(first);
        assertThat(store.find(first.wallet(), END_OF_2022)).hasValue(first);
        assertThat(store.find(first.wallet(), END_OF_2022.plusSeconds(1))).isEmpty();
    }

    @Test
    void theMarkerItemHasItsDocumentedShape() {
        store.record(marker("amy", 1098));
        Map<String, AttributeValue> item = client.getItem(g -> g.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("R#" + shop.value() + "#amy"),
                "sk", AttributeValue.fromS("R#POINTS#001672502399")))).item();
        assertThat(item.get("merchant").s()).isEqualTo(shop.value());
        assertThat(item.get("member").s()).isEqualTo("amy");
        assertThat(item.get("wallet").s()).isEqualTo("POINTS");
        assertThat(item.get("amt").n()).isEqualTo("1098");
        assertThat(item.get("exp").n()).isEqualTo("1672502399");
        assertThat(item.get("expAt").s()).isEqualTo("2022-12-31T15:59:59Z");
        assertThat(item.get("at").s()).isEqualTo("2022-12-16T16:00:00Z");
        assertThat(item.get("ch").s()).isEqualTo("ES");
        assertThat(DynamoDbExpiryReminderStore.reminderOf(item)).hasValueSatisfying(r -> assertThat(r.amount())
                .isEqualTo(1098));
        assertThat(DynamoDbExpiryReminderStore.reminderOf(Map.of("pk", AttributeValue.fromS("R#" + shop.value()),
                "sk", AttributeValue.fromS("PROGRESS")))).isEmpty();
    }

    @Test
    void concurrentRecordsOfOneLotHaveExactlyOneCreator() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ExpiryReminderStore.Recorded>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                long amount = 10 + i;
                calls.add(() -> store.record(marker("race", amount)));
            }
            List<ExpiryReminderStore.Recorded> results = new ArrayList<>();
            for (Future<ExpiryReminderStore.Recorded> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            assertThat(results).filteredOn(ExpiryReminderStore.Recorded::created).hasSize(1);
            ExpiryReminder winner = results.stream().filter(ExpiryReminderStore.Recorded::created).findFirst()
                    .orElseThrow().reminder();
            assertThat(results).extracting(ExpiryReminderStore.Recorded::reminder).containsOnly(winner);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void progressRoundTrips() {
        assertThat(store.progress(shop)).isEmpty();
        ReminderProgress walking = new ReminderProgress(DEC_17, Optional.of("x.cursor"), END_OF_2022);
        store.saveProgress(shop, walking);
        assertThat(store.progress(shop)).hasValue(walking);
        store.saveProgress(shop, ReminderProgress.upTo(END_OF_2022));
        assertThat(store.progress(shop)).hasValue(ReminderProgress.upTo(END_OF_2022));
    }

    @Test
    void theSettingsPartIsStored_andAnItemWithoutItReadsOff() {
        DynamoDbSettingsStore settings = new DynamoDbSettingsStore(client, table);
        ExpiryReminders on = new ExpiryReminders(true, 30, true, true);
        MerchantSettings v1 = MerchantSettings.defaults().withExpiryReminders(on);
        settings.save(shop, v1, 0, new SettingsStore.ChangeLogEntry(Actor.SYSTEM, DEC_17, List.of()));
        assertThat(settings.current(shop).orElseThrow().expiryReminders()).isEqualTo(on);

        for (String sk : List.of("CURRENT", "V#000000000001")) {
            client.updateItem(u -> u.tableName(table).key(Map.of("pk", AttributeValue.fromS("S#" + shop.value()),
                    "sk", AttributeValue.fromS(sk))).updateExpression("REMOVE settings.reminders"));
        }
        assertThat(settings.current(shop).orElseThrow().expiryReminders()).isEqualTo(ExpiryReminders.OFF);
        assertThat(settings.byVersion(shop, 1).orElseThrow().expiryReminders()).isEqualTo(ExpiryReminders.OFF);
    }

    @Test
    void thePassRemindsThroughTheExpiryIndexOnceAndClaimsEachChannelOnce() {
        Merchant merchant = new Merchant(shop, "Shop One", Currency.getInstance("TWD"), ZoneId.of("Asia/Taipei"),
                Locale.ENGLISH, Set.of(Locale.forLanguageTag("zh-TW")), true, true, Set.<TierId>of());
        InMemoryMerchantStore merchants = new InMemoryMerchantStore();
        merchants.save(merchant);
        InMemoryMemberStore members = new InMemoryMemberStore();
        DynamoDbLedgerStore ledger = new DynamoDbLedgerStore(client, table);
        DynamoDbDeliveryStore deliveries = new DynamoDbDeliveryStore(client, table);
        List<EmailSender.EmailMessage> emails = new CopyOnWriteArrayList<>();
        List<SmsSender.SmsMessage> sms = new CopyOnWriteArrayList<>();
        RateLimiter unlimited = new RateLimiter(1e9, 1_000_000, System::nanoTime, n -> {});
        NotificationDispatcher dispatcher = new NotificationDispatcher(merchants, members, ledger, deliveries,
                m -> {
                    emails.add(m);
                    return new DeliveryResult.Sent("e-" + emails.size());
                },
                m -> {
                    sms.add(m);
                    return new DeliveryResult.Sent("s-" + sms.size());
                }, unlimited, unlimited, () -> DEC_17, NotificationDispatcher.Settings.DEFAULT);
        ExpiryReminders choice = new ExpiryReminders(true, 14, true, true);
        SettingsStore settings = new DynamoDbSettingsStore(client, table);
        settings.save(shop, MerchantSettings.defaults().withExpiryReminders(choice), 0,
                new SettingsStore.ChangeLogEntry(Actor.SYSTEM, DEC_17, List.of()));
        for (int i = 0; i < 40; i++) {
            MemberId m = MemberId.of((i < 3 ? "near-" : "far-") + i);
            members.upsert(new MemberProfile(shop, m, Optional.empty(), Optional.of(m.value() + "@example.com"),
                    Optional.of("+88690000" + String.format("%04d", i)), Optional.empty(), Optional.empty(), DEC_17));
            Instant expiry = i < 3 ? END_OF_2022 : END_OF_2022.plus(Duration.ofDays(365));
            ledger.apply(LedgerCommand.manualAdd(WalletRef.points(shop, m), "seed-" + i, 100 + i, Optional.of(expiry),
                    "seed", Actor.SYSTEM, Instant.parse("2022-01-01T00:00:00Z")));
        }
        DynamoDbExpiryReminderStore reminders = new DynamoDbExpiryReminderStore(client, table);
        ExpiryReminderPass pass = new ExpiryReminderPass(merchants, settings, ledger, reminders);

        ExpiryReminderPass.PassReport first = pass.run(shop, DEC_17, 1000);
        // a retried run that lost its progress, then the next hour's
        reminders.saveProgress(shop, ReminderProgress.upTo(DEC_17));
        ExpiryReminderPass.PassReport retry = pass.run(shop, DEC_17, 1000);
        ExpiryReminderPass.PassReport next = pass.run(shop, DEC_17.plus(Duration.ofHours(1)), 1000);
        // the stream hands each marker to the dispatcher, here twice (a retried stream batch)
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 3; i++) {
                reminders.find(WalletRef.points(shop, MemberId.of("near-" + i)), END_OF_2022)
                        .ifPresent(dispatcher::remind);
            }
        }

        assertThat(first.walletsRead()).isEqualTo(3);
        assertThat(first.reminded()).isEqualTo(3);
        assertThat(retry.alreadyReminded()).isEqualTo(3);
        assertThat(retry.reminded()).isZero();
        assertThat(next.walletsRead()).isZero();
        assertThat(emails).extracting(EmailSender.EmailMessage::to)
                .containsExactlyInAnyOrder("near-0@example.com", "near-1@example.com", "near-2@example.com");
        assertThat(emails).allSatisfy(m -> assertThat(m.subject()).contains("points expire on December 31, 2022"));
        assertThat(sms).hasSize(3);
        assertThat(deliveries.usage(shop, YearMonth.of(2022, 12)).messages()).isEqualTo(3);
        assertThat(reminders.find(WalletRef.points(shop, MemberId.of("near-1")), END_OF_2022))
                .hasValueSatisfying(r -> assertThat(r.amount()).isEqualTo(101));
    }
}
