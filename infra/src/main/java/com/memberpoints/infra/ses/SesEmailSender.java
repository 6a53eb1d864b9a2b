package com.memberpoints.infra.ses;

import com.memberpoints.domain.notify.DeliveryResult;
import com.memberpoints.domain.notify.EmailSender;
import com.memberpoints.infra.aws.AwsErrors;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;

/**
 * {@link EmailSender} on Amazon SES v2 {@code SendEmail}: one recipient, a subject, an HTML part and a
 * text part (UTF-8), sent from the configured identity through the configured configuration set.
 *
 * <p>Classification ({@code AwsErrors.classifySend}): throttling, 500/503 answers and connect-phase I/O failures
 * (nothing was sent) are {@link DeliveryResult.TransientFailure}; call/attempt timeouts, read timeouts, connection
 * resets and 502/504 answers (the request may have been accepted, the answer was lost) are
 * {@link DeliveryResult.Unknown}, never to be re-sent;
 * message rejected, MAIL FROM domain not verified, account suspended, sending paused, an unknown
 * configuration set, a malformed recipient and any other definite 4xx answer are
 * {@link DeliveryResult.PermanentFailure}. Client-side failures that are not I/O (no region, no
 * credentials) and every non-SDK exception propagate: they are bugs or misconfiguration, not delivery
 * outcomes.
 */
public final class SesEmailSender implements EmailSender {

    private static final int MAX_ADDRESS_LENGTH = 320;

    private final SesV2Client ses;
    private final String fromAddress;
    private final Optional<String> configurationSet;

    /**
     * @param ses              the SES v2 client (from {@code AwsClients})
     * @param fromAddress      the verified sender identity, e.g. {@code "Store <points@example.com>"}
     * @param configurationSet the SES configuration set to send through; empty to send without one
     */
    public SesEmailSender(SesV2Client ses, String fromAddress, Optional<String> configurationSet) {
        this.ses = Objects.requireNonNull(ses, "ses");
        this.fromAddress = requireText(fromAddress, "fromAddress");
        this.configurationSet = Objects.requireNonNull(configurationSet, "configurationSet")
                .map(String::strip).filter(s -> !s.isEmpty());
    }

    @Override
    public DeliveryResult send(EmailMessage message) {
        Objects.requireNonNull(message, "message");
        Optional<String> badAddress = checkRecipient(message.to());
        if (badAddress.isPresent()) {
            return new DeliveryResult.PermanentFailure(badAddress.get());
        }
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(fromAddress)
                .destination(Destination.builder().toAddresses(message.to()).build())
                .content(EmailContent.builder()
                        .simple(Message.builder()
                                .subject(utf8(message.subject()))
                                .body(Body.builder()
                                        .html(utf8(message.html()))
                                        .text(utf8(message.text()))
                                        .build())
                                .build())
                        .build());
        configurationSet.ifPresent(request::configurationSetName);
        try {
            SendEmailResponse response = ses.sendEmail(request.build());
            return new DeliveryResult.Sent(response.messageId());
        } catch (MessageRejectedException | MailFromDomainNotVerifiedException | AccountSuspendedException
                 | SendingPausedException | NotFoundException | BadRequestException e) {
            return new DeliveryResult.PermanentFailure("SES " + AwsErrors.describe(e));
        } catch (SdkException e) {
            String reason = "SES " + AwsErrors.describe(e);
            return switch (AwsErrors.classifySend(e)) {
                case NOT_SENT -> new DeliveryResult.TransientFailure(reason);
                case THROTTLED -> new DeliveryResult.Throttled(reason);
                case MAYBE_SENT -> new DeliveryResult.Unknown(reason);
                case REFUSED -> new DeliveryResult.PermanentFailure(reason);
                case CLIENT_FAULT -> throw e;
            };
        }
    }

    /** Catches what SES would refuse anyway, without a call: empty, overlong or obviously malformed addresses. */
    private static Optional<String> checkRecipient(String to) {
        String trimmed = to.strip();
        int at = trimmed.lastIndexOf('@');
        if (trimmed.isEmpty() || trimmed.length() > MAX_ADDRESS_LENGTH || at <= 0 || at == trimmed.length() - 1
                || !trimmed.equals(to) || trimmed.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.of("invalid recipient email address");
        }
        return Optional.empty();
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset(StandardCharsets.UTF_8.name()).build();
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
