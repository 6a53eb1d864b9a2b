package com.memberpoints.domain.ledger;

import java.util.Objects;

/** Outcome of applying a {@link LedgerCommand}. Refusals are values, not exceptions. */
public sealed interface LedgerResult {

    /** The command changed the ledger; {@code entry} is its journal entry. */
    record Applied(JournalEntry entry) implements LedgerResult {
        public Applied {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** The same operation was applied before; nothing changed; {@code firstEntry} is what it wrote. */
    record Duplicate(JournalEntry firstEntry) implements LedgerResult {
        public Duplicate {
            Objects.requireNonNull(firstEntry, "firstEntry");
        }
    }

    /** A debit larger than what can be spent: nothing changed. {@code available} is the spendable balance. */
    record InsufficientBalance(long available, long requested) implements LedgerResult {}

    /** The operation id was already used by an operation with different content: refused. */
    record OperationIdConflict(OperationId operationId, String detail) implements LedgerResult {
        public OperationIdConflict {
            Objects.requireNonNull(operationId, "operationId");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * Nothing to do and nothing changed: no redemption to revert, lot not due or already expired,
     * hold already confirmed or released.
     */
    record NotApplicable(String reason) implements LedgerResult {
        public NotApplicable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The journal entry this result stands for, when the ledger holds one. */
    default java.util.Optional<JournalEntry> journalEntry() {
        return switch (this) {
            case Applied a -> java.util.Optional.of(a.entry());
            case Duplicate d -> java.util.Optional.of(d.firstEntry());
            default -> java.util.Optional.empty();
        };
    }
}
