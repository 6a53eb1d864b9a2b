package com.memberpoints.domain.notify;

import java.util.Locale;
import java.util.Objects;

/** One message rendered for one member: the email parts, the SMS text and its size. */
public record RenderedNotification(NotificationKind kind, Locale locale, String subject, String html, String text,
                                   String sms, SmsCount smsCount) {
    public RenderedNotification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sms, "sms");
        Objects.requireNonNull(smsCount, "smsCount");
    }
}
