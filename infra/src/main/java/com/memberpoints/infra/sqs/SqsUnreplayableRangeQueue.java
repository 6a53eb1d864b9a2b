package com.memberpoints.infra.sqs;

import com.memberpoints.domain.ledger.StreamRange;
import com.memberpoints.domain.liability.UnreplayableRangeQueue;
import com.memberpoints.infra.wire.FlatJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@link UnreplayableRangeQueue} on SQS (the replay's dead-letter queue): one message per range, a flat JSON object
 * naming the stream, shard, first and last sequence numbers and the reason — what an operator needs to find the
 * range in the logs and recover the counters (docs/observability.md, "Liability replay").
 */
public final class SqsUnreplayableRangeQueue implements UnreplayableRangeQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsUnreplayableRangeQueue(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
    }

    /** The message body of a range: {@code {"stream":…,"shard":…,"firstSequence":…,"lastSequence":…,"reason":…}}. */
    public static String body(StreamRange range, String reason) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("stream", range.stream());
        members.put("shard", range.shard());
        members.put("firstSequence", range.firstSequence());
        members.put("lastSequence", range.lastSequence());
        members.put("reason", reason);
        return FlatJson.write(members);
    }

    @Override
    public void add(StreamRange range, String reason) {
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body(range, reason)));
        } catch (SdkException e) {
            throw new UnreplayableRangeQueueException("could not queue the unreplayable range of shard " + range.shard(), e);
        }
    }

    /** The queue did not take the range (the replay message is then retried by its own queue). */
    public static final class UnreplayableRangeQueueException extends RuntimeException {
        public UnreplayableRangeQueueException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
