package com.memberpoints.infra.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.sweep.ExpiryWalk;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpiryWalkCodecTest {
    static final Instant RUN = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void roundTripsAStartAndAContinuation() {
        ExpiryWalk start = ExpiryWalk.start(MerchantId.of("shop-1"), 16, RUN);
        assertThat(ExpiryWalkCodec.encode(start))
                .isEqualTo("{\"merchantId\":\"shop-1\",\"part\":16,\"runAt\":\"2027-01-01T00:00:00Z\",\"cursor\":\"\"}");
        assertThat(ExpiryWalkCodec.decode(ExpiryWalkCodec.encode(start))).isEqualTo(start);
        ExpiryWalk next = start.from("eyJ4cGsiOiJYIyJ9\"\\/");
        assertThat(ExpiryWalkCodec.decode(ExpiryWalkCodec.encode(next))).isEqualTo(next);
        assertThat(ExpiryWalkCodec.decode(ExpiryWalkCodec.encode(next)).cursor()).isEqualTo(next.cursor())
                .isNotEqualTo(Optional.empty());
    }

    @Test
    void aReminderWalkNamesItsKind_andRoundTrips() {
        ExpiryWalk start = ExpiryWalk.start(ExpiryWalk.Kind.REMIND, MerchantId.of("shop-1"), 3, RUN);
        assertThat(ExpiryWalkCodec.encode(start)).isEqualTo("{\"kind\":\"remind\",\"merchantId\":\"shop-1\","
                + "\"part\":3,\"runAt\":\"2027-01-01T00:00:00Z\",\"cursor\":\"\"}");
        assertThat(ExpiryWalkCodec.decode(ExpiryWalkCodec.encode(start))).isEqualTo(start);
        ExpiryWalk next = start.from("c1");
        assertThat(ExpiryWalkCodec.decode(ExpiryWalkCodec.encode(next))).isEqualTo(next);
        assertThat(ExpiryWalkCodec.decode(ExpiryWalkCodec.encode(next)).kind()).isEqualTo(ExpiryWalk.Kind.REMIND);
    }

    @Test
    void aMessageWithoutKind_asQueuedBeforeReminderWalks_isAnExpiryWalk() {
        ExpiryWalk old = ExpiryWalkCodec.decode("{\"merchantId\":\"shop-1\",\"part\":2,\"runAt\":"
                + "\"2027-01-01T00:00:00Z\",\"cursor\":\"c9\"}");
        assertThat(old.kind()).isEqualTo(ExpiryWalk.Kind.EXPIRE);
        assertThat(old).isEqualTo(ExpiryWalk.start(MerchantId.of("shop-1"), 2, RUN).from("c9"));
        assertThat(ExpiryWalkCodec.decode("{\"kind\":\"expire\",\"merchantId\":\"shop-1\",\"part\":2,"
                + "\"runAt\":\"2027-01-01T00:00:00Z\",\"cursor\":\"c9\"}")).isEqualTo(old);
    }

    @Test
    void anUnknownKindOrAPartBeyondTheClaimSlots_isRefused() {
        assertThatThrownBy(() -> ExpiryWalkCodec.decode("{\"kind\":\"purge\",\"merchantId\":\"shop-1\","
                + "\"part\":1,\"runAt\":\"2027-01-01T00:00:00Z\",\"cursor\":\"\"}"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ExpiryWalkCodec.decode("{\"kind\":7,\"merchantId\":\"shop-1\","
                + "\"part\":1,\"runAt\":\"2027-01-01T00:00:00Z\",\"cursor\":\"\"}"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ExpiryWalkCodec.decode("{\"merchantId\":\"shop-1\","
                + "\"part\":1000,\"runAt\":\"2027-01-01T00:00:00Z\",\"cursor\":\"\"}"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void readingIsStrict() {
        assertThatThrownBy(() -> ExpiryWalkCodec.decode("{\"merchantId\":\"shop-1\",\"part\":1,\"runAt\":\"soon\","
                + "\"cursor\":\"\"}")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ExpiryWalkCodec.decode("{\"merchantId\":\"shop-1\",\"part\":1,\"runAt\":"
                + "\"2027-01-01T00:00:00Z\",\"cursor\":\"\",\"extra\":1}")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ExpiryWalkCodec.decode("{\"merchantId\":\"shop-1\",\"runAt\":"
                + "\"2027-01-01T00:00:00Z\",\"cursor\":\"\"}")).isInstanceOf(InvalidInputException.class);
    }
}
