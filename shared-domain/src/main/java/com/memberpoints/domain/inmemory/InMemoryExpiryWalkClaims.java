package com.memberpoints.domain.inmemory;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.sweep.ExpiryWalkClaims;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ExpiryWalkClaims} in memory: one claim (run instant, last progress) per merchant and part. */
public final class InMemoryExpiryWalkClaims implements ExpiryWalkClaims {

    private record Key(MerchantId merchant, int part) {}

    /** A part's claim: the run walking it and when it last made progress. */
    public record Claim(Instant runAt, Instant progress) {}

    private final Map<Key, Claim> claims = new HashMap<>();

    @Override
    public synchronized boolean claim(MerchantId merchant, int part, Instant runAt, Instant now, Instant staleBefore) {
        Key key = new Key(merchant, part);
        Claim held = claims.get(key);
        if (held != null && !held.progress().isBefore(staleBefore)) {
            return false;
        }
        claims.put(key, new Claim(runAt, now));
        return true;
    }

    @Override
    public synchronized boolean renew(MerchantId merchant, int part, Instant runAt, Instant now) {
        Key key = new Key(merchant, part);
        Claim held = claims.get(key);
        if (held == null || !held.runAt().equals(runAt)) {
            return false;
        }
        claims.put(key, new Claim(runAt, now));
        return true;
    }

    @Override
    public synchronized void release(MerchantId merchant, int part, Instant runAt) {
        claims.computeIfPresent(new Key(merchant, part), (k, held) -> held.runAt().equals(runAt) ? null : held);
    }

    @Override
    public synchronized List<Held> held(MerchantId merchant) {
        return claims.entrySet().stream().filter(e -> e.getKey().merchant().equals(merchant))
                .map(e -> new Held(e.getKey().part(), e.getValue().runAt(), e.getValue().progress())).toList();
    }

    /** The part's claim, if any. */
    public synchronized Optional<Claim> claimOf(MerchantId merchant, int part) {
        return Optional.ofNullable(claims.get(new Key(merchant, part)));
    }
}
