package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemSizeTest {
    @Test
    void stringsCountNamePlusUtf8Bytes() {
        assertThat(ItemSize.of(Map.of("pk", AttributeValue.fromS("abc")))).isEqualTo(5);
        assertThat(ItemSize.of(Map.of("k", AttributeValue.fromS("é")))).isEqualTo(3);
    }

    @Test
    void numbersCountOneBytePerTwoSignificantDigitsPlusOne() {
        assertThat(ItemSize.numberSize("0")).isEqualTo(2);
        assertThat(ItemSize.numberSize("1200")).isEqualTo(2);
        assertThat(ItemSize.numberSize("12345")).isEqualTo(4);
        assertThat(ItemSize.numberSize("-0.001")).isEqualTo(2);
    }

    @Test
    void mapsAddThreeBytesAndOneBytePerElement() {
        AttributeValue lots = AttributeValue.fromM(Map.of("never", AttributeValue.fromN("10")));
        // name "lots" 4 + (3 + "never" 5 + number 2 + 1)
        assertThat(ItemSize.of(Map.of("lots", lots))).isEqualTo(4 + 3 + 5 + 2 + 1);
    }
}
