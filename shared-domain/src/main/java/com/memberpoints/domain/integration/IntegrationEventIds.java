package com.memberpoints.domain.integration;

import com.memberpoints.domain.ledger.OperationId;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The stable ids of the integration events, on which consumers deduplicate: a name-based hash (SHA-256, the first
 * 128 bits in hex, prefixed {@code mp-}) of what identifies the fact, never of a clock or a random source, so every
 * redelivery of the same fact carries the same id.
 *
 * <ul>
 *   <li>a ledger event: merchant, member and the journal entry's operation id (unique per member ledger; it names the
 *       wallet);</li>
 *   <li>a bulk job completed: merchant and job id;</li>
 *   <li>points about to expire: merchant, member, wallet and the expiry instant (one reminder per member and expiry
 *       instant).</li>
 * </ul>
 * Each part is length-prefixed and the kind of fact comes first, so no two different facts can share an input.
 */
public final class IntegrationEventIds {
    public static final String PREFIX = "mp-";

    private IntegrationEventIds() {}

    public static String ofJournalEntry(MerchantId merchant, MemberId member, OperationId operation) {
        return hash("journal", merchant.value(), member.value(), operation.value());
    }

    public static String ofBulkJob(MerchantId merchant, String jobId) {
        return hash("bulk-job-completed", merchant.value(), jobId);
    }

    public static String ofExpiryReminder(MerchantId merchant, MemberId member, Wallet wallet, Instant expiresAt) {
        return hash("expiry-reminder", merchant.value(), member.value(), wallet.name(),
                Long.toString(expiresAt.getEpochSecond()));
    }

    private static String hash(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                byte[] bytes = p.getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            byte[] digest = sha.digest();
            return PREFIX + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
