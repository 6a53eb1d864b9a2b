package com.memberpoints.infra.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.notify.DeliveryResult;
import com.memberpoints.domain.notify.EmailSender.EmailMessage;
import com.memberpoints.domain.notify.SmsSender.SmsMessage;
import com.memberpoints.infra.ses.SesEmailSender;
import com.memberpoints.infra.sns.SnsSmsSender;
import com.memberpoints.infra.testing.ClosedPort;
import com.memberpoints.infra.testing.ScriptedHttpServer;
import com.memberpoints.infra.testing.ScriptedHttpServer.Behaviour;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Real transport failures against the clients {@link AwsClients} builds, no emulator needed: how many times a send
 * reaches "the provider" (requests counted by the server, attempts counted by an SDK interceptor) and how the
 * senders classify what happened. At most one request per send, whatever the failure.
 */
class SendAttemptsIT {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private static final EmailMessage EMAIL = new EmailMessage("m@example.com", "s", "<p>h</p>", "t");
    private static final SmsMessage SMS = new SmsMessage("+15555550100", "text");

    private static AwsClients clients(URI endpoint) {
        return AwsClients.create(new AwsClients.Settings(Region.US_EAST_1, Optional.of(endpoint),
                Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(6)), CREDENTIALS);
    }

    /** Counts SDK attempts (one per transmission, retries included). */
    private static final class AttemptCounter implements ExecutionInterceptor {
        final AtomicInteger attempts = new AtomicInteger();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            attempts.incrementAndGet();
        }
    }

    /** The SES client exactly as AwsClients configured it (retry strategy included), plus the counter. */
    private static SesV2Client observedSes(AwsClients clients, URI endpoint, AttemptCounter counter) {
        return SesV2Client.builder().httpClient(clients.httpClient()).credentialsProvider(CREDENTIALS)
                .region(Region.US_EAST_1).endpointOverride(endpoint)
                .overrideConfiguration(clients.sesV2().serviceClientConfiguration().overrideConfiguration().toBuilder()
                        .addExecutionInterceptor(counter).build())
                .build();
    }

    private static SnsClient observedSns(AwsClients clients, URI endpoint, AttemptCounter counter) {
        return SnsClient.builder().httpClient(clients.httpClient()).credentialsProvider(CREDENTIALS)
                .region(Region.US_EAST_1).endpointOverride(endpoint)
                .overrideConfiguration(clients.sns().serviceClientConfiguration().overrideConfiguration().toBuilder()
                        .addExecutionInterceptor(counter).build())
                .build();
    }

    @Test
    void aRefusedConnectionSentNothingIsTransientAndIsTriedOnce() {
        URI closed = ClosedPort.endpoint();
        try (AwsClients clients = clients(closed)) {
            AttemptCounter counter = new AttemptCounter();
            try (SesV2Client ses = observedSes(clients, closed, counter);
                 SnsClient sns = observedSns(clients, closed, counter)) {
                assertThat(new SesEmailSender(ses, "from@example.com", Optional.empty()).send(EMAIL))
                        .isInstanceOfSatisfying(DeliveryResult.TransientFailure.class,
                                f -> assertThat(f.reason()).startsWith("SES "));
                assertThat(new SnsSmsSender(sns, Optional.empty()).send(SMS))
                        .isInstanceOf(DeliveryResult.TransientFailure.class);
            }
            assertThat(counter.attempts).hasValue(2); // one per send: no SDK retry
        }
    }

    @Test
    void anAnswerThatNeverComesIsUnknownAndTheRequestArrivedOnce() {
        try (ScriptedHttpServer server = new ScriptedHttpServer(Behaviour.SILENT);
             AwsClients clients = clients(server.endpoint())) {
            DeliveryResult email = new SesEmailSender(clients.sesV2(), "from@example.com", Optional.empty()).send(EMAIL);
            DeliveryResult sms = new SnsSmsSender(clients.sns(), Optional.empty()).send(SMS);

            assertThat(email).isInstanceOf(DeliveryResult.Unknown.class);
            assertThat(sms).isInstanceOf(DeliveryResult.Unknown.class);
            // a send returns only after its SDK attempts, so no request can come later: wait out the server's read
            assertThat(server.requestsOnceAtLeast(2, Duration.ofSeconds(10))).isEqualTo(2);
        }
    }

    @Test
    void aConnectionDroppedAfterTheRequestIsUnknownAndNeitherTheSdkNorTheJdkSendsItAgain() {
        // The SDK's default strategy would retry this I/O error (4 requests); AwsClients' SES/SNS clients do not.
        try (ScriptedHttpServer server = new ScriptedHttpServer(Behaviour.DROP);
             AwsClients clients = clients(server.endpoint())) {
            AttemptCounter counter = new AttemptCounter();
            try (SesV2Client ses = observedSes(clients, server.endpoint(), counter);
                 SnsClient sns = observedSns(clients, server.endpoint(), counter)) {
                assertThat(new SesEmailSender(ses, "from@example.com", Optional.empty()).send(EMAIL))
                        .isInstanceOf(DeliveryResult.Unknown.class);
                assertThat(new SnsSmsSender(sns, Optional.empty()).send(SMS))
                        .isInstanceOf(DeliveryResult.Unknown.class);
            }
            assertThat(counter.attempts).hasValue(2);
            assertThat(server.requests()).isEqualTo(2);
        }
    }

    @Test
    void aServerErrorAnswerIsTransientAndTheSendClientsDoNotRetryIt() {
        try (ScriptedHttpServer server = new ScriptedHttpServer(Behaviour.ANSWER_500);
             AwsClients clients = clients(server.endpoint())) {
            AttemptCounter counter = new AttemptCounter();
            try (SesV2Client ses = observedSes(clients, server.endpoint(), counter);
                 SnsClient sns = observedSns(clients, server.endpoint(), counter)) {
                assertThat(new SesEmailSender(ses, "from@example.com", Optional.empty()).send(EMAIL))
                        .isInstanceOfSatisfying(DeliveryResult.TransientFailure.class,
                                f -> assertThat(f.reason()).contains("HTTP 500"));
                assertThat(new SnsSmsSender(sns, Optional.empty()).send(SMS))
                        .isInstanceOfSatisfying(DeliveryResult.TransientFailure.class,
                                f -> assertThat(f.reason()).contains("HTTP 500"));
            }
            assertThat(counter.attempts).hasValue(2);
            assertThat(server.requests()).isEqualTo(2);
        }
    }

    @Test
    void theIdempotentClientsStillRetryAServerError() {
        // The contrast that shows the counting works: DynamoDB keeps the SDK's standard retries.
        try (ScriptedHttpServer server = new ScriptedHttpServer(Behaviour.ANSWER_500);
             AwsClients clients = clients(server.endpoint())) {
            assertThatThrownBy(() -> clients.dynamoDb().listTables()).isInstanceOf(DynamoDbException.class);
            assertThat(server.requests()).isGreaterThan(1);
        }
    }
}
