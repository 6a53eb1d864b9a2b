package com.memberpoints.domain.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemorySettingsStore;
import com.memberpoints.domain.merchant.CachingMerchantStore;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingSettingsStoreTest {
    static final Duration TTL = Duration.ofSeconds(30);
    final Merchant merchant = Fixtures.merchant();
    final MerchantId shop = merchant.id();
    final InMemorySettingsStore backing = new InMemorySettingsStore();
    final AtomicInteger currentReads = new AtomicInteger();
    final AtomicInteger versionReads = new AtomicInteger();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    /** The backing store as another container sees it: every read counted. */
    final SettingsStore counted = new SettingsStore() {
        @Override
        public Optional<MerchantSettings> current(MerchantId m) {
            currentReads.incrementAndGet();
            return backing.current(m);
        }

        @Override
        public Optional<MerchantSettings> byVersion(MerchantId m, long version) {
            versionReads.incrementAndGet();
            return backing.byVersion(m, version);
        }

        @Override
        public SaveResult save(MerchantId m, MerchantSettings s, long expected, ChangeLogEntry e) {
            return backing.save(m, s, expected, e);
        }

        @Override
        public void appendActivity(MerchantId m, ChangeLogEntry e) {
            backing.appendActivity(m, e);
        }

        @Override
        public Page<ActivityLogEntry> activityLog(MerchantId m, PageRequest page) {
            return backing.activityLog(m, page);
        }
    };
    final CachingSettingsStore cached = new CachingSettingsStore(counted, TTL, () -> now);

    void saveElsewhere(long version) {
        backing.save(shop, Fixtures.settings().version(version).build(), version - 1,
                new SettingsStore.ChangeLogEntry(Actor.SYSTEM, now, List.of()));
    }

    @Test
    void currentIsReadOncePerTtlAndASaveElsewhereIsSeenWhenItExpires() {
        saveElsewhere(1);
        assertThat(cached.currentOrDefaults(shop).version()).isEqualTo(1);
        now = now.plusSeconds(10);
        saveElsewhere(2);
        assertThat(cached.currentOrDefaults(shop).version()).as("within the TTL: the documented window").isEqualTo(1);
        assertThat(currentReads).hasValue(1);
        now = now.plus(TTL).minusSeconds(10).minusMillis(1);
        assertThat(cached.currentOrDefaults(shop).version()).isEqualTo(1);
        now = now.plusMillis(1);
        assertThat(cached.currentOrDefaults(shop).version()).as("TTL after the first read").isEqualTo(2);
        assertThat(currentReads).hasValue(2);
    }

    @Test
    void aMerchantWithoutSettingsIsCachedAsDefaultsAndItsFirstSaveHereIsSeenAtOnce() {
        assertThat(cached.currentOrDefaults(shop).version()).isEqualTo(MerchantSettings.defaults().version());
        assertThat(cached.current(shop)).isEmpty();
        assertThat(currentReads).hasValue(1);
        SettingsStore.SaveResult r = cached.save(shop, Fixtures.settings().version(1).build(), 0,
                new SettingsStore.ChangeLogEntry(Actor.SYSTEM, now, List.of()));
        assertThat(r).isEqualTo(new SettingsStore.SaveResult.Saved(1));
        assertThat(cached.current(shop)).map(MerchantSettings::version).contains(1L);
        assertThat(currentReads).hasValue(2);
    }

    @Test
    void savedVersionsAreCachedForeverButAMissingVersionIsAskedAgain() {
        assertThat(cached.byVersion(shop, 1)).isEmpty();
        saveElsewhere(1);
        assertThat(cached.byVersion(shop, 1)).map(MerchantSettings::version).contains(1L);
        now = now.plus(Duration.ofDays(400));
        assertThat(cached.byVersion(shop, 1)).isPresent();
        assertThat(versionReads).hasValue(2);
    }

    @Test
    void theMerchantProfileIsCachedForTheTtlButAnUnknownMerchantIsNot() {
        InMemoryMerchantStore merchants = new InMemoryMerchantStore();
        AtomicInteger reads = new AtomicInteger();
        com.memberpoints.domain.merchant.MerchantStore countedMerchants = new com.memberpoints.domain.merchant.MerchantStore() {
            @Override
            public Optional<Merchant> find(MerchantId m) {
                reads.incrementAndGet();
                return merchants.find(m);
            }

            @Override
            public void save(Merchant m) {
                merchants.save(m);
            }

            @Override
            public List<MerchantId> all() {
                return merchants.all();
            }
        };
        CachingMerchantStore store = new CachingMerchantStore(countedMerchants, TTL, () -> now);
        assertThat(store.find(shop)).isEmpty();
        merchants.save(merchant);
        assertThat(store.find(shop)).contains(merchant);
        assertThat(store.find(shop)).contains(merchant);
        assertThat(reads).hasValue(2);
        Merchant closed = new Merchant(shop, merchant.name(), merchant.currency(), merchant.zone(),
                merchant.defaultLocale(), merchant.supportedLocales(), merchant.smsEnabled(), false,
                merchant.membershipTiers());
        store.save(closed);
        assertThat(store.find(shop)).contains(closed);
        merchants.save(merchant); // saved elsewhere
        assertThat(store.find(shop)).contains(closed);
        now = now.plus(TTL);
        assertThat(store.find(shop)).contains(merchant);
        assertThat(reads).hasValue(4);
    }
}
