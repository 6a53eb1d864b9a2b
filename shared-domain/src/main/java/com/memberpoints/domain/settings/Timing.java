package com.memberpoints.domain.settings;

import java.util.Objects;

/** When something is given ({@link GivenWhen}, as data) and its ready-made text in the requested locale. */
public record Timing(GivenWhen when, String text) {
    public Timing {
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(text, "text");
    }
}
