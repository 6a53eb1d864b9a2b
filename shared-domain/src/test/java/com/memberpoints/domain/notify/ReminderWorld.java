package com.memberpoints.domain.notify;

import com.memberpoints.domain.inmemory.InMemoryExpiryReminderStore;
import com.memberpoints.domain.ledger.ExpiringLot;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.settings.ExpiryReminders;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link NotifyWorld} with the reminder pass over in-memory ports, and counters of the ledger reads it makes. */
final class ReminderWorld {
    final NotifyWorld notify = new NotifyWorld();
    final Merchant store = Fixtures.merchant();
    final InMemoryExpiryReminderStore markers = new InMemoryExpiryReminderStore();
    final AtomicReference<ExpiryReminders> choice = new AtomicReference<>(new ExpiryReminders(true, 14, true, true));
    final AtomicInteger walletReads = new AtomicInteger();
    final AtomicInteger indexQueries = new AtomicInteger();
    final ExpiryReminderPass pass;
    volatile boolean redeliver;

    ReminderWorld() {
        notify.merchants.save(store);
        SettingsStore settings = Fixtures.readOnlyPort(SettingsStore.class, Optional.empty());
        SettingsStore current = new SettingsStore() {
            @Override
            public Optional<MerchantSettings> current(MerchantId merchant) {
                return Optional.of(MerchantSettings.defaults().withExpiryReminders(choice.get()));
            }

            @Override
            public Optional<MerchantSettings> byVersion(MerchantId merchant, long version) {
                return settings.byVersion(merchant, version);
            }

            @Override
            public SaveResult save(MerchantId merchant, MerchantSettings s, long expectedVersion, ChangeLogEntry entry) {
                return settings.save(merchant, s, expectedVersion, entry);
            }

            @Override
            public Page<ActivityLogEntry> activityLog(MerchantId merchant, PageRequest page) {
                return settings.activityLog(merchant, page);
            }

            @Override
            public void appendActivity(MerchantId merchant, ChangeLogEntry entry) {
                settings.appendActivity(merchant, entry);
            }
        };
        pass = new ExpiryReminderPass(notify.merchants, current, new CountingLedger(), new Outbox());
    }

    /**
     * The markers as the table stream sees them: each created marker is handed to the dispatcher (the stream's
     * INSERT); with {@link #redeliver} on, a marker met again is handed over again too (an at-least-once stream
     * delivering a record twice, or a retried batch).
     */
    private final class Outbox implements ExpiryReminderStore {
        @Override
        public Recorded record(ExpiryReminder reminder) {
            Recorded r = markers.record(reminder);
            if (r.created() || redeliver) {
                notify.dispatcher.remind(r.reminder());
            }
            return r;
        }

        @Override
        public Optional<ExpiryReminder> find(WalletRef wallet, Instant expiresAt) {
            return markers.find(wallet, expiresAt);
        }

        @Override
        public Optional<ReminderProgress> progress(MerchantId merchant) {
            return markers.progress(merchant);
        }

        @Override
        public void saveProgress(MerchantId merchant, ReminderProgress progress) {
            markers.saveProgress(merchant, progress);
        }
    }

    /** Reads the in-memory ledger, counting wallet reads and index queries. */
    private final class CountingLedger extends DelegatingLedgerStore {
        CountingLedger() {
            super(notify.ledger);
        }

        @Override
        public com.memberpoints.domain.ledger.WalletState wallet(WalletRef ref) {
            walletReads.incrementAndGet();
            return super.wallet(ref);
        }

        @Override
        public Page<ExpiringLot> expiring(MerchantId merchant, Instant from, Instant to, PageRequest page) {
            indexQueries.incrementAndGet();
            return super.expiring(merchant, from, to, page);
        }
    }

    void member(String id, Optional<String> email, Optional<String> phone, String locale) {
        notify.member(store, id, email, phone, Optional.of(java.util.Locale.forLanguageTag(locale)));
    }

    void credit(WalletRef wallet, long amount, Instant expiresAt) {
        notify.ledger.apply(LedgerCommand.manualAdd(wallet, "seed-" + expiresAt.getEpochSecond() + "-" + amount,
                amount, Optional.of(expiresAt), "seed", Actor.SYSTEM, Instant.parse("2021-01-01T00:00:00Z")));
    }

    WalletRef points(String member) {
        return WalletRef.points(store.id(), MemberId.of(member));
    }

    WalletRef credits(String member) {
        return WalletRef.credits(store.id(), MemberId.of(member));
    }

    ExpiryReminderPass.PassReport runAt(Instant at, int maxWallets) {
        notify.now.set(at);
        return pass.run(store.id(), at, maxWallets);
    }
}
