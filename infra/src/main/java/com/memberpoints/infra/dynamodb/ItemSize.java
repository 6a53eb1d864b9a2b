package com.memberpoints.infra.dynamodb;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB item size, the one rule of the house (the settings store's 400 KB guard, the store item-size tests and
 * the capacity benchmarks all use it). As the Amazon DynamoDB developer guide states it ("DynamoDB item sizes and
 * formats", https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html), an
 * item's size is the sum over its attributes of the UTF-8 length of the name plus the size of the value.
 * <ul>
 *   <li>String: UTF-8 bytes. Binary: raw bytes.</li>
 *   <li>Number: 1 byte per two significant digits (leading/trailing zeros trimmed) + 1 byte.</li>
 *   <li>Boolean, null: 1 byte.</li>
 *   <li>Map, list: 3 bytes of overhead + the size of each element (a map element: its name + its value) + 1 byte
 *   per element.</li>
 * </ul>
 * Sets are not used by the ledger and are counted like lists.
 */
public final class ItemSize {
    private ItemSize() {}

    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8(e.getKey()) + valueSize(e.getValue());
        }
        return size;
    }

    static long valueSize(AttributeValue v) {
        return switch (v.type()) {
            case S -> utf8(v.s());
            case N -> numberSize(v.n());
            case B -> v.b().asByteArray().length;
            case BOOL, NUL -> 1;
            case M -> {
                long sum = 3;
                for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                    sum += utf8(e.getKey()) + valueSize(e.getValue()) + 1;
                }
                yield sum;
            }
            case L -> {
                long sum = 3;
                for (AttributeValue e : v.l()) {
                    sum += valueSize(e) + 1;
                }
                yield sum;
            }
            case SS -> 3 + v.ss().stream().mapToLong(s -> utf8(s) + 1).sum();
            case NS -> 3 + v.ns().stream().mapToLong(n -> numberSize(n) + 1).sum();
            case BS -> 3 + v.bs().stream().mapToLong(b -> b.asByteArray().length + 1).sum();
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("unknown attribute type");
        };
    }

    static long numberSize(String n) {
        BigDecimal d = new BigDecimal(n).stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int significant = digits.equals("0") ? 1 : digits.length();
        return (significant + 1) / 2 + 1;
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

}
