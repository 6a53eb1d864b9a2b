package com.memberpoints.domain.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryAssignmentScheduler;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemoryOrderStore;
import com.memberpoints.domain.inmemory.InMemorySettingsStore;
import com.memberpoints.domain.merchant.CachingMerchantStore;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.settings.CachingSettingsStore;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The correctness story of the settings cache (docs/decisions.md): an order binds the version in force at its
 * placement time even when this container's cached current settings are older, because placement reads the
 * activity log, which is never cached.
 */
class CachedSettingsPlacementTest {
    static final Duration TTL = Duration.ofSeconds(30);
    final Merchant merchant = Fixtures.merchant();
    final MerchantId shop = merchant.id();
    final InMemorySettingsStore settings = new InMemorySettingsStore();
    final InMemoryMerchantStore merchants = new InMemoryMerchantStore();
    final InMemoryOrderStore orders = new InMemoryOrderStore();
    Instant now = Instant.parse("2026-03-01T02:00:00Z");
    final CachingSettingsStore cachedSettings = new CachingSettingsStore(settings, TTL, () -> now);
    final OrderLifecycle lifecycle = new OrderLifecycle(orders, new InMemoryLedgerStore(), cachedSettings,
            new CachingMerchantStore(merchants, TTL, () -> now), new InMemoryMemberStore(),
            new InMemoryAssignmentScheduler(), () -> now);

    CachedSettingsPlacementTest() {
        merchants.save(merchant);
        saveElsewhere(1, "10.00");
    }

    /** A save made by another container (the admin function): this container's cache is not told. */
    void saveElsewhere(long version, String spendPerPoint) {
        SettingsStore.SaveResult r = settings.save(shop, Fixtures.settings().version(version)
                .earnRate(spendPerPoint, 1).build(), version - 1,
                new SettingsStore.ChangeLogEntry(Actor.SYSTEM, now, List.of()));
        assertThat(r).isInstanceOf(SettingsStore.SaveResult.Saved.class);
    }

    long placeAt(String order, Instant at) {
        lifecycle.handle(new OrderEvent.OrderPlaced(shop, OrderId.of(order), Optional.empty(),
                CheckoutIdentity.GUEST, SalesChannel.ONLINE, OrderKind.NORMAL,
                OrderAmounts.ofSubtotal(Fixtures.twd("100.00")), at));
        return orders.find(shop, OrderId.of(order)).orElseThrow().rule().settingsVersion();
    }

    @Test
    void anOrderPlacedAfterASaveBindsTheNewVersionWithinAndAfterTheTtl() {
        assertThat(placeAt("o-1", now)).isEqualTo(1); // warms the cache with version 1
        now = now.plusSeconds(5);
        saveElsewhere(2, "5.00");
        now = now.plusSeconds(1);
        assertThat(cachedSettings.currentOrDefaults(shop).version()).as("cache still stale").isEqualTo(1);
        assertThat(placeAt("o-2", now)).as("within the TTL").isEqualTo(2);
        assertThat(orders.find(shop, OrderId.of("o-2")).orElseThrow().rule().earn().rate())
                .isEqualTo(Fixtures.settings().earnRate("5.00", 1).build().points().earn().rate());
        now = now.plus(TTL);
        assertThat(placeAt("o-3", now)).as("after the TTL").isEqualTo(2);
        assertThat(cachedSettings.currentOrDefaults(shop).version()).isEqualTo(2);
    }

    @Test
    void aPlacementEventDelayedAcrossTheSaveStillBindsTheVersionItWasPlacedUnder() {
        Instant placedBeforeSave = now;
        now = now.plusSeconds(5);
        saveElsewhere(2, "5.00");
        now = now.plusSeconds(1);
        assertThat(placeAt("late", placedBeforeSave)).isEqualTo(1);
    }
}
