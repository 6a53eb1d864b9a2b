package com.memberpoints.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemorySendBudget;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, docs/scale.md change 5: an account-wide send rate shared by every invocation; a throttled send is
 * deferred without spending an attempt, and a backlog drains at the account's rate — nothing is lost to throttling.
 */
class SendRateTest {
    private final Merchant store = Fixtures.merchant();
    private final Instant at = Instant.parse("2021-12-04T01:00:00Z");
    private final YearMonth month = YearMonth.of(2021, 12);

    private NotifyWorld world(int emailsPerSecond, int maxThrottles) {
        NotifyWorld w = new NotifyWorld(new InMemorySendBudget(Map.of(Channel.EMAIL, emailsPerSecond)),
                new NotificationDispatcher.Settings(3, Duration.ofMinutes(1), maxThrottles, Duration.ofMinutes(1)));
        w.merchants.save(store);
        return w;
    }

    private List<JournalEntry> earnings(NotifyWorld w, int members) {
        List<JournalEntry> out = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String id = "m" + i;
            w.member(store, id, Optional.of(id + "@example.com"), Optional.empty(), Optional.of(Locale.ENGLISH));
            LedgerResult r = w.ledger.apply(LedgerCommand.earn(store.id(), MemberId.of(id), OrderId.of("o-" + i), 10,
                    Optional.empty(), at));
            out.add(((LedgerResult.Applied) r).entry());
        }
        return out;
    }

    @Test
    void aWaveBeyondTheAccountRateSendsTheRateAndDefersTheRestWithoutSpendingAnAttempt() {
        NotifyWorld w = world(3, 100);
        NotificationDispatcher.Report report = w.dispatcher.dispatch(earnings(w, 10));

        assertThat(report.count(NotificationDispatcher.Outcome.SENT)).isEqualTo(3);
        assertThat(report.count(NotificationDispatcher.Outcome.THROTTLED)).isEqualTo(7);
        assertThat(w.emails).hasSize(3);
        List<Delivery> deferred = w.deliveries.list(store.id(), month, EnumSet.of(DeliveryStatus.RETRYING),
                com.memberpoints.domain.model.PageRequest.first(100)).items();
        assertThat(deferred).hasSize(7).allSatisfy(d -> {
            assertThat(d.attempts()).isZero(); // the throttled call was given back
            assertThat(d.throttles()).isEqualTo(1);
            assertThat(d.nextAttemptAt()).contains(w.now.get().plus(Duration.ofMinutes(1)));
        });
    }

    @Test
    void theRetryRunDrainsTheBacklogAtTheRateAndStopsAtTheFirstThrottle_nothingIsLost() {
        NotifyWorld w = world(3, 100);
        w.dispatcher.dispatch(earnings(w, 10));
        int runs = 0;
        while (w.emails.size() < 10 && runs < 20) {
            w.now.set(w.now.get().plus(Duration.ofMinutes(1)));
            NotificationDispatcher.Report run = w.dispatcher.retryDue(store.id(), List.of(month), 500);
            assertThat(run.count(NotificationDispatcher.Outcome.SENT)).isLessThanOrEqualTo(3);
            assertThat(run.count(NotificationDispatcher.Outcome.THROTTLED)).isLessThanOrEqualTo(1);
            runs++;
        }
        assertThat(w.emails).hasSize(10);
        assertThat(w.emails.stream().map(EmailSender.EmailMessage::to).distinct()).hasSize(10);
        assertThat(runs).isEqualTo(3); // 7 deferred at 3 per second-run
        assertThat(w.deliveries.list(store.id(), month, EnumSet.of(DeliveryStatus.FAILED_PERMANENT,
                DeliveryStatus.RETRYING), com.memberpoints.domain.model.PageRequest.first(100)).items()).isEmpty();
    }

    @Test
    void theProvidersThrottlingDefersWithoutSpendingAnAttempt_whileTransientFailuresStillCount() {
        NotifyWorld w = world(100, 100);
        for (int i = 0; i < 5; i++) {
            w.emailAnswers.add(new DeliveryResult.Throttled("SES TooManyRequestsException (429)"));
        }
        w.dispatcher.dispatch(earnings(w, 1));
        for (int i = 0; i < 4; i++) {
            w.now.set(w.now.get().plus(Duration.ofMinutes(1)));
            w.dispatcher.retryDue(store.id(), List.of(month), 10);
        }
        // five throttles, more than maxAttempts (3): still not given up
        Delivery d = w.deliveries.list(store.id(), month, EnumSet.allOf(DeliveryStatus.class),
                com.memberpoints.domain.model.PageRequest.first(10)).items().getFirst();
        assertThat(d.status()).isEqualTo(DeliveryStatus.RETRYING);
        assertThat(d.throttles()).isEqualTo(5);
        w.now.set(w.now.get().plus(Duration.ofMinutes(1)));
        w.dispatcher.retryDue(store.id(), List.of(month), 10);
        assertThat(w.emails).hasSize(1);
    }

    @Test
    void aMessageIsGivenUpOnlyAfterMaxThrottlesDeferrals() {
        NotifyWorld w = world(100, 2);
        for (int i = 0; i < 10; i++) {
            w.emailAnswers.add(new DeliveryResult.Throttled("SES TooManyRequestsException (429)"));
        }
        w.dispatcher.dispatch(earnings(w, 1));
        NotificationDispatcher.Report last = null;
        for (int i = 0; i < 2; i++) {
            w.now.set(w.now.get().plus(Duration.ofMinutes(1)));
            last = w.dispatcher.retryDue(store.id(), List.of(month), 10);
        }
        assertThat(last.count(NotificationDispatcher.Outcome.FAILED_PERMANENT)).isEqualTo(1);
        assertThat(last.results().getFirst().note()).contains("gave up after 3 deferrals");
    }

    @Test
    void aFailingBudgetStoreDefersInsteadOfFailingTheMessage() {
        NotifyWorld w = new NotifyWorld((channel, now) -> {
            throw new IllegalStateException("store down");
        }, NotificationDispatcher.Settings.DEFAULT);
        w.merchants.save(store);
        NotificationDispatcher.Report report = w.dispatcher.dispatch(earnings(w, 1));
        assertThat(report.count(NotificationDispatcher.Outcome.THROTTLED)).isEqualTo(1);
        assertThat(report.results().getFirst().note()).contains("send budget unavailable");
        assertThat(w.emails).isEmpty();
    }
}
