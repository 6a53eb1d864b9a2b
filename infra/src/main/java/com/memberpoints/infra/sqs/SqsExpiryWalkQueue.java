package com.memberpoints.infra.sqs;

import com.memberpoints.domain.sweep.ExpiryWalk;
import com.memberpoints.domain.sweep.ExpiryWalkQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * {@link ExpiryWalkQueue} on SQS (issue 16 change 7): one message per walk ({@link ExpiryWalkCodec}), ten per
 * {@code SendMessageBatch} call (a merchant's 17 parts are 2 calls; a continuation is one). Entries SQS did not accept
 * are retried once, then reported as an {@link ExpiryWalkQueueException}. A walk sent twice is harmless (the worker
 * re-expires nothing, and a walk whose claim is gone stops).
 */
public final class SqsExpiryWalkQueue implements ExpiryWalkQueue {
    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsExpiryWalkQueue(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
    }

    @Override
    public void enqueue(List<ExpiryWalk> walks) {
        for (int from = 0; from < walks.size(); from += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<ExpiryWalk> batch = walks.subList(from, Math.min(walks.size(), from + BATCH));
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("w" + i)
                        .messageBody(ExpiryWalkCodec.encode(batch.get(i))).build());
            }
            send(entries, true);
        }
    }

    private void send(List<SendMessageBatchRequestEntry> entries, boolean retry) {
        SendMessageBatchResponse r;
        try {
            r = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        } catch (SdkException e) {
            throw new ExpiryWalkQueueException("could not queue " + entries.size() + " expiry walks", e);
        }
        if (r.hasFailed() && !r.failed().isEmpty()) {
            List<String> failedIds = r.failed().stream().map(f -> f.id()).toList();
            if (!retry) {
                throw new ExpiryWalkQueueException("SQS refused " + failedIds.size() + " expiry walk messages: "
                        + r.failed().getFirst().code(), null);
            }
            send(entries.stream().filter(e -> failedIds.contains(e.id())).toList(), false);
        }
    }
}
