package com.memberpoints.infra.sqs;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.bulk.BulkJobQueue;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@link BulkJobQueue} on SQS: one message per chunk, sent ten per {@code SendMessageBatch} call (a
 * 100-chunk job is 10 calls). The body is {@link BulkChunkCodec}'s message, which the worker reads with the
 * same codec. Entries SQS did not accept are retried once, then reported as a {@link BulkJobQueueException}.
 * Re-sending a chunk is harmless: the worker skips a completed chunk and the ledger dedupes credits.
 */
public final class SqsBulkJobQueue implements BulkJobQueue {
    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private final Function<ChunkMessage, String> format;

    public SqsBulkJobQueue(SqsClient sqs, String queueUrl) {
        this(sqs, queueUrl, BulkChunkCodec::encode);
    }

    /** With another body format: tests that look at the raw bodies. */
    public SqsBulkJobQueue(SqsClient sqs, String queueUrl, Function<ChunkMessage, String> format) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.format = Objects.requireNonNull(format, "format");
    }

    @Override
    public void enqueue(MerchantId merchant, String jobId, List<Integer> chunkIndexes) {
        for (int from = 0; from < chunkIndexes.size(); from += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i : chunkIndexes.subList(from, Math.min(chunkIndexes.size(), from + BATCH))) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id("c" + i)
                        .messageBody(format.apply(new ChunkMessage(merchant, jobId, i)))
                        .build());
            }
            send(entries, jobId, true);
        }
    }

    private void send(List<SendMessageBatchRequestEntry> entries, String jobId, boolean retry) {
        SendMessageBatchResponse r;
        try {
            r = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        } catch (SdkException e) {
            throw new BulkJobQueueException("could not queue chunks of bulk job " + jobId, e);
        }
        if (r.hasFailed() && !r.failed().isEmpty()) {
            List<String> failedIds = r.failed().stream().map(f -> f.id()).toList();
            List<SendMessageBatchRequestEntry> again = entries.stream().filter(e -> failedIds.contains(e.id())).toList();
            if (!retry) {
                throw new BulkJobQueueException("SQS refused " + failedIds.size() + " chunk messages of bulk job "
                        + jobId + ": " + r.failed().getFirst().code(), null);
            }
            send(again, jobId, false);
        }
    }
}
