package com.memberpoints.domain.notify;

/** Sends one SMS (SNS Publish to a phone number in production, a local outbox locally). */
public interface SmsSender {

    DeliveryResult send(SmsMessage message);

    /** A rendered SMS to an E.164 phone number. */
    record SmsMessage(String phoneNumber, String text) {
        public SmsMessage {
            java.util.Objects.requireNonNull(phoneNumber, "phoneNumber");
            java.util.Objects.requireNonNull(text, "text");
        }
    }
}
