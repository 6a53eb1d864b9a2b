package com.memberpoints.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.settings.ExpiryReminders;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Once per member and expiry instant, whatever the passes: at random hours, repeated (a retried run), run again with
 * the progress of an earlier pass (an overlapping run that started before the other saved), and with the days
 * changed between passes — and never a lost reminder: a lot is reminded exactly when some pass ran while it was in
 * that pass's window.
 */
class ExpiryReminderProperties {
    static final Instant START = Instant.parse("2022-11-01T00:00:00Z");

    /** One pass: hours after the previous one (0 = the same instant again), the days in force, a stale progress. */
    record Pass(int hoursLater, int days, boolean staleProgress) {}

    @Provide
    Arbitrary<List<Pass>> passes() {
        return Arbitraries.integers().between(0, 24 * 6)
                .flatMap(h -> Arbitraries.integers().between(1, 90)
                        .flatMap(d -> Arbitraries.of(true, false).map(s -> new Pass(h, d, s))))
                .list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 150)
    void eachLotIsRemindedOnceExactlyWhenAPassSawItInItsWindow(@ForAll("passes") List<Pass> passes,
                                                              @ForAll @IntRange(min = 1, max = 12) int members,
                                                              @ForAll("offsets") List<Integer> expiryHours) {
        ReminderWorld w = new ReminderWorld();
        w.redeliver = true;
        Map<WalletRef, Instant> lots = new HashMap<>();
        for (int i = 0; i < members; i++) {
            String id = "m" + i;
            w.member(id, Optional.of(id + "@example.com"), Optional.of("+88690000000" + (i % 10)), "en");
            Instant expiry = START.plus(Duration.ofHours(expiryHours.get(i % expiryHours.size())))
                    .plusSeconds(i % 2 == 0 ? 0 : 3599);
            WalletRef wallet = i % 3 == 0 ? w.credits(id) : w.points(id);
            w.credit(wallet, 10 + i, expiry);
            lots.put(wallet, expiry);
        }
        Set<WalletRef> shouldBeReminded = new HashSet<>();
        Instant now = START;
        Optional<ReminderProgress> earlier = Optional.empty();
        for (Pass p : passes) {
            now = now.plus(Duration.ofHours(p.hoursLater()));
            ExpiryReminders choice = new ExpiryReminders(true, p.days(), true, true);
            w.choice.set(choice);
            Optional<ReminderProgress> before = w.markers.progress(w.store.id());
            if (p.staleProgress() && earlier.isPresent()) {
                w.markers.saveProgress(w.store.id(), earlier.get()); // an overlapping run read the older progress
            }
            w.runAt(now, 1000);
            earlier = before;
            Instant end = ExpiryReminderPass.windowEnd(now, choice, w.store.zone());
            for (Map.Entry<WalletRef, Instant> lot : lots.entrySet()) {
                if (lot.getValue().isAfter(now) && lot.getValue().isBefore(end)) {
                    shouldBeReminded.add(lot.getKey());
                }
            }
        }
        // once per member, wallet and instant on each channel
        assertThat(w.notify.emails).extracting(EmailSender.EmailMessage::to).doesNotHaveDuplicates();
        assertThat(w.notify.emails).hasSize(shouldBeReminded.size());
        assertThat(w.notify.sms).hasSize(shouldBeReminded.size());
        // never lost: the markers are exactly the lots some pass saw in its window
        assertThat(w.markers.all()).extracting(ExpiryReminder::wallet).containsExactlyInAnyOrderElementsOf(
                shouldBeReminded);
        for (ExpiryReminder r : w.markers.all()) {
            assertThat(r.expiresAt()).isEqualTo(lots.get(r.wallet()));
        }
    }

    @Provide
    Arbitrary<List<Integer>> offsets() {
        return Arbitraries.integers().between(1, 24 * 120).list().ofMinSize(1).ofMaxSize(12);
    }
}
