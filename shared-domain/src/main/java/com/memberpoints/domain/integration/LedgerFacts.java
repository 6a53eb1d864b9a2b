package com.memberpoints.domain.integration;

import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.OperationId;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What every ledger integration event says about its journal entry: whose wallet, the ledger kind, the signed change
 * and the balance after it (in points, or in minor units for store credits: the event renders them in the currency),
 * the order where there is one, who made it, when, and, for a credit landing in one expiring lot, that lot's expiry.
 * {@code reason} and {@code contact} are present only with the merchant's opt-in ({@link PersonalData#CONTACT}).
 */
public record LedgerFacts(
        MerchantId merchant,
        MemberId member,
        OperationId operation,
        EntryKind kind,
        long delta,
        long balanceAfter,
        Optional<OrderId> order,
        String actor,
        Instant at,
        Optional<Instant> expiresAt,
        Optional<String> reason,
        Optional<MemberContact> contact) {

    public LedgerFacts {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(contact, "contact");
    }

    /** The facts of {@code entry}; personal data only when {@code contact} is given (the opt-in). */
    public static LedgerFacts of(JournalEntry entry, Optional<MemberContact> contact) {
        Optional<Instant> expiry = Optional.empty();
        if (entry.delta() > 0 && entry.lots().size() == 1) {
            expiry = entry.lots().getFirst().expiresAt();
        }
        Optional<String> reason = contact.isPresent() && !entry.reason().isEmpty()
                ? Optional.of(entry.reason()) : Optional.empty();
        return new LedgerFacts(entry.wallet().merchant(), entry.wallet().member(), entry.operationId(), entry.kind(),
                entry.delta(), entry.balanceAfter(), entry.order(), entry.actor().label(), entry.at(), expiry, reason,
                contact);
    }

    public String eventId() {
        return IntegrationEventIds.ofJournalEntry(merchant, member, operation);
    }
}
