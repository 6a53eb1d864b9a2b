package com.memberpoints.infra.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.sweep.ExpiryWalk;
import com.memberpoints.domain.sweep.ExpiryWalkQueue;
import com.memberpoints.infra.testing.AwsEmulator;
import com.memberpoints.infra.testing.AwsEmulatorTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The expiry walk queue against the SQS emulator: one message per walk (17 parts in two batches), read back by the
 * worker's codec; a message not deleted comes back after its visibility timeout with the same cursor.
 */
@AwsEmulatorTest
class SqsExpiryWalkQueueIT {
    static final Instant RUN = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void queuesOneMessagePerWalk_readBackByTheCodec(AwsEmulator emulator) {
        SqsClient sqs = emulator.clients().sqs();
        String url = sqs.createQueue(b -> b.queueName("expiry-walks-" + UUID.randomUUID())).queueUrl();
        List<ExpiryWalk> walks = new ArrayList<>();
        for (int part = 0; part < 17; part++) {
            walks.add(ExpiryWalk.start(MerchantId.of("shop-1"), part, RUN));
        }

        new SqsExpiryWalkQueue(sqs, url).enqueue(walks);

        Set<ExpiryWalk> received = new HashSet<>();
        for (int round = 0; round < 20 && received.size() < 17; round++) {
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()) {
                received.add(ExpiryWalkCodec.decode(m.body()));
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
        assertThat(received).containsExactlyInAnyOrderElementsOf(walks);
    }

    @Test
    void aContinuationNotDeletedIsRedeliveredWithItsCursor(AwsEmulator emulator) {
        SqsClient sqs = emulator.clients().sqs();
        String url = sqs.createQueue(b -> b.queueName("expiry-walks-" + UUID.randomUUID())
                .attributesWithStrings(java.util.Map.of("VisibilityTimeout", "1"))).queueUrl();
        ExpiryWalk next = ExpiryWalk.start(MerchantId.of("shop-1"), 5, RUN).from("opaque+cursor/==");
        new SqsExpiryWalkQueue(sqs, url).enqueue(List.of(next));

        Message first = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(2)).messages().getFirst();
        List<Message> again = List.of();
        for (int round = 0; round < 10 && again.isEmpty(); round++) { // the worker failed: no delete
            again = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages();
        }

        assertThat(ExpiryWalkCodec.decode(first.body())).isEqualTo(next);
        assertThat(again).hasSize(1);
        assertThat(ExpiryWalkCodec.decode(again.getFirst().body())).isEqualTo(next);
    }

    @Test
    void aMissingQueueIsATypedFailure(AwsEmulator emulator) {
        var queue = new SqsExpiryWalkQueue(emulator.clients().sqs(),
                emulator.clients().sqs().serviceClientConfiguration().endpointOverride().orElseThrow()
                        + "/000000000000/none");
        assertThatThrownBy(() -> queue.enqueue(List.of(ExpiryWalk.start(MerchantId.of("shop-1"), 0, RUN))))
                .isInstanceOf(ExpiryWalkQueue.ExpiryWalkQueueException.class);
    }
}
