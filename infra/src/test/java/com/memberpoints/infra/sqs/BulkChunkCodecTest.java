package com.memberpoints.infra.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.bulk.BulkJobQueue.ChunkMessage;
import com.memberpoints.domain.model.FieldError;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MerchantId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The SQS chunk message: what the queue adapter writes, the worker reads back unchanged. */
class BulkChunkCodecTest {

    @Property
    void roundTrips(@ForAll @AlphaChars @StringLength(min = 1, max = 64) String merchant,
                    @ForAll @StringLength(max = 80) String jobId,
                    @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int chunk) {
        ChunkMessage m = new ChunkMessage(MerchantId.of(merchant), jobId, chunk);
        assertThat(BulkChunkCodec.decode(BulkChunkCodec.encode(m))).isEqualTo(m);
    }

    @Test
    void writesTheDocumentedShape() {
        assertThat(BulkChunkCodec.encode(new ChunkMessage(MerchantId.of("shop-1"), "bulk-j1", 3)))
                .isEqualTo("{\"merchantId\":\"shop-1\",\"jobId\":\"bulk-j1\",\"chunk\":3}");
    }

    @Test
    void refusesWhatTheWriterNeverWrites() {
        assertThatThrownBy(() -> BulkChunkCodec.decode("{\"merchantId\":\"shop-1\",\"jobId\":\"j\",\"chunk\":1.5}"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> BulkChunkCodec.decode("{\"merchantId\":\"shop-1\",\"jobId\":2,\"chunk\":-1}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactlyInAnyOrder(
                        new FieldError("jobId", "must be a string"),
                        new FieldError("chunk", "must be a whole number of at least 0")));
        assertThatThrownBy(() -> BulkChunkCodec.decode("{\"merchantId\":\"shop-1\",\"merchantId\":\"x\"}"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> BulkChunkCodec.decode("not json")).isInstanceOf(InvalidInputException.class);
    }
}
