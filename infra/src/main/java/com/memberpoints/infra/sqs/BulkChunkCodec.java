package com.memberpoints.infra.sqs;

import com.memberpoints.domain.bulk.BulkJobQueue.ChunkMessage;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.infra.wire.FlatFields;
import com.memberpoints.infra.wire.FlatJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SQS message naming one chunk of a bulk assignment job, {@code {"merchantId":"..","jobId":"..","chunk":3}}:
 * written by {@link SqsBulkJobQueue}, read by the bulk assignment worker function. Reading is strict.
 */
public final class BulkChunkCodec {
    private BulkChunkCodec() {}

    public static String encode(ChunkMessage chunk) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("merchantId", chunk.merchant().value());
        members.put("jobId", chunk.jobId());
        members.put("chunk", chunk.chunk());
        return FlatJson.write(members);
    }

    /** The chunk message, or an {@link InvalidInputException} naming every wrong member. */
    public static ChunkMessage decode(String text) {
        FlatFields f = FlatFields.of(text);
        MerchantId merchant = f.text("merchantId", MerchantId::of);
        String jobId = f.text("jobId", s -> s);
        int chunk = f.count("chunk");
        f.done();
        if (merchant == null || jobId == null) {
            throw new InvalidInputException("body", "is not a bulk chunk message");
        }
        return new ChunkMessage(merchant, jobId, chunk);
    }
}
