package com.memberpoints.functions.events;

import com.memberpoints.domain.ledger.StreamRange;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonString;
import com.memberpoints.functions.platform.json.JsonValue;

/**
 * The on-failure record Lambda sends to a DynamoDB stream mapping's on-failure destination when it gives up on a
 * batch (retries exhausted, or the batch too old): only metadata — {@code DDBStreamBatchInfo} names the stream
 * ({@code streamArn}), the shard ({@code shardId}) and the batch's first and last sequence numbers
 * ({@code startSequenceNumber}, {@code endSequenceNumber}); the records stay in the stream. Read here into the
 * {@link StreamRange} the replay reads back. Anything else is refused with an {@link IllegalArgumentException}.
 */
public final class StreamFailureRecords {
    static final String BATCH_INFO = "DDBStreamBatchInfo";

    private StreamFailureRecords() {}

    public static StreamRange range(String body) {
        JsonValue root;
        try {
            root = Json.parse(body == null ? "" : body);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the message is not JSON");
        }
        if (!(root instanceof JsonObject message)
                || !(message.get(BATCH_INFO).orElse(null) instanceof JsonObject info)) {
            throw new IllegalArgumentException("the message has no " + BATCH_INFO + " object");
        }
        return new StreamRange(text(info, "streamArn"), text(info, "shardId"), text(info, "startSequenceNumber"),
                text(info, "endSequenceNumber"));
    }

    private static String text(JsonObject info, String name) {
        if (info.get(name).orElse(null) instanceof JsonString(String value) && !value.isBlank()) {
            return value;
        }
        throw new IllegalArgumentException(BATCH_INFO + "." + name + " is missing or not text");
    }
}
