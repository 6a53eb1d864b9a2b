package com.memberpoints.infra.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.bulk.BulkJobQueue;
import com.memberpoints.infra.testing.AwsEmulator;
import com.memberpoints.infra.testing.AwsEmulatorTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The bulk job queue against the SQS emulator: one message per chunk, all delivered, in batches of ten. */
@AwsEmulatorTest
class SqsBulkJobQueueIT {

    @Test
    void queuesOneMessagePerChunk(AwsEmulator emulator) {
        SqsClient sqs = emulator.clients().sqs();
        String url = sqs.createQueue(b -> b.queueName("bulk-" + UUID.randomUUID())).queueUrl();
        var queue = new SqsBulkJobQueue(sqs, url, m -> m.merchant().value() + "|" + m.jobId() + "|" + m.chunk());
        List<Integer> chunks = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            chunks.add(i);
        }

        queue.enqueue(MerchantId.of("shop-1"), "bulk-j1", chunks);

        Set<String> bodies = new HashSet<>();
        for (int round = 0; round < 20 && bodies.size() < 25; round++) {
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                bodies.add(m.body());
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
        assertThat(bodies).hasSize(25).contains("shop-1|bulk-j1|0", "shop-1|bulk-j1|24");
    }

    @Test
    void aMissingQueueIsATypedFailure(AwsEmulator emulator) {
        var queue = new SqsBulkJobQueue(emulator.clients().sqs(),
                emulator.clients().sqs().serviceClientConfiguration().endpointOverride().orElseThrow() + "/000000000000/none",
                m -> "x");
        assertThatThrownBy(() -> queue.enqueue(MerchantId.of("shop-1"), "bulk-j1", List.of(0)))
                .isInstanceOf(BulkJobQueue.BulkJobQueueException.class);
    }
}
