package com.memberpoints.domain.ledger;

import java.util.Objects;

/**
 * A range of the ledger's change stream that a consumer gave up on: the positions of its first and last record in
 * one shard of one stream (DynamoDB Streams sequence numbers, kept as opaque text here). The records themselves stay
 * in the stream for its retention (24 h), so the range is enough to read them back.
 *
 * @param stream        the stream's identity (its ARN)
 * @param shard         the shard the records are in
 * @param firstSequence the first record's sequence number
 * @param lastSequence  the last record's sequence number (the range includes both ends)
 */
public record StreamRange(String stream, String shard, String firstSequence, String lastSequence) {
    public StreamRange {
        requireText(stream, "stream");
        requireText(shard, "shard");
        requireText(firstSequence, "firstSequence");
        requireText(lastSequence, "lastSequence");
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
