package com.memberpoints.domain.notify;

/** Sends one email (SES v2 in production, a local outbox locally). */
public interface EmailSender {

    DeliveryResult send(EmailMessage message);

    /** A rendered email. {@code to} is a single recipient address. */
    record EmailMessage(String to, String subject, String html, String text) {
        public EmailMessage {
            java.util.Objects.requireNonNull(to, "to");
            java.util.Objects.requireNonNull(subject, "subject");
            java.util.Objects.requireNonNull(html, "html");
            java.util.Objects.requireNonNull(text, "text");
        }
    }
}
