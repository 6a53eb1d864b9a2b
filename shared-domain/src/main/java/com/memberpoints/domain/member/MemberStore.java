package com.memberpoints.domain.member;

import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Member profiles. Upserts are ordered by {@link MemberProfile#updatedAt()}: an older profile never replaces
 * a newer one (events arrive late and out of order). Failures of the underlying store are thrown as
 * {@link MemberStoreException}.
 */
public interface MemberStore {

    Optional<MemberProfile> find(MerchantId merchant, MemberId member);

    /** The profiles that exist among {@code members} (batched reads; unknown ids are simply absent). */
    Map<MemberId, MemberProfile> findAll(MerchantId merchant, Collection<MemberId> members);

    UpsertResult upsert(MemberProfile profile);

    enum UpsertResult {
        /** Stored (new, or newer than what was stored). */
        STORED,
        /** Ignored: the stored profile is as new or newer. */
        STALE
    }

    final class MemberStoreException extends RuntimeException {
        public MemberStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
