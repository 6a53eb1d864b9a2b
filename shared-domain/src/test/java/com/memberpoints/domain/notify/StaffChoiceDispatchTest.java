package com.memberpoints.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.bulk.BulkAssignments;
import com.memberpoints.domain.staff.CreditAdjustments;
import com.memberpoints.domain.staff.PointsAdjustments;
import com.memberpoints.domain.inmemory.InMemoryBulkJobQueue;
import com.memberpoints.domain.inmemory.InMemoryBulkJobStore;
import com.memberpoints.domain.inmemory.InMemorySettingsStore;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.bulk.BulkJobQueue;
import com.memberpoints.domain.testing.Fixtures;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The staff's email/SMS choice on manual and bulk assignment travels through the ledger to the dispatcher and
 * is honoured exactly: no box ticked sends nothing, one box sends one channel, a deduction sends nothing.
 */
class StaffChoiceDispatchTest {

    private final NotifyWorld world = new NotifyWorld();
    private final Merchant store = Fixtures.merchant();
    private final Actor bob = Actor.staff("bob");
    private final PointsAdjustments adjustments;
    private final CreditAdjustments creditAdjustments;
    private final BulkAssignments bulk;
    private final InMemoryBulkJobQueue queue = new InMemoryBulkJobQueue();

    StaffChoiceDispatchTest() {
        world.merchants.save(store);
        InMemorySettingsStore settings = new InMemorySettingsStore();
        adjustments = new PointsAdjustments(world.ledger, world.members, world.merchants, settings, world.now::get);
        creditAdjustments = new CreditAdjustments(world.ledger, world.members, world.merchants, settings,
                world.now::get);
        bulk = new BulkAssignments(world.ledger, world.members, world.merchants, settings, new InMemoryBulkJobStore(),
                queue, world.now::get, () -> "id");
        for (String id : List.of("amy", "ben")) {
            world.member(store, id, Optional.of(id + "@example.com"), Optional.of("+88691234567" + id.length()),
                    Optional.of(Locale.ENGLISH));
        }
    }

    private JournalEntry adjust(String member, long points, NotifyChoice choice, String key) {
        var outcome = adjustments.adjust(store.id(), MemberId.of(member),
                new PointsAdjustments.Request(points, "gift", choice, key), bob);
        return ((PointsAdjustments.Outcome.Done) outcome).entry();
    }

    private JournalEntry last(String member) {
        return world.ledger.history(WalletRef.points(store.id(), MemberId.of(member)), PageRequest.first(1))
                .items().getFirst();
    }

    @Test
    void aManualAddWithNoBoxTickedCarriesNoneAndSendsNothing() {
        JournalEntry e = adjust("amy", 10, NotifyChoice.NONE, "k-1");
        assertThat(e.notification()).isEqualTo(NotifyChoice.NONE);
        assertThat(world.dispatcher.dispatch(List.of(e)).count(NotificationDispatcher.Outcome.SENT)).isZero();
        assertThat(world.emails).isEmpty();
        assertThat(world.sms).isEmpty();
    }

    @Test
    void aManualAddWithEmailOnlySendsOnlyTheEmail() {
        JournalEntry e = adjust("amy", 10, new NotifyChoice(true, false), "k-1");
        world.dispatcher.dispatch(List.of(e));
        assertThat(world.emails).singleElement().satisfies(m -> assertThat(m.to()).isEqualTo("amy@example.com"));
        assertThat(world.sms).isEmpty();
    }

    @Test
    void aDeductionSendsNothing() {
        adjust("amy", 10, NotifyChoice.NONE, "k-1");
        JournalEntry d = adjust("amy", -4, NotifyChoice.NONE, "k-2");
        assertThat(d.notification()).isEqualTo(NotifyChoice.NONE);
        world.dispatcher.dispatch(List.of(d));
        assertThat(world.emails).isEmpty();
        assertThat(world.sms).isEmpty();
    }

    @Test
    void aBulkJobWithSmsOnlyTextsEveryMemberAndEmailsNone() {
        var started = bulk.start(store.id(), new BulkAssignments.Request(
                List.of(MemberId.of("amy"), MemberId.of("ben")), 5, "promo", new NotifyChoice(false, true),
                Optional.empty()), bob);
        assertThat(started).isInstanceOf(BulkAssignments.Outcome.Started.class);
        for (Optional<BulkJobQueue.ChunkMessage> m = queue.poll(); m.isPresent(); m = queue.poll()) {
            bulk.processChunk(m.get().merchant(), m.get().jobId(), m.get().chunk());
        }
        List<JournalEntry> entries = List.of(last("amy"), last("ben"));
        assertThat(entries).extracting(JournalEntry::notification).containsOnly(new NotifyChoice(false, true));
        world.dispatcher.dispatch(entries);
        assertThat(world.sms).hasSize(2);
        assertThat(world.emails).isEmpty();
    }

    private JournalEntry adjustCredits(String member, String amount, NotifyChoice choice, String key) {
        var outcome = creditAdjustments.adjust(store.id(), MemberId.of(member), new CreditAdjustments.Request(
                Fixtures.twd(amount), "goodwill", amount.startsWith("-")
                        ? CreditAdjustments.Validity.STORE_DEFAULT : CreditAdjustments.Validity.NEVER, choice, key), bob);
        return ((CreditAdjustments.Outcome.Done) outcome).entry();
    }

    @Test
    void aManualCreditAdditionSendsTheStaffCreditsMessageInMoneyWithTheReason() {
        JournalEntry e = adjustCredits("amy", "12.50", NotifyChoice.BOTH, "c-1");
        var report = world.dispatcher.dispatch(List.of(e));
        assertThat(report.count(NotificationDispatcher.Outcome.SENT)).isEqualTo(2);
        assertThat(world.emails).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Shop One: NT$12.50 in store credits added to your account");
            assertThat(m.text()).contains("Reason: goodwill").contains("Your credit balance is now NT$12.50.");
        });
        assertThat(world.sms).singleElement().satisfies(m -> assertThat(m.text()).contains("NT$12.50"));
    }

    @Test
    void aManualCreditDeductionSendsNothing() {
        adjustCredits("amy", "12.50", NotifyChoice.NONE, "c-1");
        JournalEntry d = adjustCredits("amy", "-2.50", NotifyChoice.NONE, "c-2");
        assertThat(world.dispatcher.dispatch(List.of(d)).count(NotificationDispatcher.Outcome.SENT)).isZero();
        assertThat(world.emails).isEmpty();
        assertThat(world.sms).isEmpty();
    }
}
