package com.memberpoints.domain.integration;

/**
 * What the integration events may carry beyond ids (the merchant's opt-in; template parameter
 * {@code IntegrationEventsPersonalData}, docs/decisions.md "12.1 Integration events").
 */
public enum PersonalData {
    /** Ids, amounts, balances and instants only (the default). */
    NONE,
    /** Also the member's contact details (name, email, phone, locale) and a staff adjustment's reason. */
    CONTACT
}
