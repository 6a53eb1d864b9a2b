package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.model.StoreBusyException;
import com.memberpoints.domain.model.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * What the settings, merchant, member and order stores share: translating failures into each port's typed
 * exception, batched reads, and opaque cursors.
 */
final class StoreCalls {
    private StoreCalls() {}

    /** Keys per BatchGetItem request (the DynamoDB maximum). */
    static final int BATCH_SIZE = 100;

    /** Runs a call; SDK failures and corrupt items become {@code wrap(message, cause)}, never swallowed. */
    static <T> T call(String what, BiFunction<String, Throwable, RuntimeException> wrap, java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (SdkException e) {
            String message = "DynamoDB failed " + what + ": " + e.getClass().getSimpleName();
            // Throttling (after the SDK's own retries) is carried as a StoreBusyException cause: a 503, not a 500.
            throw wrap.apply(message, DynamoDbThrottling.isThrottling(e) ? new StoreBusyException(message, e) : e);
        } catch (UnprocessedKeysException e) {
            String message = "DynamoDB throttled " + what + ": " + e.getMessage();
            throw wrap.apply(message, new StoreBusyException(message, e));
        } catch (Attrs.CorruptItemException | IllegalArgumentException | ArithmeticException e) {
            // domain constructors refuse what a mapper read: the stored item is not what we wrote
            throw wrap.apply("corrupt item " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Strongly consistent BatchGetItem of {@code keys} in chunks of {@link #BATCH_SIZE}, retrying unprocessed
     * keys with backoff ({@code retry}); keys still unprocessed after the last attempt are a failure. Returns the
     * items found (unknown keys are absent), in no particular order.
     */
    static List<Map<String, AttributeValue>> batchGet(DynamoDbClient dynamo, String table,
            List<Map<String, AttributeValue>> keys, RetryPolicy retry) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += BATCH_SIZE) {
            List<Map<String, AttributeValue>> chunk = keys.subList(from, Math.min(keys.size(), from + BATCH_SIZE));
            Map<String, KeysAndAttributes> request = Map.of(table,
                    KeysAndAttributes.builder().keys(chunk).consistentRead(true).build());
            for (int attempt = 1; ; attempt++) {
                BatchGetItemResponse response = dynamo.batchGetItem(BatchGetItemRequest.builder()
                        .requestItems(request).build());
                found.addAll(response.responses().getOrDefault(table, List.of()));
                Map<String, KeysAndAttributes> unprocessed = response.hasUnprocessedKeys()
                        ? new HashMap<>(response.unprocessedKeys()) : Map.of();
                unprocessed.values().removeIf(k -> !k.hasKeys() || k.keys().isEmpty());
                if (unprocessed.isEmpty()) {
                    break;
                }
                if (attempt >= retry.maxAttempts()) {
                    throw new UnprocessedKeysException(unprocessed.get(table).keys().size() + " keys still unprocessed after "
                            + attempt + " BatchGetItem attempts");
                }
                retry.pause(attempt);
                request = unprocessed;
            }
        }
        return found;
    }

    /** BatchGetItem kept returning unprocessed keys (throttling). */
    static final class UnprocessedKeysException extends RuntimeException {
        UnprocessedKeysException(String message) {
            super(message);
        }
    }

    static String encodeCursor(String tag, String... parts) {
        String joined = tag + "|" + String.join("|", parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    static String[] decodeCursor(String cursor, String tag, int count) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw badCursor();
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != count + 1 || !parts[0].equals(tag)) {
            throw badCursor();
        }
        String[] out = new String[count];
        System.arraycopy(parts, 1, out, 0, count);
        for (String p : out) {
            if (p.isEmpty()) {
                throw badCursor();
            }
        }
        return out;
    }

    static InvalidInputException badCursor() {
        return new InvalidInputException("cursor", "is not a cursor returned by this listing");
    }

    static Optional<Map<String, AttributeValue>> item(Map<String, AttributeValue> item) {
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }
}
