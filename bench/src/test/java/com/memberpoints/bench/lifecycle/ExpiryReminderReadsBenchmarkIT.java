package com.memberpoints.bench.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.CachingMerchantStore;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.notify.DeliveryResult;
import com.memberpoints.domain.notify.ExpiryReminder;
import com.memberpoints.domain.notify.ExpiryReminderPass;
import com.memberpoints.domain.notify.ExpiryReminderStore;
import com.memberpoints.domain.notify.NotificationDispatcher;
import com.memberpoints.domain.notify.RateLimiter;
import com.memberpoints.domain.notify.ReminderProgress;
import com.memberpoints.domain.settings.CachingSettingsStore;
import com.memberpoints.domain.settings.ExpiryReminders;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.infra.dynamodb.DynamoDbDeliveryStore;
import com.memberpoints.infra.dynamodb.DynamoDbExpiryReminderStore;
import com.memberpoints.infra.dynamodb.DynamoDbLedgerStore;
import com.memberpoints.infra.dynamodb.DynamoDbMemberStore;
import com.memberpoints.infra.dynamodb.DynamoDbMerchantStore;
import com.memberpoints.infra.dynamodb.DynamoDbSettingsStore;
import com.memberpoints.infra.testing.DynamoDbLocal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Expiry reminders, measured (issue 12 item 2): R = 100 members hold points expiring in 14 days, among M members
 * with lots (the others expire next year), for M = 1,000 and M = 10,000. The reminder pass (the real
 * {@link ExpiryReminderPass} over the DynamoDB adapters on DynamoDB Local) and the dispatch of its markers (what
 * the stream's dispatcher does) must read per reminded member the same whatever M: they walk the expiry index from
 * the reminder window, never the members. Items read are counted from the DynamoDB responses
 * ({@link ItemsReadCounter}) and printed.
 */
class ExpiryReminderReadsBenchmarkIT {
    static final int REMINDED = 100;
    static final ZoneId ZONE = ZoneId.of("Asia/Taipei");
    static final LocalDate EXPIRY_DATE = LocalDate.of(2024, 12, 31);
    static final Instant EXPIRES = EXPIRY_DATE.plusDays(1).atStartOfDay(ZONE).toInstant().minusSeconds(1);
    /** 00:00 on 17 December, local: the first run 14 days before the expiry date. */
    static final Instant PASS_AT = EXPIRY_DATE.minusDays(14).atStartOfDay(ZONE).toInstant();

    /** What one population measured. */
    record Figures(int members, long passItems, long passCalls, long dispatchItems, long dispatchCalls, int reminded,
                   long sent) {}

    @Test
    void reminderReadsPerRemindedMemberDoNotGrowWithTheMembers() throws Exception {
        Figures small = measure(1_000);
        Figures large = measure(10_000);
        System.out.printf("%n=== Expiry reminder reads (DynamoDB Local, %d members reminded, 14 days before) ===%n",
                REMINDED);
        for (Figures f : List.of(small, large)) {
            System.out.printf("M = %,6d members with lots: pass %,d items in %,d read calls (%.2f items per reminded"
                            + " member); dispatch %,d items in %,d read calls (%.2f per reminded member); %d reminded,"
                            + " %d messages sent%n",
                    f.members(), f.passItems(), f.passCalls(), f.passItems() / (double) f.reminded(), f.dispatchItems(),
                    f.dispatchCalls(), f.dispatchItems() / (double) f.reminded(), f.reminded(), f.sent());
        }
        assertThat(small.reminded()).isEqualTo(REMINDED);
        assertThat(large.reminded()).isEqualTo(REMINDED);
        assertThat(large.sent()).isEqualTo(2L * REMINDED);
        // Reads depend on the members to remind, not on the members: the same figures with 10x the members.
        assertThat(large.passItems()).isEqualTo(small.passItems());
        assertThat(large.dispatchItems()).isEqualTo(small.dispatchItems());
        assertThat(large.passItems()).isLessThanOrEqualTo(3L * REMINDED);
    }

    private Figures measure(int members) throws Exception {
        DynamoDbLocal local = DynamoDbLocal.shared();
        String table = local.createLedgerTable();
        ItemsReadCounter counter = new ItemsReadCounter();
        MerchantId shop = MerchantId.of("shop-1");
        Instant seededAt = EXPIRY_DATE.minusMonths(6).atStartOfDay(ZONE).toInstant();
        Instant nextYear = EXPIRES.plus(Duration.ofDays(365));
        try (DynamoDbClient client = local.clientBuilder()
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter)).build()) {
            LedgerStore ledger = new DynamoDbLedgerStore(client, table);
            DynamoDbMerchantStore merchantStore = new DynamoDbMerchantStore(client, table);
            merchantStore.save(new Merchant(shop, "Shop One", Currency.getInstance("TWD"), ZONE, Locale.ENGLISH,
                    Set.of(), true, true, Set.of()));
            SettingsStore settingsStore = new DynamoDbSettingsStore(client, table);
            settingsStore.save(shop, MerchantSettings.defaults().withExpiryReminders(
                    new ExpiryReminders(true, 14, true, true)), 0,
                    new SettingsStore.ChangeLogEntry(Actor.SYSTEM, seededAt, List.of()));
            DynamoDbMemberStore memberStore = new DynamoDbMemberStore(client, table);
            int every = members / REMINDED;
            for (int i = 0; i < members; i += every) {
                MemberId m = MemberId.of(member(i));
                assertThat(ledger.apply(LedgerCommand.manualAdd(WalletRef.points(shop, m), "seed", 50,
                        Optional.of(EXPIRES), "seed", Actor.SYSTEM, seededAt))).isInstanceOf(LedgerResult.Applied.class);
                memberStore.upsert(new MemberProfile(shop, m, Optional.of("M " + i), Optional.of(m.value() + "@example.com"),
                        Optional.of("+8869" + String.format("%08d", i)), Optional.empty(), Optional.empty(), seededAt));
            }
            // The others: copies of one wallet written through the adapter, bulk-loaded (as DailySweepReadsBenchmarkIT).
            String template = "tmplxq";
            assertThat(ledger.apply(LedgerCommand.manualAdd(WalletRef.points(shop, MemberId.of(template)), "seed", 50,
                    Optional.of(nextYear), "seed", Actor.SYSTEM, seededAt))).isInstanceOf(LedgerResult.Applied.class);
            List<Map<String, AttributeValue>> templateItems = client.scan(b -> b.tableName(table)).items().stream()
                    .filter(item -> item.values().stream().anyMatch(v -> v.s() != null && v.s().contains(template)))
                    .toList();
            List<WriteRequest> batch = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                if (i % every == 0) {
                    continue;
                }
                for (Map<String, AttributeValue> item : templateItems) {
                    Map<String, AttributeValue> copy = new HashMap<>();
                    for (var e : item.entrySet()) {
                        AttributeValue v = e.getValue();
                        copy.put(e.getKey(), v.s() != null ? AttributeValue.fromS(v.s().replace(template, member(i))) : v);
                    }
                    batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(copy).build()).build());
                    if (batch.size() == 25) {
                        DailySweepReadsBenchmarkIT.write(client, table, batch);
                        batch = new ArrayList<>();
                    }
                }
            }
            if (!batch.isEmpty()) {
                DailySweepReadsBenchmarkIT.write(client, table, batch);
            }

            // As in Lambda: merchant and settings cached per container; markers and progress on the table.
            CachingMerchantStore merchants = new CachingMerchantStore(merchantStore, Duration.ofMinutes(5), () -> PASS_AT);
            CachingSettingsStore settings = new CachingSettingsStore(settingsStore, Duration.ofMinutes(5), () -> PASS_AT);
            merchants.find(shop);
            settings.current(shop);
            DynamoDbExpiryReminderStore markerStore = new DynamoDbExpiryReminderStore(client, table);
            markerStore.saveProgress(shop, ReminderProgress.upTo(PASS_AT.minus(Duration.ofHours(1)))); // the run before
            List<ExpiryReminder> created = new ArrayList<>();
            ExpiryReminderStore outbox = new ExpiryReminderStore() {
                @Override
                public Recorded record(ExpiryReminder reminder) {
                    Recorded r = markerStore.record(reminder);
                    if (r.created()) {
                        created.add(r.reminder());
                    }
                    return r;
                }

                @Override
                public Optional<ExpiryReminder> find(WalletRef wallet, Instant expiresAt) {
                    return markerStore.find(wallet, expiresAt);
                }

                @Override
                public Optional<ReminderProgress> progress(MerchantId merchant) {
                    return markerStore.progress(merchant);
                }

                @Override
                public void saveProgress(MerchantId merchant, ReminderProgress progress) {
                    markerStore.saveProgress(merchant, progress);
                }
            };
            ExpiryReminderPass pass = new ExpiryReminderPass(merchants, settings, ledger, outbox);

            counter.reset();
            ExpiryReminderPass.PassReport report = pass.run(shop, PASS_AT, 20_000);
            long passItems = counter.items.get();
            long passCalls = counter.calls.get();

            AtomicLong sent = new AtomicLong();
            RateLimiter unlimited = new RateLimiter(1e9, 1_000_000, System::nanoTime, n -> {});
            NotificationDispatcher dispatcher = new NotificationDispatcher(merchants, memberStore, ledger,
                    new DynamoDbDeliveryStore(client, table), m -> new DeliveryResult.Sent("e-" + sent.incrementAndGet()),
                    m -> new DeliveryResult.Sent("s-" + sent.incrementAndGet()), unlimited, unlimited, () -> PASS_AT,
                    NotificationDispatcher.Settings.DEFAULT);
            counter.reset();
            created.forEach(dispatcher::remind); // the stream's dispatcher, one marker INSERT each
            return new Figures(members, passItems, passCalls, counter.items.get(), counter.calls.get(),
                    report.reminded(), sent.get());
        }
    }

    static String member(int i) {
        return String.format("m%05d", i);
    }
}
