package com.memberpoints.infra.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.model.FieldError;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The Scheduler target input: what the adapter writes, the assignment function reads back unchanged. */
class AssignmentPayloadCodecTest {

    @Property
    void roundTrips(@ForAll @StringLength(min = 1, max = 128) @CharRange(from = 'a', to = 'z') @Chars({'.', '_', ':', '@', '+', '-'}) String merchant,
                    @ForAll @StringLength(min = 1, max = 128) @CharRange(from = '0', to = '9') @Chars({'A', 'z'}) String order) {
        var payload = new AssignmentPayloadCodec.Payload(MerchantId.of(merchant), OrderId.of(order));
        assertThat(AssignmentPayloadCodec.decode(AssignmentPayloadCodec.encode(payload))).isEqualTo(payload);
    }

    @Test
    void writesTheDocumentedShape() {
        assertThat(AssignmentPayloadCodec.encode(new AssignmentPayloadCodec.Payload(MerchantId.of("shop-1"), OrderId.of("o-9"))))
                .isEqualTo("{\"merchantId\":\"shop-1\",\"orderId\":\"o-9\"}");
    }

    @Test
    void refusesMissingUnknownAndMistypedMembers() {
        assertThatThrownBy(() -> AssignmentPayloadCodec.decode("{\"merchantId\":7,\"extra\":\"x\"}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactlyInAnyOrder(
                        new FieldError("merchantId", "must be a string"),
                        new FieldError("orderId", "is required"),
                        new FieldError("extra", "is not a known field")));
        assertThatThrownBy(() -> AssignmentPayloadCodec.decode("[]")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> AssignmentPayloadCodec.decode("{not json")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> AssignmentPayloadCodec.decode("{\"merchantId\":\"a b\",\"orderId\":\"o\"}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("merchantId"));
    }
}
