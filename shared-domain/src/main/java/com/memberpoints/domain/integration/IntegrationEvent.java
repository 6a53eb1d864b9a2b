package com.memberpoints.domain.integration;

import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * The service's facts for the merchant's other systems (CRM, marketing), put on an EventBridge bus
 * ({@link IntegrationEvents}). Each event's {@code detail-type} is its record name and its {@code detail} is
 * {@link #detailJson()}, as described by {@code docs/events/<detail-type>.schema.json}. Every event has a stable
 * {@link #eventId()} ({@link IntegrationEventIds}) on which consumers deduplicate: delivery is at least once.
 *
 * <p>Amounts: points are whole numbers, signed as the ledger change (an earn is positive, a redemption negative);
 * store credits are decimal strings in the store currency, signed the same way, with {@code currency}.
 */
public sealed interface IntegrationEvent {

    /** Names this event's {@code detail-type}. */
    default String detailType() {
        return getClass().getSimpleName();
    }

    String eventId();

    MerchantId merchant();

    /** When the fact happened (the envelope's {@code time}). */
    Instant occurredAt();

    /** The {@code detail} JSON object. */
    String detailJson();

    /** Why points were adjusted. */
    enum AdjustmentSource {
        /** One member, by staff (admin API). */
        MANUAL,
        /** Many members, by a staff bulk assignment job. */
        BULK,
        /** A balance imported from another loyalty system (issue 12 item 4). */
        IMPORT
    }

    /** What a reversal takes back. */
    enum Reversal {
        /** Points spent at checkout given back (the order was cancelled, or the hold was never confirmed). */
        REDEMPTION,
        /** Points earned on an order taken back (cancellation, edit or return after assignment). */
        EARNING
    }

    // ---------------------------------------------------------------- points

    /** Points credited for an order (its assignment, or a correction raising it after an edit). */
    record PointsEarned(LedgerFacts facts) implements LedgerEvent {
        public PointsEarned {
            Objects.requireNonNull(facts, "facts");
        }
    }

    /** Points spent at checkout. */
    record PointsRedeemed(LedgerFacts facts) implements LedgerEvent {
        public PointsRedeemed {
            Objects.requireNonNull(facts, "facts");
        }
    }

    /** Points given back (a redemption) or taken back (an order's earning). */
    record PointsReverted(LedgerFacts facts, Reversal reverts) implements LedgerEvent {
        public PointsReverted {
            Objects.requireNonNull(facts, "facts");
            Objects.requireNonNull(reverts, "reverts");
        }

        @Override
        public EventJson extra(EventJson json) {
            return json.put("reverts", reverts.name());
        }
    }

    /** Points added or deducted by staff, by a bulk job or by an import. */
    record PointsAdjusted(LedgerFacts facts, AdjustmentSource source) implements LedgerEvent {
        public PointsAdjusted {
            Objects.requireNonNull(facts, "facts");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public EventJson extra(EventJson json) {
            return json.put("adjustment", source.name());
        }
    }

    /** A lot of points reached its expiry. */
    record PointsExpired(LedgerFacts facts) implements LedgerEvent {
        public PointsExpired {
            Objects.requireNonNull(facts, "facts");
        }
    }

    // ---------------------------------------------------------------- store credits

    /** Order reward store credits issued. */
    record StoreCreditsIssued(LedgerFacts facts, Currency currency) implements CreditsEvent {
        public StoreCreditsIssued {
            Objects.requireNonNull(facts, "facts");
            Objects.requireNonNull(currency, "currency");
        }
    }

    /** Store credits added or deducted by staff, by a bulk job or by an import. */
    record StoreCreditsAdjusted(LedgerFacts facts, Currency currency, AdjustmentSource source) implements CreditsEvent {
        public StoreCreditsAdjusted {
            Objects.requireNonNull(facts, "facts");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public EventJson extra(EventJson json) {
            return json.put("adjustment", source.name());
        }
    }

    /** A lot of store credits reached its expiry. */
    record StoreCreditsExpired(LedgerFacts facts, Currency currency) implements CreditsEvent {
        public StoreCreditsExpired {
            Objects.requireNonNull(facts, "facts");
            Objects.requireNonNull(currency, "currency");
        }
    }

    // ---------------------------------------------------------------- not from the journal

    /** A member was reminded that points expire soon (issue 12 item 2: one reminder per member and expiry instant). */
    record PointsAboutToExpire(ExpiryReminderSent reminder, Optional<MemberContact> contact) implements IntegrationEvent {
        public PointsAboutToExpire {
            Objects.requireNonNull(reminder, "reminder");
            Objects.requireNonNull(contact, "contact");
        }

        @Override
        public String eventId() {
            return IntegrationEventIds.ofExpiryReminder(reminder.merchant(), reminder.member(), reminder.wallet(),
                    reminder.expiresAt());
        }

        @Override
        public MerchantId merchant() {
            return reminder.merchant();
        }

        @Override
        public Instant occurredAt() {
            return reminder.remindedAt();
        }

        @Override
        public String detailJson() {
            EventJson json = new EventJson().put("eventId", eventId()).put("merchantId", reminder.merchant().value())
                    .put("memberId", reminder.member().value()).put("occurredAt", reminder.remindedAt())
                    .put("points", reminder.amount()).put("expiresAt", reminder.expiresAt());
            contact.ifPresent(c -> json.putObject("member", c.json()));
            return json.toJson();
        }
    }

    /** A staff bulk assignment job has an outcome for every member. */
    record BulkJobCompleted(IntegrationFact.BulkCompleted fact) implements IntegrationEvent {
        public BulkJobCompleted {
            Objects.requireNonNull(fact, "fact");
        }

        @Override
        public String eventId() {
            return IntegrationEventIds.ofBulkJob(fact.job().merchant(), fact.job().jobId());
        }

        @Override
        public MerchantId merchant() {
            return fact.job().merchant();
        }

        @Override
        public Instant occurredAt() {
            return fact.completedAt();
        }

        @Override
        public String detailJson() {
            var job = fact.job();
            return new EventJson().put("eventId", eventId()).put("merchantId", job.merchant().value())
                    .put("occurredAt", fact.completedAt()).put("jobId", job.jobId()).put("points", job.points())
                    .put("members", job.totalMembers()).put("credited", job.credited())
                    .put("unknownMembers", job.unknownMembers()).put("failed", job.failed())
                    .put("actor", job.actor().label()).put("createdAt", job.createdAt()).toJson();
        }
    }

    // ---------------------------------------------------------------- shared rendering

    /** An event about one journal entry: the common fields, then the event's own ({@link #extra}). */
    sealed interface LedgerEvent extends IntegrationEvent {
        LedgerFacts facts();

        @Override
        default String eventId() {
            return facts().eventId();
        }

        @Override
        default MerchantId merchant() {
            return facts().merchant();
        }

        default MemberId member() {
            return facts().member();
        }

        @Override
        default Instant occurredAt() {
            return facts().at();
        }

        /** The event's own fields (none by default). */
        default EventJson extra(EventJson json) {
            return json;
        }

        /** The amount fields: points as whole numbers, credits in the currency (CreditsEvent). */
        default EventJson amounts(EventJson json) {
            return json.put("points", facts().delta()).put("balanceAfter", facts().balanceAfter());
        }

        @Override
        default String detailJson() {
            LedgerFacts f = facts();
            EventJson json = new EventJson().put("eventId", eventId()).put("merchantId", f.merchant().value())
                    .put("memberId", f.member().value()).put("occurredAt", f.at()).put("ledgerEntry", f.kind().name());
            amounts(json);
            f.order().ifPresent(o -> json.put("orderId", o.value()));
            f.expiresAt().ifPresent(e -> json.put("expiresAt", e));
            json.put("actor", f.actor());
            extra(json);
            f.reason().ifPresent(r -> json.put("reason", r));
            f.contact().ifPresent(c -> json.putObject("member", c.json()));
            return json.toJson();
        }
    }

    /** A store-credits event: amounts in the store currency. */
    sealed interface CreditsEvent extends LedgerEvent {
        Currency currency();

        @Override
        default EventJson amounts(EventJson json) {
            return json.put("amount", Money.ofMinor(facts().delta(), currency()).toPlainString())
                    .put("balanceAfter", Money.ofMinor(facts().balanceAfter(), currency()).toPlainString())
                    .put("currency", currency().getCurrencyCode());
        }
    }
}
