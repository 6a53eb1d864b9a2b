package com.memberpoints.domain.notify;

/** A delivery channel. */
public enum Channel {
    EMAIL,
    SMS
}
