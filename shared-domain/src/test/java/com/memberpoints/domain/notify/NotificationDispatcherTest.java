package com.memberpoints.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
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
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class NotificationDispatcherTest {

    private final NotifyWorld world = new NotifyWorld();
    private final Merchant store = Fixtures.merchant();
    private final Instant at = Instant.parse("2021-12-04T01:00:00Z");
    private final Optional<Instant> endOf2022 = Optional.of(Instant.parse("2022-12-31T15:59:59Z"));

    NotificationDispatcherTest() {
        world.merchants.save(store);
    }

    private MemberProfile amy(Optional<String> email, Optional<String> phone) {
        return world.member(store, "amy", email, phone, Optional.of(Locale.ENGLISH));
    }

    private JournalEntry apply(LedgerCommand command) {
        LedgerResult r = world.ledger.apply(command);
        return ((LedgerResult.Applied) r).entry();
    }

    private JournalEntry earn(String order, long points) {
        return apply(LedgerCommand.earn(store.id(), MemberId.of("amy"), OrderId.of(order), points, endOf2022, at));
    }

    @Test
    void anOrderEarnSendsOneEmailAndOneSmsWithTheFigures() {
        amy(Optional.of("amy@example.com"), Optional.of("+886912345678"));
        NotificationDispatcher.Report report = world.dispatcher.dispatch(List.of(earn("o-1", 120)));

        assertThat(report.count(NotificationDispatcher.Outcome.SENT)).isEqualTo(2);
        assertThat(world.emails).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("amy@example.com");
            assertThat(m.subject()).isEqualTo("Shop One: you earned 120 points");
            assertThat(m.text()).contains("Your balance is now 120 points.").contains("December 31, 2022");
        });
        assertThat(world.sms).singleElement().satisfies(m -> {
            assertThat(m.phoneNumber()).isEqualTo("+886912345678");
            assertThat(m.text()).startsWith("Shop One: you earned 120 points. Balance: 120 points.");
        });
    }

    @Test
    void theSameEntryDispatchedThreeTimesSendsEachMessageOnce() {
        amy(Optional.of("amy@example.com"), Optional.of("+886912345678"));
        JournalEntry e = earn("o-1", 120);
        for (int i = 0; i < 3; i++) {
            world.dispatcher.dispatch(List.of(e));
        }
        assertThat(world.emails).hasSize(1);
        assertThat(world.sms).hasSize(1);
        assertThat(world.deliveries.usage(store.id(), YearMonth.of(2021, 12)).messages()).isEqualTo(1);
    }

    @Test
    void concurrentDispatchesOfTheSameEntrySendEachMessageOnce() throws Exception {
        amy(Optional.of("amy@example.com"), Optional.of("+886912345678"));
        JournalEntry e = earn("o-1", 120);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<NotificationDispatcher.Report>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> world.dispatcher.dispatch(List.of(e)));
            }
            long sent = 0;
            for (Future<NotificationDispatcher.Report> f : pool.invokeAll(calls)) {
                sent += f.get().count(NotificationDispatcher.Outcome.SENT);
            }
            assertThat(sent).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
        assertThat(world.emails).hasSize(1);
        assertThat(world.sms).hasSize(1);
    }

    @Test
    void noEmailWithoutAnAddressNoSmsWithoutAPhone() {
        amy(Optional.empty(), Optional.of("+886912345678"));
        world.dispatcher.dispatch(List.of(earn("o-1", 10)));
        assertThat(world.emails).isEmpty();
        assertThat(world.sms).hasSize(1);

        amy(Optional.of("amy@example.com"), Optional.empty());
        world.dispatcher.dispatch(List.of(earn("o-2", 10)));
        assertThat(world.emails).hasSize(1);
        assertThat(world.sms).hasSize(1);
    }

    @Test
    void noSmsWhileTheStoreHasSmsOff() {
        world.merchants.save(new Merchant(store.id(), store.name(), store.currency(), store.zone(),
                store.defaultLocale(), store.supportedLocales(), false, true, store.membershipTiers()));
        amy(Optional.of("amy@example.com"), Optional.of("+886912345678"));
        world.dispatcher.dispatch(List.of(earn("o-1", 10)));
        assertThat(world.emails).hasSize(1);
        assertThat(world.sms).isEmpty();
        assertThat(world.deliveries.usage(store.id(), YearMonth.of(2021, 12)).parts()).isZero();
    }

    @Test
    void neverOnADeductionARedemptionAnExpiryOrACorrection() {
        amy(Optional.of("amy@example.com"), Optional.of("+886912345678"));
        earn("o-1", 100);
        WalletRef points = WalletRef.points(store.id(), MemberId.of("amy"));
        List<JournalEntry> debits = List.of(
                apply(LedgerCommand.manualDeduct(points, "req-1", 10, "mistake", Actor.staff("s1"), at)),
                apply(LedgerCommand.redeem(points, OrderId.of("o-2"), 10, false, at)),
                apply(LedgerCommand.earnAdjust(store.id(), MemberId.of("amy"), OrderId.of("o-1"), "r1", -5,
                        endOf2022, at)),
                apply(LedgerCommand.earnAdjust(store.id(), MemberId.of("amy"), OrderId.of("o-1"), "r2", 5,
                        endOf2022, at)));
        NotificationDispatcher.Report report = world.dispatcher.dispatch(debits);
        assertThat(report.results()).isEmpty();
        assertThat(report.skipped()).hasSize(4);
        assertThat(world.emails).isEmpty();
        assertThat(world.sms).isEmpty();
    }

    @Test
    void theStaffChoicesOnManualAndBulkAssignmentAreHonoured() {
        amy(Optional.of("amy@example.com"), Optional.of("+886912345678"));
        WalletRef points = WalletRef.points(store.id(), MemberId.of("amy"));
        JournalEntry emailOnly = apply(LedgerCommand.manualAdd(points, "req-1", 50, endOf2022, "Birthday",
                Actor.staff("s1"), at).withNotification(new NotifyChoice(true, false)));
        JournalEntry smsOnly = apply(LedgerCommand.bulkCredit(points, "job-1", 20, endOf2022, "Launch party",
                Actor.staff("s1"), at).withNotification(new NotifyChoice(false, true)));
        JournalEntry silent = apply(LedgerCommand.manualAdd(points, "req-2", 5, endOf2022, "Quiet",
                Actor.staff("s1"), at).withNotification(NotifyChoice.NONE));

        world.dispatcher.dispatch(List.of(emailOnly, smsOnly, silent));

        assertThat(world.emails).singleElement().satisfies(m -> assertThat(m.text()).contains("Reason: Birthday"));
        assertThat(world.sms).singleElement().satisfies(m -> assertThat(m.text()).contains("(Launch party)"));
    }

    @Test
    void rewardCreditsAreTold() {
        amy(Optional.of("amy@example.com"), Optional.empty());
        JournalEntry e = apply(LedgerCommand.rewardCredit(store.id(), MemberId.of("amy"), OrderId.of("o-9"), 1000,
                Optional.empty(), at));
        world.dispatcher.dispatch(List.of(e));
        assertThat(world.emails).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("Shop One: you received NT$10.00 in store credits"));
    }

    @Test
    void aTransientFailureIsRetriedByTheSweepAfterTheBackoffAndSentOnce() {
        amy(Optional.of("amy@example.com"), Optional.empty());
        world.emailAnswers.add(new DeliveryResult.TransientFailure("SES Throttling"));
        JournalEntry e = earn("o-1", 10);
        assertThat(world.dispatcher.dispatch(List.of(e)).count(NotificationDispatcher.Outcome.RETRYING)).isEqualTo(1);
        assertThat(world.emails).isEmpty();
        List<YearMonth> months = List.of(YearMonth.of(2021, 12));

        // Not due yet: nothing happens; a re-dispatch of the entry does not send either.
        assertThat(world.dispatcher.retryDue(store.id(), months, 100).results()).isEmpty();
        world.dispatcher.dispatch(List.of(e));
        assertThat(world.emails).isEmpty();

        world.now.set(world.now.get().plus(Duration.ofMinutes(1)));
        assertThat(world.dispatcher.retryDue(store.id(), months, 100).count(NotificationDispatcher.Outcome.SENT))
                .isEqualTo(1);
        assertThat(world.dispatcher.retryDue(store.id(), months, 100).results()).isEmpty();
        assertThat(world.emails).hasSize(1);
        Delivery d = world.deliveries.find(DeliveryKey.of(e, store.zone(), Channel.EMAIL)).orElseThrow();
        assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(d.attempts()).isEqualTo(2);
    }

    @Test
    void retriesAreBoundedAndThenAPermanentFailureIsRecordedAndListed() {
        amy(Optional.of("amy@example.com"), Optional.empty());
        for (int i = 0; i < 5; i++) {
            world.emailAnswers.add(new DeliveryResult.TransientFailure("SES 503"));
        }
        JournalEntry e = earn("o-1", 10);
        world.dispatcher.dispatch(List.of(e));
        List<YearMonth> months = List.of(YearMonth.of(2021, 12));
        for (int i = 0; i < 5; i++) {
            world.now.set(world.now.get().plus(Duration.ofHours(1)));
            world.dispatcher.retryDue(store.id(), months, 100);
        }
        Delivery d = world.deliveries.find(DeliveryKey.of(e, store.zone(), Channel.EMAIL)).orElseThrow();
        assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED_PERMANENT);
        assertThat(d.attempts()).isEqualTo(3);
        assertThat(d.lastError()).hasValue("gave up after 3 attempts: SES 503");
        assertThat(world.emailAnswers).hasSize(2); // exactly 3 provider calls
        assertThat(world.deliveries.list(store.id(), YearMonth.of(2021, 12),
                EnumSet.of(DeliveryStatus.FAILED_PERMANENT), PageRequest.first(10)).items()).containsExactly(d);
    }

    @Test
    void aPermanentFailureIsRecordedAndNeverRetried() {
        amy(Optional.empty(), Optional.of("+886912345678"));
        world.smsAnswers.add(new DeliveryResult.PermanentFailure("SNS OptedOut"));
        JournalEntry e = earn("o-1", 10);
        world.dispatcher.dispatch(List.of(e));
        world.now.set(world.now.get().plus(Duration.ofDays(1)));
        world.dispatcher.retryDue(store.id(), List.of(YearMonth.of(2021, 12)), 100);
        world.dispatcher.dispatch(List.of(e));
        assertThat(world.sms).isEmpty();
        Delivery d = world.deliveries.find(DeliveryKey.of(e, store.zone(), Channel.SMS)).orElseThrow();
        assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED_PERMANENT);
        assertThat(d.lastError()).hasValue("SNS OptedOut");
        assertThat(world.deliveries.usage(store.id(), YearMonth.of(2021, 12)).parts()).isZero();
    }

    @Test
    void anUnknownAnswerIsRecordedUnconfirmedNeverResentNeverMeteredAndListed() {
        amy(Optional.of("amy@example.com"), Optional.of("+886912345678"));
        world.emailAnswers.add(new DeliveryResult.Unknown("SES ApiCallAttemptTimeoutException"));
        world.smsAnswers.add(new DeliveryResult.Unknown("SNS SdkClientException: Read timed out"));
        JournalEntry e = earn("o-1", 10);

        NotificationDispatcher.Report first = world.dispatcher.dispatch(List.of(e));
        assertThat(first.count(NotificationDispatcher.Outcome.UNCONFIRMED)).isEqualTo(2);
        // The provider did take both (the fake records them before losing the answer): one of each, ever.
        assertThat(world.emails).hasSize(1);
        assertThat(world.sms).hasSize(1);

        List<YearMonth> months = List.of(YearMonth.of(2021, 12));
        for (int i = 0; i < 3; i++) {
            world.now.set(world.now.get().plus(Duration.ofDays(1)));
            assertThat(world.dispatcher.retryDue(store.id(), months, 100).results()).isEmpty();
            assertThat(world.dispatcher.dispatch(List.of(e)).count(NotificationDispatcher.Outcome.ALREADY_CLAIMED))
                    .isEqualTo(2);
        }
        assertThat(world.emails).hasSize(1);
        assertThat(world.sms).hasSize(1);

        Delivery email = world.deliveries.find(DeliveryKey.of(e, store.zone(), Channel.EMAIL)).orElseThrow();
        assertThat(email.status()).isEqualTo(DeliveryStatus.UNCONFIRMED);
        assertThat(email.attempts()).isEqualTo(1);
        assertThat(email.lastError()).hasValue("SES ApiCallAttemptTimeoutException");
        assertThat(email.providerMessageId()).isEmpty();
        assertThat(email.nextAttemptAt()).isEmpty();
        // Usage counts confirmed sends only.
        assertThat(world.deliveries.usage(store.id(), YearMonth.of(2021, 12)).parts()).isZero();
        assertThat(world.deliveries.usage(store.id(), YearMonth.of(2021, 12)).messages()).isZero();
        assertThat(world.deliveries.list(store.id(), YearMonth.of(2021, 12), EnumSet.of(DeliveryStatus.UNCONFIRMED),
                PageRequest.first(10)).items()).extracting(Delivery::key).containsExactlyInAnyOrder(email.key(),
                DeliveryKey.of(e, store.zone(), Channel.SMS));
    }

    @Test
    void anUnknownAnswerOnARetryEndsTheRetriesToo() {
        amy(Optional.of("amy@example.com"), Optional.empty());
        world.emailAnswers.add(new DeliveryResult.TransientFailure("SES Throttling"));
        world.emailAnswers.add(new DeliveryResult.Unknown("SES connection reset"));
        JournalEntry e = earn("o-1", 10);
        world.dispatcher.dispatch(List.of(e));
        List<YearMonth> months = List.of(YearMonth.of(2021, 12));
        world.now.set(world.now.get().plus(Duration.ofMinutes(1)));
        assertThat(world.dispatcher.retryDue(store.id(), months, 100).count(NotificationDispatcher.Outcome.UNCONFIRMED))
                .isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            world.now.set(world.now.get().plus(Duration.ofHours(1)));
            assertThat(world.dispatcher.retryDue(store.id(), months, 100).results()).isEmpty();
        }
        assertThat(world.emails).hasSize(1);
        Delivery d = world.deliveries.find(DeliveryKey.of(e, store.zone(), Channel.EMAIL)).orElseThrow();
        assertThat(d.status()).isEqualTo(DeliveryStatus.UNCONFIRMED);
        assertThat(d.attempts()).isEqualTo(2);
    }

    @Test
    void aClaimWhoseOutcomeWasLostStaysClaimedAndIsNeverSentAgain() {
        amy(Optional.of("amy@example.com"), Optional.empty());
        JournalEntry e = earn("o-1", 10);
        DeliveryKey key = DeliveryKey.of(e, store.zone(), Channel.EMAIL);
        // A dispatcher claimed and then died before the provider answered.
        world.deliveries.claim(Delivery.claim(key, "amy@example.com", "s", "h", "t", 0, at));
        world.now.set(world.now.get().plus(Duration.ofDays(1)));
        world.dispatcher.dispatch(List.of(e));
        world.dispatcher.retryDue(store.id(), List.of(YearMonth.of(2021, 12)), 100);
        assertThat(world.emails).isEmpty();
        assertThat(world.deliveries.list(store.id(), YearMonth.of(2021, 12), EnumSet.of(DeliveryStatus.CLAIMED), PageRequest.first(10)).items())
                .extracting(Delivery::key).containsExactly(key);
    }

    @Test
    void smsPartsAreMeteredInTheSendMonthOfTheStoreZoneOncePerSms() {
        amy(Optional.empty(), Optional.of("+886912345678"));
        // 2021-12-31 16:30 UTC is already January in Taipei.
        world.now.set(Instant.parse("2021-12-31T16:30:00Z"));
        WalletRef points = WalletRef.points(store.id(), MemberId.of("amy"));
        JournalEntry e = apply(LedgerCommand.manualAdd(points, "req-1", 50, endOf2022, "x".repeat(150),
                Actor.staff("s1"), at));
        world.dispatcher.dispatch(List.of(e));
        world.dispatcher.dispatch(List.of(e));
        assertThat(world.sms).hasSize(1);
        int parts = com.memberpoints.domain.notify.SmsCounter.count(world.sms.get(0).text()).parts();
        assertThat(parts).isEqualTo(2);
        assertThat(world.deliveries.usage(store.id(), YearMonth.of(2022, 1)).parts()).isEqualTo(parts);
        assertThat(world.deliveries.usage(store.id(), YearMonth.of(2022, 1)).messages()).isEqualTo(1);
        assertThat(world.deliveries.usage(store.id(), YearMonth.of(2021, 12)).parts()).isZero();
    }

    @Test
    void unknownMembersAndStoresAreSkippedNotFailed() {
        JournalEntry e = earn("o-1", 10);
        assertThat(world.dispatcher.dispatch(List.of(e)).skipped()).singleElement()
                .asString().contains("no member profile");
    }

    @Test
    void reachableChannelsForABulkJobFollowTheSameRules() {
        MemberProfile both = amy(Optional.of("amy@example.com"), Optional.of("+886912345678"));
        MemberProfile noPhone = world.member(store, "bob", Optional.of("bob@example.com"), Optional.empty(),
                Optional.empty());
        Merchant smsOff = new Merchant(store.id(), store.name(), store.currency(), store.zone(), store.defaultLocale(),
                store.supportedLocales(), false, true, store.membershipTiers());
        assertThat(NotificationDispatcher.channels(NotifyChoice.BOTH, store, both))
                .containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
        assertThat(NotificationDispatcher.channels(NotifyChoice.BOTH, smsOff, both)).containsExactly(Channel.EMAIL);
        assertThat(NotificationDispatcher.channels(new NotifyChoice(false, true), store, noPhone)).isEmpty();
        assertThat(NotificationDispatcher.channels(NotifyChoice.NONE, store, both)).isEmpty();
    }

    @Test
    void aSenderThatThrowsIsRecordedAsFailedAndTheErrorSurfaces() {
        NotifyWorld broken = new NotifyWorld(m -> {
            throw new IllegalStateException("no credentials configured");
        });
        broken.merchants.save(store);
        broken.member(store, "amy", Optional.of("amy@example.com"), Optional.empty(), Optional.empty());
        JournalEntry e = ((LedgerResult.Applied) broken.ledger.apply(LedgerCommand.earn(store.id(), MemberId.of("amy"),
                OrderId.of("o-1"), 10, endOf2022, at))).entry();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> broken.dispatcher.dispatch(List.of(e)))
                .isInstanceOf(IllegalStateException.class);
        Delivery d = broken.deliveries.find(DeliveryKey.of(e, store.zone(), Channel.EMAIL)).orElseThrow();
        assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED_PERMANENT);
        assertThat(d.lastError()).hasValue("sender error: IllegalStateException");
    }
}
