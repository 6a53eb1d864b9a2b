package com.memberpoints.infra.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.notify.DeliveryResult;
import com.memberpoints.domain.notify.EmailSender.EmailMessage;
import com.memberpoints.infra.aws.AwsClients;
import com.memberpoints.infra.testing.AwsEmulator;
import com.memberpoints.infra.testing.AwsEmulatorTest;
import com.memberpoints.infra.testing.ClosedPort;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

@AwsEmulatorTest
class SesEmailSenderIT {

    private static final String FROM = "points@sender.example.com";
    private static final String CONFIGURATION_SET = "member-points-it-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void verifySenderIdentity(SesV2Client ses) {
        // The emulator treats a created identity as verified (real SES needs DNS or a click).
        ses.createEmailIdentity(r -> r.emailIdentity(FROM));
        ses.createConfigurationSet(r -> r.configurationSetName(CONFIGURATION_SET));
    }

    @Test
    void sendsSubjectAndBodyToTheRecipientAsTheEmulatorRecordsIt(AwsEmulator emulator) {
        var sender = new SesEmailSender(emulator.sesV2(), FROM, Optional.of(CONFIGURATION_SET));
        String to = "member-" + UUID.randomUUID() + "@example.com";
        var message = new EmailMessage(to, "You earned 120 points 您獲得 120 點",
                "<p>Hello Amy, <b>120</b> points were added. 新餘額 1,320 點</p>",
                "Hello Amy, 120 points were added. 新餘額 1,320 點");

        DeliveryResult result = sender.send(message);

        assertThat(result).isInstanceOf(DeliveryResult.Sent.class);
        String id = ((DeliveryResult.Sent) result).providerMessageId();
        AwsEmulator.SentEmail sent = emulator.sentEmail(id).orElseThrow(
                () -> new AssertionError("the emulator recorded no email with id " + id));
        assertThat(sent.to()).containsExactly(to);
        assertThat(sent.source()).isEqualTo(FROM);
        assertThat(sent.subject()).isEqualTo(message.subject());
        // moto keeps only the HTML part of Simple content; LocalStack keeps both.
        assertThat(sent.body()).isEqualTo(message.html());
        sent.textPart().ifPresent(text -> assertThat(text).isEqualTo(message.text()));
    }

    @Test
    void eachSendIsRecordedOnceUnderItsOwnId(AwsEmulator emulator) {
        var sender = new SesEmailSender(emulator.sesV2(), FROM, Optional.empty());
        String to = "twice-" + UUID.randomUUID() + "@example.com";
        var first = (DeliveryResult.Sent) sender.send(new EmailMessage(to, "one", "<p>1</p>", "1"));
        var second = (DeliveryResult.Sent) sender.send(new EmailMessage(to, "two", "<p>2</p>", "2"));

        assertThat(first.providerMessageId()).isNotEqualTo(second.providerMessageId());
        assertThat(emulator.sentEmails()).filteredOn(e -> e.to().contains(to))
                .extracting(AwsEmulator.SentEmail::subject).containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void unverifiedSenderIsAPermanentFailureAndNothingIsSent(AwsEmulator emulator) {
        var sender = new SesEmailSender(emulator.sesV2(), "nobody@unverified.example.org", Optional.empty());
        String to = "member-" + UUID.randomUUID() + "@example.com";

        DeliveryResult result = sender.send(new EmailMessage(to, "s", "<p>h</p>", "t"));

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.PermanentFailure.class,
                f -> assertThat(f.reason()).contains("MessageRejected"));
        assertThat(emulator.sentEmails()).noneMatch(e -> e.to().contains(to));
    }

    @Test
    void addressTheServiceRefusesIsAPermanentFailure(AwsEmulator emulator) {
        var sender = new SesEmailSender(emulator.sesV2(), FROM, Optional.empty());

        DeliveryResult result = sender.send(new EmailMessage("a@b@c@example.com", "s", "<p>h</p>", "t"));

        // Real SES v2 answers BadRequestException, moto InvalidParameterValue: both a definite 400.
        assertThat(result).isInstanceOfSatisfying(DeliveryResult.PermanentFailure.class,
                f -> assertThat(f.reason()).startsWith("SES ").contains("(HTTP 400)"));
    }

    @Test
    void malformedAddressIsAPermanentFailureWithoutACall(AwsEmulator emulator) {
        var sender = new SesEmailSender(emulator.sesV2(), FROM, Optional.empty());
        int before = emulator.sentEmails().size();

        assertThat(sender.send(new EmailMessage("no-at-sign.example.com", "s", "<p>h</p>", "t")))
                .isEqualTo(new DeliveryResult.PermanentFailure("invalid recipient email address"));
        assertThat(sender.send(new EmailMessage(" spaced@example.com", "s", "<p>h</p>", "t")))
                .isInstanceOf(DeliveryResult.PermanentFailure.class);
        assertThat(emulator.sentEmails()).hasSize(before);
    }

    @Test
    void aRefusedConnectionSentNothingAndIsATransientFailure() {
        try (AwsClients unreachable = ClosedPort.clients()) {
            var sender = new SesEmailSender(unreachable.sesV2(), FROM, Optional.empty());

            DeliveryResult result = sender.send(new EmailMessage("m@example.com", "s", "<p>h</p>", "t"));

            assertThat(result).isInstanceOf(DeliveryResult.TransientFailure.class);
        }
    }

    @Test
    void missingCredentialsAreAnErrorNotADeliveryOutcome(AwsEmulator emulator) {
        try (AwsClients noCredentials = AwsClients.create(
                AwsClients.Settings.of(Region.US_EAST_1, Optional.of(emulator.endpoint())),
                () -> { throw SdkClientException.create("no credentials configured"); })) {
            var sender = new SesEmailSender(noCredentials.sesV2(), FROM, Optional.empty());

            assertThatThrownBy(() -> sender.send(new EmailMessage("m@example.com", "s", "<p>h</p>", "t")))
                    .isInstanceOf(SdkClientException.class).hasMessageContaining("no credentials configured");
        }
    }
}
