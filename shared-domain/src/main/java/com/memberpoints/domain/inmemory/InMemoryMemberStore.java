package com.memberpoints.domain.inmemory;

import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.member.MemberStore;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link MemberStore} in memory: an upsert is {@code STALE} unless its {@code updatedAt} is strictly newer
 * than the stored profile's, exactly as the DynamoDB store's condition.
 */
public final class InMemoryMemberStore implements MemberStore {

    private record Key(MerchantId merchant, MemberId member) {}

    private final ConcurrentHashMap<Key, MemberProfile> profiles = new ConcurrentHashMap<>();

    @Override
    public Optional<MemberProfile> find(MerchantId merchant, MemberId member) {
        return Optional.ofNullable(profiles.get(new Key(merchant, member)));
    }

    @Override
    public Map<MemberId, MemberProfile> findAll(MerchantId merchant, Collection<MemberId> members) {
        Map<MemberId, MemberProfile> found = new LinkedHashMap<>();
        for (MemberId id : members) {
            MemberProfile p = profiles.get(new Key(merchant, id));
            if (p != null) {
                found.put(id, p);
            }
        }
        return found;
    }

    @Override
    public UpsertResult upsert(MemberProfile profile) {
        Objects.requireNonNull(profile, "profile");
        boolean[] stored = {false};
        profiles.compute(new Key(profile.merchant(), profile.member()), (k, old) -> {
            if (old == null || profile.updatedAt().isAfter(old.updatedAt())) {
                stored[0] = true;
                return profile;
            }
            return old;
        });
        return stored[0] ? UpsertResult.STORED : UpsertResult.STALE;
    }
}
