package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.member.MemberStore;

/** The in-memory store passes the same contract as the DynamoDB adapter. */
class InMemoryMemberStoreContractTest extends MemberStoreContract {
    private final InMemoryMemberStore store = new InMemoryMemberStore();

    @Override
    MemberStore store() {
        return store;
    }
}
