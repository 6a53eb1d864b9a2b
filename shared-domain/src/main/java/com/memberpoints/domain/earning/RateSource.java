package com.memberpoints.domain.earning;

/** Whether the store rule or the member's tier rule was applied. */
public enum RateSource {
    STORE,
    TIER
}
