package com.memberpoints.domain.model;

/**
 * How an order was created. Admin-created manual orders earn points but no reward credits; social-commerce manual
 * orders earn both (SPEC §2).
 */
public enum OrderKind {
    NORMAL,
    ADMIN_MANUAL,
    SOCIAL_MANUAL
}
