package com.memberpoints.local;

import com.memberpoints.domain.notify.DeliveryResult;
import com.memberpoints.domain.notify.EmailSender;
import com.memberpoints.domain.notify.SmsSender;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.infra.sns.SnsSmsSender;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * LOCAL ONLY: where the local stack's email and SMS go instead of SES and SNS. Each message is kept in
 * memory (listed by {@code GET /local/outbox}) and printed. Like SNS, an SMS to a number that is not
 * E.164 is refused as a permanent failure, so local runs meet the same rule as AWS.
 */
public final class LocalOutbox {

    /** One captured message; {@code subject} is empty for SMS. */
    public record Message(String id, String channel, String to, String subject, String text, Instant at) {}

    private final TimeSource clock;
    private final List<Message> messages = new ArrayList<>();

    public LocalOutbox(TimeSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    /** The messages sent to {@code to} (an email address or phone number), oldest first. */
    public synchronized List<Message> to(String to) {
        return messages.stream().filter(m -> m.to().equals(to)).toList();
    }

    public synchronized void clear() {
        messages.clear();
    }

    public EmailSender emailSender() {
        return new Email();
    }

    public SmsSender smsSender() {
        return new Sms();
    }

    private synchronized DeliveryResult keep(String channel, String to, String subject, String text) {
        Message m = new Message("local-" + channel + "-" + (messages.size() + 1), channel, to, subject, text, clock.now());
        messages.add(m);
        System.out.println("[outbox] " + m.at() + " " + channel + " to " + to
                + (subject.isEmpty() ? "" : " \"" + subject + "\"") + ": " + firstLine(text));
        return new DeliveryResult.Sent(m.id());
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }

    private final class Email implements EmailSender {
        @Override
        public DeliveryResult send(EmailMessage message) {
            if (!message.to().contains("@")) {
                return new DeliveryResult.PermanentFailure("not an email address: " + message.to());
            }
            return keep("email", message.to(), message.subject(), message.text());
        }
    }

    private final class Sms implements SmsSender {
        @Override
        public DeliveryResult send(SmsMessage message) {
            if (!SnsSmsSender.isE164(message.phoneNumber())) {
                return new DeliveryResult.PermanentFailure("not an E.164 phone number: " + message.phoneNumber());
            }
            return keep("sms", message.phoneNumber(), "", message.text());
        }
    }
}
