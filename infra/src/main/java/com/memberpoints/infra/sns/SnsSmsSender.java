package com.memberpoints.infra.sns;

import com.memberpoints.domain.notify.DeliveryResult;
import com.memberpoints.domain.notify.SmsSender;
import com.memberpoints.infra.aws.AwsErrors;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.OptedOutException;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/**
 * {@link SmsSender} on Amazon SNS {@code Publish} to a phone number, as a transactional SMS
 * ({@code AWS.SNS.SMS.SMSType=Transactional}) with the configured sender id
 * ({@code AWS.SNS.SMS.SenderID}) when one is set.
 *
 * <p>The number must be E.164 ({@code +} then 2 to 15 digits, no leading zero); anything else is a
 * {@link DeliveryResult.PermanentFailure} without a call. Classification of SNS answers as in
 * {@code SesEmailSender}: throttling, 500/503 and connect-phase I/O failures are transient; timeouts, resets and
 * other I/O failures after connecting, and 502/504 answers, are {@link DeliveryResult.Unknown}; invalid parameter,
 * opted out, not authorised and any other definite 4xx answer are permanent; non-I/O client failures
 * and non-SDK exceptions propagate.
 */
public final class SnsSmsSender implements SmsSender {

    public static final String SMS_TYPE_ATTRIBUTE = "AWS.SNS.SMS.SMSType";
    public static final String SENDER_ID_ATTRIBUTE = "AWS.SNS.SMS.SenderID";

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    /** Alphanumeric sender ids: 1-11 characters, letters and digits, at least one letter. */
    private static final Pattern SENDER_ID = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9]{1,11}");

    private final SnsClient sns;
    private final Optional<String> senderId;

    /**
     * @param sns      the SNS client (from {@code AwsClients})
     * @param senderId alphanumeric sender id (1-11 letters and digits, at least one letter) where the
     *                 destination country supports one; empty to let SNS choose
     */
    public SnsSmsSender(SnsClient sns, Optional<String> senderId) {
        this.sns = Objects.requireNonNull(sns, "sns");
        this.senderId = Objects.requireNonNull(senderId, "senderId").map(String::strip).filter(s -> !s.isEmpty());
        this.senderId.ifPresent(id -> {
            if (!SENDER_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("senderId must be 1-11 letters and digits with at least one letter");
            }
        });
    }

    /** True for an E.164 number such as {@code +886912345678}. */
    public static boolean isE164(String phoneNumber) {
        return phoneNumber != null && E164.matcher(phoneNumber).matches();
    }

    @Override
    public DeliveryResult send(SmsMessage message) {
        Objects.requireNonNull(message, "message");
        if (!isE164(message.phoneNumber())) {
            return new DeliveryResult.PermanentFailure("phone number is not E.164 (+ and 2-15 digits)");
        }
        if (message.text().isBlank()) {
            throw new IllegalArgumentException("SMS text must not be blank");
        }
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put(SMS_TYPE_ATTRIBUTE, string("Transactional"));
        senderId.ifPresent(id -> attributes.put(SENDER_ID_ATTRIBUTE, string(id)));
        try {
            PublishResponse response = sns.publish(PublishRequest.builder()
                    .phoneNumber(message.phoneNumber())
                    .message(message.text())
                    .messageAttributes(attributes)
                    .build());
            return new DeliveryResult.Sent(response.messageId());
        } catch (InvalidParameterException | InvalidParameterValueException | OptedOutException
                 | AuthorizationErrorException e) {
            return new DeliveryResult.PermanentFailure("SNS " + AwsErrors.describe(e));
        } catch (SdkException e) {
            String reason = "SNS " + AwsErrors.describe(e);
            return switch (AwsErrors.classifySend(e)) {
                case NOT_SENT -> new DeliveryResult.TransientFailure(reason);
                case THROTTLED -> new DeliveryResult.Throttled(reason);
                case MAYBE_SENT -> new DeliveryResult.Unknown(reason);
                case REFUSED -> new DeliveryResult.PermanentFailure(reason);
                case CLIENT_FAULT -> throw e;
            };
        }
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
