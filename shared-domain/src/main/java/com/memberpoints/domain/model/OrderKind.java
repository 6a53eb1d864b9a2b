package com.memberpoints.domain.model;

/** How an order was created. Admin-created manual orders earn nothing; social-commerce manual orders earn. */
public enum OrderKind {
    NORMAL,
    ADMIN_MANUAL,
    SOCIAL_MANUAL
}
