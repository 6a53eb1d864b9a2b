package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.member.MemberStore.UpsertResult;
import com.memberpoints.domain.model.TierId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link MemberStore} must have: in memory and on DynamoDB Local. */
abstract class MemberStoreContract {
    static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");

    final MerchantId shop = MerchantId.of("shop-" + UUID.randomUUID());
    final MemberId ann = MemberId.of("ann");

    abstract MemberStore store();

    MemberProfile profile(MemberId id, Instant at, String email) {
        return new MemberProfile(shop, id, Optional.of("Ann Lin 林"), Optional.ofNullable(email),
                Optional.of("+886912345678"), Optional.of(Locale.forLanguageTag("zh-TW")), Optional.of(TierId.of("gold")), at);
    }

    @Test
    void aProfileRoundTripsWithAndWithoutOptionalFields() {
        MemberProfile full = profile(ann, T0, "ann@example.com");
        assertThat(store().upsert(full)).isEqualTo(UpsertResult.STORED);
        assertThat(store().find(shop, ann)).contains(full);
        MemberId bare = MemberId.of("bare");
        MemberProfile empty = new MemberProfile(shop, bare, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), T0);
        store().upsert(empty);
        assertThat(store().find(shop, bare)).contains(empty);
        assertThat(store().find(MerchantId.of("other-" + UUID.randomUUID()), ann)).isEmpty();
    }

    @Test
    void anOlderOrEquallyOldProfileIsStaleAndChangesNothing() {
        MemberProfile newer = profile(ann, T0.plusNanos(1_500), "new@example.com");
        assertThat(store().upsert(newer)).isEqualTo(UpsertResult.STORED);
        assertThat(store().upsert(profile(ann, T0.plusNanos(1_499), "old@example.com"))).isEqualTo(UpsertResult.STALE);
        assertThat(store().upsert(profile(ann, T0.plusNanos(1_500), "same@example.com"))).isEqualTo(UpsertResult.STALE);
        assertThat(store().find(shop, ann)).contains(newer);
        MemberProfile newest = profile(ann, T0.plusSeconds(1), null);
        assertThat(store().upsert(newest)).isEqualTo(UpsertResult.STORED);
        assertThat(store().find(shop, ann)).contains(newest);
    }

    @Test
    void findAllReadsMoreThanOneBatchAndSkipsUnknownIds() {
        List<MemberId> asked = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            MemberId id = MemberId.of("m-" + i);
            asked.add(id);
            if (i % 3 != 0) {
                store().upsert(profile(id, T0.plusSeconds(i), "m" + i + "@example.com"));
            }
        }
        asked.add(MemberId.of("m-5")); // duplicates are harmless
        Map<MemberId, MemberProfile> found = store().findAll(shop, asked);
        assertThat(found).hasSize(153);
        assertThat(found.keySet()).allSatisfy(id -> assertThat(Integer.parseInt(id.value().substring(2)) % 3).isNotZero());
        assertThat(found.get(MemberId.of("m-229"))).isEqualTo(profile(MemberId.of("m-229"), T0.plusSeconds(229),
                "m229@example.com"));
        assertThat(store().findAll(shop, List.of())).isEmpty();
        assertThat(store().findAll(MerchantId.of("other-" + UUID.randomUUID()), asked)).isEmpty();
    }
}
