package com.memberpoints.domain.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemorySettingsStore;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.model.TierId;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.settings.TierRule;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The quote reads the member profile only when a tier can change the quote (settings with tier rules). */
class QuoteReadsTest {
    static final Instant NOW = Instant.parse("2021-06-01T04:00:00Z");
    static final TierId GOLD = TierId.of("gold");
    final Merchant shop = Fixtures.merchant();
    final MerchantId m = shop.id();
    final MemberId ann = MemberId.of("ann");
    final InMemoryMemberStore members = new InMemoryMemberStore();
    final AtomicInteger profileReads = new AtomicInteger();
    final MemberStore countedMembers = new MemberStore() {
        @Override
        public Optional<MemberProfile> find(MerchantId merchant, MemberId member) {
            profileReads.incrementAndGet();
            return members.find(merchant, member);
        }

        @Override
        public Map<MemberId, MemberProfile> findAll(MerchantId merchant, Collection<MemberId> ids) {
            return members.findAll(merchant, ids);
        }

        @Override
        public UpsertResult upsert(MemberProfile profile) {
            return members.upsert(profile);
        }
    };

    Quote quote(MerchantSettings settings) {
        InMemorySettingsStore store = new InMemorySettingsStore();
        store.save(m, settings.withVersion(1), 0, new SettingsStore.ChangeLogEntry(Actor.SYSTEM, NOW, List.of()));
        InMemoryMerchantStore merchants = new InMemoryMerchantStore();
        merchants.save(shop);
        members.upsert(new MemberProfile(m, ann, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Locale.ENGLISH), Optional.of(GOLD), NOW));
        CheckoutService s = new CheckoutService(new InMemoryLedgerStore(), store, merchants, countedMembers, () -> NOW);
        Money zero = Fixtures.twd("0");
        return s.quote(shop, ann, new Cart(List.of(new Cart.Item(Fixtures.twd("100.00"), false)), zero, zero, zero, zero,
                SalesChannel.ONLINE), PointsRequest.MAXIMUM);
    }

    @Test
    void withoutTierRulesTheProfileIsNotRead() {
        assertThat(quote(Fixtures.settings().earnRate("10.00", 1).build()).pointsToEarn().points()).isEqualTo(10);
        assertThat(profileReads).hasValue(0);
    }

    @Test
    void withTierRulesTheMembersTierDecidesTheRate() {
        MerchantSettings gold = Fixtures.settings().earnRate("10.00", 1)
                .tier(new TierRule(GOLD, Optional.of(EarnRate.of("10.00", 3)), Optional.empty())).build();
        assertThat(quote(gold).pointsToEarn().points()).isEqualTo(30);
        assertThat(profileReads).hasValue(1);
    }
}
