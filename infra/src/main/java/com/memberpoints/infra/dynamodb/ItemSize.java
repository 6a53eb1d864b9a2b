package com.memberpoints.infra.dynamodb;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An upper estimate of an item's size by AWS's rules (names + values, UTF-8, 3 bytes of overhead per map/list element). */
final class ItemSize {
    private ItemSize() {}

    static int of(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8(e.getKey()) + of(e.getValue());
        }
        return size;
    }

    private static int of(AttributeValue v) {
        if (v.s() != null) {
            return utf8(v.s());
        }
        if (v.n() != null) {
            return 21;
        }
        if (v.bool() != null) {
            return 1;
        }
        if (v.hasM()) {
            return 3 + of(v.m()) + 1 * v.m().size();
        }
        if (v.hasL()) {
            List<AttributeValue> l = v.l();
            return 3 + l.stream().mapToInt(x -> 1 + of(x)).sum();
        }
        return 1;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
