package com.memberpoints.domain.liability;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryLiabilityCounters;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.JournalRangeReader;
import com.memberpoints.domain.ledger.LotChange;
import com.memberpoints.domain.ledger.OperationId;
import com.memberpoints.domain.ledger.StreamRange;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The replay of a stream range the liability consumer gave up on: exactly once, and past retention reported. */
class LiabilityReplayTest {
    private static final MerchantId SHOP = MerchantId.of("shop-1");
    private static final Instant LOT = Instant.parse("2022-12-31T15:59:59Z");
    private static final StreamRange RANGE = new StreamRange("arn:stream", "shard-1", "100", "300");

    private final InMemoryLiabilityCounters counters = new InMemoryLiabilityCounters();
    private final List<String> parked = new ArrayList<>();
    private final UnreplayableRangeQueue queue = (range, reason) -> parked.add(range.shard() + " " + reason);

    static JournalEntry earn(String member, String operation, long points) {
        return new JournalEntry(new OperationId(operation), new WalletRef(SHOP, MemberId.of(member), Wallet.POINTS),
                EntryKind.EARN, points, List.of(new LotChange(Optional.of(LOT), points)), "", Actor.SYSTEM,
                Optional.empty(), Instant.parse("2022-01-01T00:00:00Z"), points, 1, "digest");
    }

    @Test
    void theRangesEntriesAreCountedOnceEvenWhenPartOfThemWereCountedBeforeOrTheRangeIsReplayedTwice() {
        List<JournalEntry> entries = List.of(earn("m1", "op-1", 10), earn("m2", "op-2", 20), earn("m3", "op-3", 30));
        counters.record(entries.get(0)); // the consumer counted the first record before giving up
        LiabilityReplay replay = new LiabilityReplay(range -> new JournalRangeReader.Entries(entries, true), counters, queue);

        var first = (LiabilityReplay.Replayed) replay.replay(RANGE);
        assertThat(first.counted()).extracting(e -> e.operationId().value()).containsExactly("op-2", "op-3");
        assertThat(first.repeated()).isEqualTo(1);
        assertThat(first.complete()).isTrue();
        assertThat(counters.total(SHOP, Wallet.POINTS)).isEqualTo(60);

        var second = (LiabilityReplay.Replayed) replay.replay(RANGE);
        assertThat(second.counted()).isEmpty();
        assertThat(second.repeated()).isEqualTo(3);
        assertThat(counters.total(SHOP, Wallet.POINTS)).isEqualTo(60);
        assertThat(parked).isEmpty();
    }

    @Test
    void aRangePastRetentionCountsNothingAndGoesToTheUnreplayableQueueWithItsReason() {
        LiabilityReplay replay = new LiabilityReplay(range -> new JournalRangeReader.PastRetention("trimmed"), counters, queue);

        assertThat(replay.replay(RANGE)).isEqualTo(new LiabilityReplay.PastRetention(RANGE, "trimmed"));
        assertThat(parked).containsExactly("shard-1 trimmed");
        assertThat(counters.total(SHOP, Wallet.POINTS)).isZero();
    }

    @Test
    void anIncompleteReadCountsWhatWasReadAndSaysSo() {
        LiabilityReplay replay = new LiabilityReplay(
                range -> new JournalRangeReader.Entries(List.of(earn("m1", "op-1", 5)), false), counters, queue);

        var outcome = (LiabilityReplay.Replayed) replay.replay(RANGE);
        assertThat(outcome.complete()).isFalse();
        assertThat(outcome.counted()).hasSize(1);
        assertThat(counters.total(SHOP, Wallet.POINTS)).isEqualTo(5);
    }

    /** However many times, and from however far the consumer got, the counters end equal to one count of each entry. */
    @Property(tries = 200)
    void replaysAfterAnyPartialCountEndWithEachEntryCountedOnce(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 1_000) Integer> amounts,
            @ForAll @IntRange(min = 0, max = 30) int countedBefore,
            @ForAll @IntRange(min = 1, max = 3) int replays) {
        InMemoryLiabilityCounters fresh = new InMemoryLiabilityCounters();
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            entries.add(earn("m" + (i % 7), "op-" + i, amounts.get(i)));
        }
        entries.stream().limit(countedBefore).forEach(fresh::record);
        LiabilityReplay replay = new LiabilityReplay(range -> new JournalRangeReader.Entries(entries, true), fresh,
                (range, reason) -> { throw new AssertionError("nothing is past retention"); });

        int countedByReplays = 0;
        for (int r = 0; r < replays; r++) {
            countedByReplays += ((LiabilityReplay.Replayed) replay.replay(RANGE)).counted().size();
        }
        assertThat(countedByReplays).isEqualTo(Math.max(0, amounts.size() - countedBefore));
        assertThat(fresh.total(SHOP, Wallet.POINTS)).isEqualTo(amounts.stream().mapToLong(Integer::longValue).sum());
    }
}
