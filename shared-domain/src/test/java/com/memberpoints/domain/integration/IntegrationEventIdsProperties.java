package com.memberpoints.domain.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.OperationId;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Event ids: the same journal entry always gets the same id; different entries never share one. */
class IntegrationEventIdsProperties {

    record Key(String merchant, String member, String operation) {}

    @Provide
    Arbitrary<Key> keys() {
        // small alphabets with the separators ids may and may not contain, so that near-collisions are tried often
        Arbitrary<String> id = Arbitraries.strings().withChars("ab-_:1").ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> op = Arbitraries.strings().withChars("ab#:1N").ofMinLength(1).ofMaxLength(8);
        return Combinators.combine(id, id, op).as(Key::new);
    }

    @Property(tries = 300)
    void anEntryHasTheSameIdWhateverElseDiffers(@ForAll("keys") Key k, @ForAll @IntRange(min = 1, max = 500) int amount,
                                                 @ForAll boolean staff) {
        JournalEntry first = entry(k, EntryKind.EARN, amount, "", Actor.SYSTEM);
        JournalEntry redelivered = entry(k, EntryKind.EARN, amount, "", Actor.SYSTEM);
        JournalEntry otherContent = entry(k, EntryKind.ADJUST_ADD, amount + 1, "gift", staff ? Actor.staff("s1") : Actor.SYSTEM);
        String id = event(first).eventId();
        assertThat(event(redelivered).eventId()).isEqualTo(id);
        assertThat(event(otherContent).eventId()).as("the id names the entry (operation id), not its content").isEqualTo(id);
        assertThat(id).matches("mp-[0-9a-f]{32}");
    }

    @Property(tries = 200)
    void differentEntriesNeverShareAnId(@ForAll @Size(min = 2, max = 60) List<@net.jqwik.api.From("keys") Key> keys) {
        Map<String, Key> byId = new HashMap<>();
        for (Key k : keys) {
            String id = IntegrationEventIds.ofJournalEntry(MerchantId.of(k.merchant()), MemberId.of(k.member()),
                    new OperationId(k.operation()));
            Key before = byId.putIfAbsent(id, k);
            assertThat(before == null || before.equals(k)).as(k + " and " + before + " share " + id).isTrue();
        }
    }

    @Property(tries = 100)
    void factsOfDifferentKindsNeverShareAnId(@ForAll("keys") Key k) {
        MerchantId m = MerchantId.of(k.merchant());
        String journal = IntegrationEventIds.ofJournalEntry(m, MemberId.of(k.member()), new OperationId(k.operation()));
        String bulk = IntegrationEventIds.ofBulkJob(m, k.member());
        String reminder = IntegrationEventIds.ofExpiryReminder(m, MemberId.of(k.member()), Wallet.POINTS, Entries.LOT);
        assertThat(List.of(journal, bulk, reminder)).doesNotHaveDuplicates();
    }

    private static JournalEntry entry(Key k, EntryKind kind, long amount, String reason, Actor actor) {
        JournalEntry base = Entries.entry(k.member(), Wallet.POINTS, kind, amount, k.operation(), Optional.empty(), reason, actor);
        return new JournalEntry(base.operationId(), new com.memberpoints.domain.ledger.WalletRef(MerchantId.of(k.merchant()),
                base.wallet().member(), Wallet.POINTS), kind, base.delta(), base.lots(), reason, actor, Optional.empty(),
                base.at(), base.balanceAfter(), base.sequence(), base.contentDigest());
    }

    private static IntegrationEvent event(JournalEntry e) {
        return IntegrationEvents.eventOf(new IntegrationFact.Journal(e), m -> Entries.SHOP_CURRENCY, Optional.empty())
                .orElseThrow();
    }
}
