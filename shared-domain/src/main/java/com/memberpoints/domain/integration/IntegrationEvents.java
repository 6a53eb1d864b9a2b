package com.memberpoints.domain.integration;

import com.memberpoints.domain.integration.IntegrationEvent.AdjustmentSource;
import com.memberpoints.domain.integration.IntegrationEvent.Reversal;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.merchant.UnknownMerchantException;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * Use case: publishes the integration events of a batch of facts (journal entries, completed bulk jobs, reminders
 * sent) at least once, never losing one silently.
 *
 * <ol>
 *   <li>Each fact becomes at most one {@link IntegrationEvent} ({@link #eventOf}); store credits read the merchant's
 *       currency ({@link MerchantStore}, cached in Lambda), and with the merchant's opt-in ({@link PersonalData#CONTACT})
 *       the members' contact details are read once per merchant ({@link MemberStore#findAll}).</li>
 *   <li>The events are put in requests within EventBridge's limits ({@link EventBatches}: 10 entries, 256 KB).</li>
 *   <li>Entries the bus did not accept — a partial failure, or every entry of a request that failed as a whole — are
 *       put again, and only they, after a backoff doubling from {@link Settings#firstBackoff()}, up to
 *       {@link Settings#maxAttempts()} attempts in all.</li>
 *   <li>What is still not accepted is reported per fact ({@link Report#failures()}): the stream handler fails the
 *       earliest such record so that Lambda delivers it again (and after the mapping's retries, to its dead-letter
 *       queue). Entries accepted before are then put again: consumers deduplicate on {@code eventId}.</li>
 * </ol>
 */
public final class IntegrationEvents {

    /**
     * @param source       the events' {@code source} (counted in the request size)
     * @param maxAttempts  puts of one entry at most in one call of {@link #publish}, at least 1
     * @param firstBackoff wait before the second attempt; doubled before each further one
     */
    public record Settings(PersonalData personalData, String source, int maxAttempts, Duration firstBackoff) {
        public static final String DEFAULT_SOURCE = "member-points";
        public static final Settings DEFAULT = new Settings(PersonalData.NONE, DEFAULT_SOURCE, 4, Duration.ofMillis(100));

        public Settings {
            Objects.requireNonNull(personalData, "personalData");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(firstBackoff, "firstBackoff");
            if (source.isBlank()) {
                throw new IllegalArgumentException("source must not be blank");
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
        }

        public Settings withPersonalData(PersonalData p) {
            return new Settings(p, source, maxAttempts, firstBackoff);
        }

        public Settings withSource(String s) {
            return new Settings(personalData, s, maxAttempts, firstBackoff);
        }
    }

    /** Waits between attempts (production: {@code Thread.sleep}). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        static Sleeper system() {
            return d -> Thread.sleep(d.toMillis());
        }
    }

    /** One fact whose event was not published, by its position in the batch, and why. */
    public record Failure(int fact, String reason) {
        public Failure {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * @param facts     facts handed in
     * @param events    events they made (facts with no event are skipped: see {@link #eventOf})
     * @param published events accepted by the bus
     * @param putCalls  requests made (every attempt counts)
     * @param failures  facts whose event was not published (sorted by position)
     */
    public record Report(int facts, int events, int published, int putCalls, List<Failure> failures) {
        public Report {
            failures = List.copyOf(failures);
        }

        /** The earliest fact not published: the stream retries from its record. */
        public OptionalInt firstFailedFact() {
            return failures.isEmpty() ? OptionalInt.empty() : OptionalInt.of(failures.getFirst().fact());
        }
    }

    private final MerchantStore merchants;
    private final MemberStore members;
    private final IntegrationEventPublisher publisher;
    private final Settings settings;
    private final Sleeper sleeper;

    public IntegrationEvents(MerchantStore merchants, MemberStore members, IntegrationEventPublisher publisher,
                             Settings settings, Sleeper sleeper) {
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.members = Objects.requireNonNull(members, "members");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public Settings settings() {
        return settings;
    }

    /** Publishes the events of {@code facts} (in their order), retrying what the bus did not accept. */
    public Report publish(List<IntegrationFact> facts) {
        Map<Integer, Failure> failures = new java.util.TreeMap<>();
        Map<String, List<Integer>> factsOfEvent = new LinkedHashMap<>();
        Map<String, OutgoingEvent> outgoing = new LinkedHashMap<>();
        Map<MerchantId, Map<MemberId, MemberContact>> contacts = contacts(facts, failures);
        Map<MerchantId, Currency> currencies = new HashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            if (failures.containsKey(i)) {
                continue;
            }
            try {
                IntegrationFact fact = facts.get(i);
                Optional<MemberContact> contact = memberOf(fact)
                        .flatMap(m -> Optional.ofNullable(contacts.getOrDefault(m.getKey(), Map.of()).get(m.getValue())));
                Optional<IntegrationEvent> event = eventOf(fact,
                        merchant -> currencies.computeIfAbsent(merchant, this::currencyOf), contact);
                if (event.isPresent()) {
                    OutgoingEvent e = OutgoingEvent.of(event.get());
                    outgoing.putIfAbsent(e.eventId(), e);
                    factsOfEvent.computeIfAbsent(e.eventId(), k -> new ArrayList<>()).add(i);
                }
            } catch (RuntimeException e) {
                failures.put(i, new Failure(i, "could not make the event: " + e.getMessage()));
            }
        }
        int[] putCalls = {0};
        Map<String, String> notPublished = put(new ArrayList<>(outgoing.values()), putCalls);
        notPublished.forEach((id, reason) -> factsOfEvent.get(id).forEach(i -> failures.putIfAbsent(i, new Failure(i, reason))));
        return new Report(facts.size(), outgoing.size(), outgoing.size() - notPublished.size(), putCalls[0],
                new ArrayList<>(failures.values()));
    }

    /** Puts every event, then again only the ones not accepted; answers those never accepted, with the last reason. */
    private Map<String, String> put(List<OutgoingEvent> events, int[] putCalls) {
        Map<String, String> notAccepted = new LinkedHashMap<>();
        EventBatches.Split split = EventBatches.split(events, settings.source());
        split.oversize().forEach(e -> notAccepted.put(e.eventId(), "larger than a PutEvents request may be ("
                + e.sizeBytes(settings.source()) + " bytes)"));
        List<List<OutgoingEvent>> requests = split.requests();
        Duration backoff = settings.firstBackoff();
        for (int attempt = 1; attempt <= settings.maxAttempts() && !requests.isEmpty(); attempt++) {
            if (attempt > 1) {
                pause(backoff);
                backoff = backoff.multipliedBy(2);
            }
            List<OutgoingEvent> again = new ArrayList<>();
            Map<String, String> reasons = new HashMap<>();
            for (List<OutgoingEvent> request : requests) {
                putCalls[0]++;
                try {
                    Set<String> rejectedIds = new HashSet<>();
                    for (IntegrationEventPublisher.Rejected r : publisher.put(request)) {
                        rejectedIds.add(r.eventId());
                        reasons.put(r.eventId(), "rejected by the bus: " + r.code() + " " + r.message());
                    }
                    request.stream().filter(e -> rejectedIds.contains(e.eventId())).forEach(again::add);
                } catch (IntegrationEventPublisher.PublisherException e) {
                    request.forEach(ev -> reasons.put(ev.eventId(), "request failed: " + e.getMessage()));
                    again.addAll(request);
                }
            }
            if (attempt == settings.maxAttempts()) {
                again.forEach(e -> notAccepted.put(e.eventId(), reasons.get(e.eventId()) + " (after "
                        + settings.maxAttempts() + " attempts)"));
            }
            requests = EventBatches.split(again, settings.source()).requests();
        }
        return notAccepted;
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry integration events", e);
        }
    }

    private Currency currencyOf(MerchantId merchant) {
        return merchants.find(merchant).orElseThrow(() -> new UnknownMerchantException(merchant)).currency();
    }

    /** With the opt-in: the contact details of every member the facts name, one batched read per merchant. */
    private Map<MerchantId, Map<MemberId, MemberContact>> contacts(List<IntegrationFact> facts, Map<Integer, Failure> failures) {
        Map<MerchantId, Map<MemberId, MemberContact>> out = new HashMap<>();
        if (settings.personalData() != PersonalData.CONTACT) {
            return out;
        }
        Map<MerchantId, Set<MemberId>> wanted = new LinkedHashMap<>();
        for (IntegrationFact f : facts) {
            memberOf(f).ifPresent(m -> wanted.computeIfAbsent(m.getKey(), k -> new HashSet<>()).add(m.getValue()));
        }
        wanted.forEach((merchant, ids) -> {
            try {
                Map<MemberId, MemberContact> found = new HashMap<>();
                for (Map.Entry<MemberId, MemberProfile> p : members.findAll(merchant, ids).entrySet()) {
                    found.put(p.getKey(), MemberContact.of(p.getValue()));
                }
                out.put(merchant, found);
            } catch (RuntimeException e) {
                for (int i = 0; i < facts.size(); i++) {
                    int index = i;
                    memberOf(facts.get(i)).filter(m -> m.getKey().equals(merchant)).ifPresent(m ->
                            failures.put(index, new Failure(index, "could not read member profiles: " + e.getMessage())));
                }
            }
        });
        return out;
    }

    private static Optional<Map.Entry<MerchantId, MemberId>> memberOf(IntegrationFact fact) {
        return switch (fact) {
            case IntegrationFact.Journal j -> Optional.of(Map.entry(j.entry().wallet().merchant(), j.entry().wallet().member()));
            case IntegrationFact.ReminderSent r -> Optional.of(Map.entry(r.reminder().merchant(), r.reminder().member()));
            case IntegrationFact.BulkCompleted b -> Optional.empty();
        };
    }

    /**
     * The event of one fact, or empty when the fact has none (docs/decisions.md "12.1 Integration events"): store
     * credits spent or given back at checkout, an expiry reminder of store credits. {@code currency} is asked only
     * for store-credit events; {@code contact} is present only with the opt-in.
     */
    public static Optional<IntegrationEvent> eventOf(IntegrationFact fact, Function<MerchantId, Currency> currency,
                                                     Optional<MemberContact> contact) {
        return switch (fact) {
            case IntegrationFact.Journal j -> ofEntry(j.entry(), currency, contact);
            case IntegrationFact.BulkCompleted b -> Optional.of(new IntegrationEvent.BulkJobCompleted(b));
            case IntegrationFact.ReminderSent r -> r.reminder().wallet() == Wallet.POINTS
                    ? Optional.of(new IntegrationEvent.PointsAboutToExpire(r.reminder(), contact))
                    : Optional.empty();
        };
    }

    private static Optional<IntegrationEvent> ofEntry(JournalEntry e, Function<MerchantId, Currency> currency,
                                                      Optional<MemberContact> contact) {
        LedgerFacts f = LedgerFacts.of(e, contact);
        if (e.wallet().wallet() == Wallet.POINTS) {
            return Optional.ofNullable(switch (e.kind()) {
                case EARN, EARN_ADJUST_ADD -> new IntegrationEvent.PointsEarned(f);
                case REDEEM -> new IntegrationEvent.PointsRedeemed(f);
                case REDEEM_REVERT -> new IntegrationEvent.PointsReverted(f, Reversal.REDEMPTION);
                case EARN_ADJUST_DEDUCT -> new IntegrationEvent.PointsReverted(f, Reversal.EARNING);
                case ADJUST_ADD, ADJUST_DEDUCT -> new IntegrationEvent.PointsAdjusted(f, AdjustmentSource.MANUAL);
                case BULK_CREDIT -> new IntegrationEvent.PointsAdjusted(f, AdjustmentSource.BULK);
                case IMPORT_CREDIT -> new IntegrationEvent.PointsAdjusted(f, AdjustmentSource.IMPORT);
                case EXPIRE -> new IntegrationEvent.PointsExpired(f);
                case REWARD_CREDIT -> null; // never on the points wallet
            });
        }
        return Optional.ofNullable(switch (e.kind()) {
            case REWARD_CREDIT -> new IntegrationEvent.StoreCreditsIssued(f, currency.apply(f.merchant()));
            case ADJUST_ADD, ADJUST_DEDUCT -> new IntegrationEvent.StoreCreditsAdjusted(f, currency.apply(f.merchant()),
                    AdjustmentSource.MANUAL);
            case BULK_CREDIT -> new IntegrationEvent.StoreCreditsAdjusted(f, currency.apply(f.merchant()),
                    AdjustmentSource.BULK);
            case IMPORT_CREDIT -> new IntegrationEvent.StoreCreditsAdjusted(f, currency.apply(f.merchant()),
                    AdjustmentSource.IMPORT);
            case EXPIRE -> new IntegrationEvent.StoreCreditsExpired(f, currency.apply(f.merchant()));
            case REDEEM, REDEEM_REVERT, EARN, EARN_ADJUST_ADD, EARN_ADJUST_DEDUCT -> null; // not an integration event
        });
    }
}
