package com.memberpoints.domain.inmemory;

import com.memberpoints.domain.notify.Channel;
import com.memberpoints.domain.notify.Delivery;
import com.memberpoints.domain.notify.DeliveryCursor;
import com.memberpoints.domain.notify.DeliveryKey;
import com.memberpoints.domain.notify.DeliveryStatus;

import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.notify.DeliveryStore;
import com.memberpoints.domain.notify.SmsUsageMeter;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link DeliveryStore} and {@link SmsUsageMeter} in memory (tests, the local stack); every method is atomic. */
public final class InMemoryDeliveryStore implements DeliveryStore, SmsUsageMeter {

    private final Map<DeliveryKey, Delivery> deliveries = new HashMap<>();
    private final Map<String, long[]> usage = new HashMap<>();

    @Override
    public synchronized boolean claim(Delivery claim) {
        if (claim.status() != DeliveryStatus.CLAIMED || claim.attempts() != 1) {
            throw new IllegalArgumentException("a claim is CLAIMED at attempt 1");
        }
        return deliveries.putIfAbsent(claim.key(), claim) == null;
    }

    @Override
    public synchronized Optional<Delivery> find(DeliveryKey key) {
        return Optional.ofNullable(deliveries.get(key));
    }

    @Override
    public synchronized boolean markSent(DeliveryKey key, int attempt, String providerMessageId, Instant at,
                                         YearMonth billingMonth) {
        Delivery d = deliveries.get(key);
        if (d == null || d.status() != DeliveryStatus.CLAIMED || d.attempts() != attempt) {
            return false;
        }
        deliveries.put(key, d.with(DeliveryStatus.SENT, attempt, Optional.of(providerMessageId), d.lastError(), at,
                Optional.empty()));
        if (key.channel() == Channel.SMS) {
            long[] u = usage.computeIfAbsent(key.merchant().value() + "#" + billingMonth, k -> new long[2]);
            u[0] += d.smsParts();
            u[1] += 1;
        }
        return true;
    }

    @Override
    public synchronized boolean markRetrying(DeliveryKey key, int attempt, String reason, Instant at,
                                             Instant nextAttemptAt) {
        Delivery d = deliveries.get(key);
        if (d == null || d.status() != DeliveryStatus.CLAIMED || d.attempts() != attempt) {
            return false;
        }
        deliveries.put(key, d.with(DeliveryStatus.RETRYING, attempt, Optional.empty(), Optional.of(reason), at,
                Optional.of(nextAttemptAt)));
        return true;
    }

    @Override
    public synchronized boolean markThrottled(DeliveryKey key, int attempt, String reason, Instant at,
                                              Instant nextAttemptAt) {
        Delivery d = deliveries.get(key);
        if (d == null || d.status() != DeliveryStatus.CLAIMED || d.attempts() != attempt) {
            return false;
        }
        deliveries.put(key, new Delivery(key, DeliveryStatus.RETRYING, d.recipient(), d.subject(), d.html(), d.text(),
                d.smsParts(), attempt - 1, Optional.empty(), Optional.of(reason), at, Optional.of(nextAttemptAt),
                d.throttles() + 1));
        return true;
    }

    @Override
    public synchronized boolean markFailed(DeliveryKey key, int attempt, String reason, Instant at) {
        Delivery d = deliveries.get(key);
        if (d == null || d.attempts() != attempt
                || (d.status() != DeliveryStatus.CLAIMED && d.status() != DeliveryStatus.RETRYING)) {
            return false;
        }
        deliveries.put(key, d.with(DeliveryStatus.FAILED_PERMANENT, attempt, Optional.empty(), Optional.of(reason), at,
                Optional.empty()));
        return true;
    }

    @Override
    public synchronized boolean markUnconfirmed(DeliveryKey key, int attempt, String reason, Instant at) {
        Delivery d = deliveries.get(key);
        if (d == null || d.status() != DeliveryStatus.CLAIMED || d.attempts() != attempt) {
            return false;
        }
        deliveries.put(key, d.with(DeliveryStatus.UNCONFIRMED, attempt, Optional.empty(), Optional.of(reason), at,
                Optional.empty()));
        return true;
    }

    @Override
    public synchronized boolean reclaim(DeliveryKey key, int attempt, Instant at) {
        Delivery d = deliveries.get(key);
        if (d == null || d.status() != DeliveryStatus.RETRYING || d.attempts() != attempt
                || d.nextAttemptAt().map(at::isBefore).orElse(true)) {
            return false;
        }
        deliveries.put(key, d.with(DeliveryStatus.CLAIMED, attempt + 1, Optional.empty(), d.lastError(), at,
                Optional.empty()));
        return true;
    }

    @Override
    public synchronized Page<Delivery> list(MerchantId merchant, YearMonth month, Set<DeliveryStatus> statuses,
                                            PageRequest page) {
        String after = page.cursor().map(DeliveryCursor::decode).orElse("");
        List<Delivery> out = new ArrayList<>();
        for (Delivery d : deliveries.values()) {
            if (d.key().merchant().equals(merchant) && d.key().month().equals(month) && statuses.contains(d.status())
                    && d.key().id().compareTo(after) > 0) {
                out.add(d);
            }
        }
        out.sort(Comparator.comparing(d -> d.key().id()));
        if (out.size() <= page.limit()) {
            return new Page<>(List.copyOf(out), Optional.empty());
        }
        List<Delivery> items = List.copyOf(out.subList(0, page.limit()));
        return new Page<>(items, Optional.of(DeliveryCursor.encode(items.getLast().key().id())));
    }

    @Override
    public synchronized SmsUsage usage(MerchantId merchant, YearMonth month) {
        long[] u = usage.getOrDefault(merchant.value() + "#" + month, new long[2]);
        return new SmsUsage(merchant, month, u[0], u[1]);
    }
}
