package com.memberpoints.domain.notify;

import java.util.Objects;

/**
 * The size of an SMS text: its encoding, its length in that encoding's characters (GSM-7 septets, an
 * extension character counting 2; or UTF-16 code units) and the number of parts it is sent in.
 */
public record SmsCount(SmsEncoding encoding, int characters, int parts) {
    public SmsCount {
        Objects.requireNonNull(encoding, "encoding");
        if (characters < 0 || parts < 0) {
            throw new IllegalArgumentException("characters and parts must not be negative");
        }
    }
}
