package com.memberpoints.functions.events;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a DynamoDB stream image (the Lambda events library's attribute values) into SDK v2 attribute values,
 * so infra reads a journal item from a stream exactly as from a query. Covers the types the ledger writes
 * (S, N, M, L, BOOL, NULL) and the sets; binary is not used by the table and is refused.
 */
final class StreamImages {
    private StreamImages() {}

    static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toSdk(
            Map<String, AttributeValue> image) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> out = new HashMap<>();
        for (Map.Entry<String, AttributeValue> e : image.entrySet()) {
            out.put(e.getKey(), toSdk(e.getValue()));
        }
        return out;
    }

    static software.amazon.awssdk.services.dynamodb.model.AttributeValue toSdk(AttributeValue v) {
        if (v.getS() != null) {
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(v.getS());
        }
        if (v.getN() != null) {
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(v.getN());
        }
        if (v.getM() != null) {
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM(toSdk(v.getM()));
        }
        if (v.getL() != null) {
            List<software.amazon.awssdk.services.dynamodb.model.AttributeValue> list = new ArrayList<>();
            for (AttributeValue element : v.getL()) {
                list.add(toSdk(element));
            }
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromL(list);
        }
        if (v.getBOOL() != null) {
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool(v.getBOOL());
        }
        if (v.getNULL() != null) {
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromNul(v.getNULL());
        }
        if (v.getSS() != null) {
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromSs(v.getSS());
        }
        if (v.getNS() != null) {
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromNs(v.getNS());
        }
        throw new IllegalArgumentException("unsupported stream attribute type");
    }
}
