package com.memberpoints.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.settings.ExpiryReminders;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reminder pass over in-memory ports: window, once per member and expiry instant, channels, reads. */
class ExpiryReminderPassTest {
    /** 23:59:59 on 31 December 2022 in Taipei (the fixture store's zone). */
    static final Instant END_OF_2022 = Instant.parse("2022-12-31T15:59:59Z");
    /** 00:00 on 17 December 2022 in Taipei: 14 calendar days before the expiry date. */
    static final Instant DEC_17 = Instant.parse("2022-12-16T16:00:00Z");

    final ReminderWorld w = new ReminderWorld();

    @Test
    void aLotIsRemindedFromTheStartOfTheLocalDayDaysBeforeItsExpiryDate_once() {
        w.member("alice", Optional.of("alice@example.com"), Optional.of("+886912345678"), "en");
        w.credit(w.points("alice"), 1098, END_OF_2022);

        assertThat(w.runAt(DEC_17.minus(Duration.ofHours(1)), 100).reminded()).isZero();
        assertThat(w.notify.emails).isEmpty();

        ExpiryReminderPass.PassReport first = w.runAt(DEC_17, 100);
        assertThat(first.reminded()).isEqualTo(1);
        assertThat(w.notify.emails).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Shop One: 1,098 points expire on December 31, 2022");
            assertThat(m.text()).contains("1,098 of your points at Shop One expire on December 31, 2022.")
                    .contains("Your balance is 1,098 points.");
        });
        assertThat(w.notify.sms).singleElement().satisfies(m -> assertThat(m.text())
                .isEqualTo("Shop One: 1,098 points expire on December 31, 2022. Balance: 1,098 points."));
        assertThat(w.markers.find(w.points("alice"), END_OF_2022)).hasValueSatisfying(r -> {
            assertThat(r.amount()).isEqualTo(1098);
            assertThat(r.daysBefore()).isEqualTo(14);
        });

        for (int h = 1; h <= 24 * 20; h++) {
            w.runAt(DEC_17.plus(Duration.ofHours(h)), 100);
        }
        assertThat(w.notify.emails).hasSize(1);
        assertThat(w.notify.sms).hasSize(1);
        assertThat(w.notify.deliveries.usage(w.store.id(), YearMonth.of(2022, 12)).messages()).isEqualTo(1);
    }

    @Test
    void creditsAreRemindedInTheMembersLocaleWithTheCreditsWording() {
        w.member("bo", Optional.of("bo@example.com"), Optional.empty(), "zh-TW");
        w.credit(w.credits("bo"), 15_000, END_OF_2022);

        w.runAt(DEC_17, 100);

        assertThat(w.notify.emails).singleElement().satisfies(m -> {
            assertThat(m.subject()).startsWith("Shop One：您有 ").contains("購物金將於").contains("到期");
            assertThat(m.subject()).contains("150");
            assertThat(m.html()).startsWith("<!DOCTYPE html><html lang=\"zh-TW\">");
        });
        assertThat(w.notify.sms).isEmpty(); // no phone number
    }

    @Test
    void smsOnlyWithAPhoneAndTheStoreSmsOn_emailOnlyWithAnAddress() {
        w.member("phone-only", Optional.empty(), Optional.of("+886900000001"), "en");
        w.member("nothing", Optional.empty(), Optional.empty(), "en");
        w.credit(w.points("phone-only"), 10, END_OF_2022);
        w.credit(w.points("nothing"), 10, END_OF_2022);
        w.choice.set(new ExpiryReminders(true, 14, true, false)); // email only: the phone-only member gets nothing

        ExpiryReminderPass.PassReport r = w.runAt(DEC_17, 100);

        assertThat(r.reminded()).isEqualTo(2); // the markers are the facts, messages or not
        assertThat(w.notify.emails).isEmpty();
        assertThat(w.notify.sms).isEmpty();
    }

    @Test
    void remindersOffReadNothing() {
        w.member("alice", Optional.of("alice@example.com"), Optional.empty(), "en");
        w.credit(w.points("alice"), 5, END_OF_2022);
        w.choice.set(new ExpiryReminders(false, 14, true, true));

        assertThat(w.runAt(DEC_17, 100)).isEqualTo(ExpiryReminderPass.PassReport.OFF);
        assertThat(w.indexQueries.get() + w.walletReads.get()).isZero();
        assertThat(w.notify.emails).isEmpty();
    }

    @Test
    void onlyTheWalletsEnteringTheWindowAreRead_notEveryMemberWithLots() {
        for (int i = 0; i < 500; i++) {
            w.credit(w.points("far-" + i), 10, END_OF_2022.plus(Duration.ofDays(365)));
        }
        for (int i = 0; i < 7; i++) {
            w.member("near-" + i, Optional.of("near" + i + "@example.com"), Optional.empty(), "en");
            w.credit(w.points("near-" + i), 10, END_OF_2022);
        }
        w.runAt(DEC_17.minus(Duration.ofHours(1)), 1000); // the first pass starts the walk at now
        w.walletReads.set(0);

        ExpiryReminderPass.PassReport r = w.runAt(DEC_17, 1000);

        assertThat(r.reminded()).isEqualTo(7);
        assertThat(w.walletReads.get()).isEqualTo(7);
        assertThat(w.notify.emails).hasSize(7);
    }

    @Test
    void wideningTheDaysCatchesUpAtOnce_narrowingNeverRemindsTwice() {
        w.member("alice", Optional.of("alice@example.com"), Optional.empty(), "en");
        w.member("bob", Optional.of("bob@example.com"), Optional.empty(), "en");
        w.credit(w.points("alice"), 10, END_OF_2022);
        w.credit(w.points("bob"), 10, END_OF_2022.plus(Duration.ofDays(20)));
        w.choice.set(new ExpiryReminders(true, 3, true, false));
        w.runAt(DEC_17, 100);
        assertThat(w.notify.emails).isEmpty();

        w.choice.set(new ExpiryReminders(true, 30, true, false)); // alice's lot is now 14 days away, inside 30
        w.runAt(DEC_17.plus(Duration.ofHours(1)), 100);
        assertThat(w.notify.emails).extracting(EmailSender.EmailMessage::to).containsExactly("alice@example.com");

        w.choice.set(new ExpiryReminders(true, 2, true, false));
        for (int d = 1; d <= 40; d++) {
            w.runAt(DEC_17.plus(Duration.ofDays(d)), 100);
        }
        // bob's lot (20 Jan 2023) was reminded 2 days before once the narrower window reached it; alice's never again
        assertThat(w.notify.emails).extracting(EmailSender.EmailMessage::to)
                .containsExactly("alice@example.com", "bob@example.com");
        assertThat(w.markers.find(w.points("bob"), END_OF_2022.plus(Duration.ofDays(20))).orElseThrow().decidedAt())
                .isEqualTo(Instant.parse("2023-01-17T16:00:00Z")); // 00:00 on 18 January, Taipei
    }

    @Test
    void aRetriedPassAndARedeliveredMarkerSendNothingTwice() {
        w.member("alice", Optional.of("alice@example.com"), Optional.of("+886912345678"), "en");
        w.credit(w.points("alice"), 10, END_OF_2022);
        w.redeliver = true; // every marker met is handed to the dispatcher again, as a stream retry would
        ExpiryReminderPass.PassReport first = w.runAt(DEC_17, 100);
        // the run died before saving its progress: the retry walks the same entries
        w.markers.saveProgress(w.store.id(), ReminderProgress.upTo(DEC_17));
        ExpiryReminderPass.PassReport retry = w.runAt(DEC_17.plusSeconds(60), 100);
        w.notify.dispatcher.remind(w.markers.find(w.points("alice"), END_OF_2022).orElseThrow());

        assertThat(first.reminded()).isEqualTo(1);
        assertThat(retry.reminded()).isZero();
        assertThat(retry.alreadyReminded()).isEqualTo(1);
        assertThat(w.notify.emails).hasSize(1);
        assertThat(w.notify.sms).hasSize(1);
        assertThat(w.notify.deliveries.usage(w.store.id(), YearMonth.of(2022, 12)).messages()).isEqualTo(1);
    }

    @Test
    void theChannelsAreTheOnesChosenWhenTheReminderWasDecided() {
        w.member("alice", Optional.of("alice@example.com"), Optional.of("+886912345678"), "en");
        w.credit(w.points("alice"), 10, END_OF_2022);
        w.choice.set(new ExpiryReminders(true, 14, false, true));
        w.runAt(DEC_17, 100);
        assertThat(w.markers.find(w.points("alice"), END_OF_2022).orElseThrow().channels())
                .isEqualTo(new com.memberpoints.domain.ledger.NotifyChoice(false, true));
        assertThat(w.notify.emails).isEmpty();
        assertThat(w.notify.sms).hasSize(1);
    }

    @Test
    void aTransientFailureIsRetriedByTheRetrySweep_andSmsIsMeteredOnce() {
        w.member("alice", Optional.empty(), Optional.of("+886912345678"), "en");
        w.credit(w.points("alice"), 10, END_OF_2022);
        w.notify.smsAnswers.add(new DeliveryResult.TransientFailure("throttled"));

        w.runAt(DEC_17, 100);
        assertThat(w.notify.sms).isEmpty();
        w.notify.now.set(DEC_17.plus(Duration.ofMinutes(5)));
        w.notify.dispatcher.retryDue(w.store.id(), java.util.List.of(YearMonth.of(2022, 12)), 100);

        assertThat(w.notify.sms).singleElement().satisfies(m -> assertThat(m.text()).contains("10 points expire"));
        assertThat(w.notify.deliveries.usage(w.store.id(), YearMonth.of(2022, 12)).messages()).isEqualTo(1);
    }

    @Test
    void aWalkStoppedAtItsLimitContinuesFromItsCursor() {
        for (int i = 0; i < 250; i++) {
            w.member("m" + i, Optional.of("m" + i + "@example.com"), Optional.empty(), "en");
            w.credit(w.points("m" + i), 10, END_OF_2022);
        }
        ExpiryReminderPass.PassReport first = w.runAt(DEC_17, 100);
        assertThat(first.complete()).isFalse();
        assertThat(first.reminded()).isEqualTo(100);
        w.walletReads.set(0);
        ExpiryReminderPass.PassReport second = w.runAt(DEC_17.plus(Duration.ofHours(1)), 100);
        ExpiryReminderPass.PassReport third = w.runAt(DEC_17.plus(Duration.ofHours(2)), 100);
        assertThat(second.reminded() + third.reminded()).isEqualTo(150);
        assertThat(third.complete()).isTrue();
        assertThat(w.walletReads.get()).isEqualTo(150); // no wallet read twice
        assertThat(w.notify.emails).hasSize(250);
    }

    @Test
    void everyLotOfAListedWalletInsideTheWindowIsReminded() {
        w.member("alice", Optional.of("alice@example.com"), Optional.empty(), "en");
        WalletRef credits = w.credits("alice");
        w.credit(credits, 100, END_OF_2022.minus(Duration.ofDays(3)));
        w.credit(credits, 200, END_OF_2022);
        w.credit(credits, 300, END_OF_2022.plus(Duration.ofDays(30)));

        w.runAt(DEC_17, 100);

        assertThat(w.markers.all()).extracting(ExpiryReminder::amount).containsExactlyInAnyOrder(100L, 200L);
        assertThat(w.notify.emails).hasSize(2);
    }

    @Test
    void theAgendaNamesTheStartOfTheDueDay() {
        w.credit(w.points("alice"), 10, END_OF_2022);
        assertThat(w.pass.nextDue(w.store.id(), Instant.parse("2022-06-01T00:00:00Z"),
                Instant.parse("2030-01-01T00:00:00Z"))).contains(DEC_17);
        w.runAt(DEC_17, 100);
        assertThat(w.pass.nextDue(w.store.id(), DEC_17, Instant.parse("2030-01-01T00:00:00Z"))).isEmpty();
    }
}
