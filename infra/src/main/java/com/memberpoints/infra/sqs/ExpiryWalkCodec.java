package com.memberpoints.infra.sqs;

import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.sweep.ExpiryWalk;
import com.memberpoints.infra.wire.FlatFields;
import com.memberpoints.infra.wire.FlatJson;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The SQS message naming one expiry walk (issue 16 change 7),
 * {@code {"merchantId":"..","part":3,"runAt":"2027-01-01T00:00:00Z","cursor":".."}} (cursor {@code ""}: from the start
 * of the part): written by {@link SqsExpiryWalkQueue}, read by the expiry sweep worker function. Reading is strict.
 * A reminder walk (issue 16 change 7b) adds {@code "kind":"remind"}; a message without {@code kind} is an expiry walk,
 * so expiry messages are written exactly as before reminder walks existed, and messages queued before are read as
 * what they were.
 */
public final class ExpiryWalkCodec {
    private ExpiryWalkCodec() {}

    public static String encode(ExpiryWalk walk) {
        Map<String, Object> members = new LinkedHashMap<>();
        if (walk.kind() != ExpiryWalk.Kind.EXPIRE) {
            members.put("kind", walk.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        members.put("merchantId", walk.merchant().value());
        members.put("part", walk.part());
        members.put("runAt", walk.runAt().toString());
        members.put("cursor", walk.cursor().orElse(""));
        return FlatJson.write(members);
    }

    /** The walk, or an {@link InvalidInputException} naming every wrong member. */
    public static ExpiryWalk decode(String text) {
        FlatFields f = FlatFields.of(text);
        ExpiryWalk.Kind kind = f.has("kind") ? f.text("kind", ExpiryWalkCodec::kind) : ExpiryWalk.Kind.EXPIRE;
        MerchantId merchant = f.text("merchantId", MerchantId::of);
        int part = f.count("part");
        Instant runAt = f.text("runAt", ExpiryWalkCodec::instant);
        String cursor = f.text("cursor", s -> s);
        f.done();
        if (kind == null || merchant == null || runAt == null || cursor == null || part < 0
                || part >= ExpiryWalk.REMIND_CLAIM_OFFSET) {
            throw new InvalidInputException("body", "is not an expiry walk message");
        }
        return new ExpiryWalk(kind, merchant, part, runAt, cursor.isEmpty() ? Optional.empty() : Optional.of(cursor));
    }

    private static ExpiryWalk.Kind kind(String s) {
        return switch (s) {
            case "expire" -> ExpiryWalk.Kind.EXPIRE;
            case "remind" -> ExpiryWalk.Kind.REMIND;
            default -> throw new IllegalArgumentException("not a walk kind");
        };
    }

    private static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not an instant", e);
        }
    }
}
