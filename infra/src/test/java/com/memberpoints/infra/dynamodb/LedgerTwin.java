package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.Lot;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.ledger.WalletState;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The DynamoDB store and the in-memory reference model side by side: every command goes to both,
 * and {@link #checkInvariants()} compares them and checks the ledger's arithmetic.
 */
final class LedgerTwin {
    final MerchantId merchant;
    final MemberId member;
    final LedgerStore model = new InMemoryLedgerStore();
    final LedgerStore real;
    final List<LedgerCommand> applied = new ArrayList<>();

    LedgerTwin(LedgerStore real, MerchantId merchant, MemberId member) {
        this.real = real;
        this.merchant = merchant;
        this.member = member;
    }

    WalletRef ref(Wallet wallet) {
        return new WalletRef(merchant, member, wallet);
    }

    LedgerResult apply(LedgerCommand command) {
        LedgerResult expected = model.apply(command);
        LedgerResult actual = real.apply(command);
        assertThat(actual).as("result of %s", command).isEqualTo(expected);
        applied.add(command);
        return actual;
    }

    void checkInvariants() {
        for (Wallet wallet : Wallet.values()) {
            WalletRef ref = ref(wallet);
            WalletState state = real.wallet(ref);
            assertThat(state).as("wallet %s equals the model", wallet).isEqualTo(model.wallet(ref));
            List<JournalEntry> journal = allHistory(real, ref);
            assertThat(journal).as("journal of %s equals the model", wallet).isEqualTo(allHistory(model, ref));
            long journalSum = journal.stream().mapToLong(JournalEntry::delta).sum();
            long lotSum = state.lots().asList().stream().mapToLong(Lot::amount).sum();
            assertThat(state.balance()).as("balance = sum of journal").isEqualTo(journalSum);
            assertThat(state.balance()).as("balance = sum of lots").isEqualTo(lotSum);
            assertThat(state.balance()).as("never negative").isNotNegative();
            assertThat(state.lots().asList()).allSatisfy(l -> assertThat(l.amount()).isPositive());
            assertThat(journal).allSatisfy(e -> assertThat(e.balanceAfter()).isNotNegative());
            assertThat(state.version()).as("one version per entry").isEqualTo(journal.size());
            if (!journal.isEmpty()) {
                assertThat(journal.getFirst().balanceAfter()).isEqualTo(state.balance());
            }
        }
        Instant farFuture = Instant.parse("2100-01-01T00:00:00Z");
        assertThat(real.staleHolds(merchant, farFuture, PageRequest.first(100)).items())
                .isEqualTo(model.staleHolds(merchant, farFuture, PageRequest.first(100)).items());
        assertThat(real.expiringUpTo(merchant, farFuture, PageRequest.first(100)).items())
                .isEqualTo(model.expiringUpTo(merchant, farFuture, PageRequest.first(100)).items());
    }

    static List<JournalEntry> allHistory(LedgerStore store, WalletRef ref) {
        List<JournalEntry> out = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<JournalEntry> page = store.history(ref, new PageRequest(cursor, 100));
            out.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return out;
    }
}
