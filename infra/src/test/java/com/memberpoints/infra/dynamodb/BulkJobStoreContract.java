package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.bulk.BulkChunk;
import com.memberpoints.domain.bulk.BulkJob;
import com.memberpoints.domain.bulk.ChunkTally;
import com.memberpoints.domain.bulk.MemberOutcome;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.bulk.BulkJobStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link BulkJobStore} guarantees; run on the in-memory store and on DynamoDB Local. */
abstract class BulkJobStoreContract {
    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    final MerchantId shop = MerchantId.of("shop-" + UUID.randomUUID());

    abstract BulkJobStore store();

    static List<List<MemberId>> chunks(int members) {
        List<List<MemberId>> out = new ArrayList<>();
        for (int from = 0; from < members; from += BulkJob.CHUNK_SIZE) {
            List<MemberId> c = new ArrayList<>();
            for (int i = from; i < Math.min(members, from + BulkJob.CHUNK_SIZE); i++) {
                c.add(MemberId.of("member-" + i));
            }
            out.add(c);
        }
        return out;
    }

    BulkJob job(String id, int members, long points) {
        return BulkJob.created(shop, id, points, "Anniversary", new NotifyChoice(true, false), Actor.staff("bob"), T0,
                Optional.of(Instant.parse("2027-12-31T15:59:59Z")), members);
    }

    @Test
    void createsAJobWithItsChunksOnceAndFindsItAgain() {
        BulkJob job = job("bulk-a", 2500, 10);
        assertThat(store().create(job, chunks(2500))).isEqualTo(new BulkJobStore.CreateResult.Created(job));
        assertThat(store().find(shop, "bulk-a")).contains(job);
        BulkChunk last = store().chunk(shop, "bulk-a", 2).orElseThrow();
        assertThat(last.members()).hasSize(500).startsWith(MemberId.of("member-2000"));
        assertThat(last.done()).isFalse();
        assertThat(store().chunk(shop, "bulk-a", 3)).isEmpty();
        assertThat(store().create(job("bulk-a", 1, 99), chunks(1)))
                .isEqualTo(new BulkJobStore.CreateResult.Exists(job));
        assertThat(store().chunk(shop, "bulk-a", 0).orElseThrow().members()).hasSize(1000);
        assertThat(store().find(MerchantId.of("other"), "bulk-a")).isEmpty();
    }

    /** Issue 13 B1: why each member failed is kept with the chunk (one text shared by many members is stored once). */
    @Test
    void failureTextsSurviveTheRoundTrip() {
        store().create(job("bulk-f", 5, 5), chunks(5));
        List<MemberOutcome> outcomes = List.of(
                MemberOutcome.failed(MemberId.of("member-0"), "the credit is invalid: reason must not contain control characters"),
                new MemberOutcome(MemberId.of("member-1"), MemberOutcome.Result.CREDITED),
                MemberOutcome.failed(MemberId.of("member-2"), "the credit is invalid: reason must not contain control characters"),
                MemberOutcome.failed(MemberId.of("member-3"), "the ledger refused it: \u00e9t\u00e9 \uD83C\uDF81"),
                MemberOutcome.failed(MemberId.of("member-4"), ""));
        assertThat(store().completeChunk(shop, "bulk-f", 0, outcomes, ChunkTally.of(outcomes, 0, 0))).isTrue();
        assertThat(store().chunk(shop, "bulk-f", 0).orElseThrow().outcomes()).isEqualTo(outcomes);
        assertThat(store().find(shop, "bulk-f").orElseThrow().failed()).isEqualTo(4);
    }

    @Test
    void aChunkIsCompletedAndCountedExactlyOnce() {
        store().create(job("bulk-b", 3, 5), chunks(3));
        List<MemberOutcome> outcomes = List.of(
                new MemberOutcome(MemberId.of("member-0"), MemberOutcome.Result.CREDITED),
                new MemberOutcome(MemberId.of("member-1"), MemberOutcome.Result.UNKNOWN_MEMBER),
                new MemberOutcome(MemberId.of("member-2"), MemberOutcome.Result.FAILED));
        ChunkTally tally = ChunkTally.of(outcomes, 1, 0);
        assertThat(store().completeChunk(shop, "bulk-b", 0, outcomes, tally)).isTrue();
        assertThat(store().completeChunk(shop, "bulk-b", 0, outcomes, tally)).isFalse();
        BulkJob job = store().find(shop, "bulk-b").orElseThrow();
        assertThat(job.status()).isEqualTo(BulkJob.Status.COMPLETED);
        assertThat(List.of(job.credited(), job.unknownMembers(), job.failed(), job.emailRecipients()))
                .containsExactly(1L, 1L, 1L, 1L);
        assertThat(store().chunk(shop, "bulk-b", 0).orElseThrow().outcomes()).isEqualTo(outcomes);
    }

    @Test
    void outcomesArePagedInIdOrderAcrossChunks() {
        store().create(job("bulk-c", 1500, 5), chunks(1500));
        List<List<MemberId>> chunks = chunks(1500);
        for (int c = 0; c < 2; c++) {
            List<MemberOutcome> out = new ArrayList<>();
            for (MemberId m : chunks.get(c)) {
                out.add(new MemberOutcome(m, MemberOutcome.Result.CREDITED));
            }
            store().completeChunk(shop, "bulk-c", c, out, ChunkTally.of(out, 0, 0));
        }
        List<MemberOutcome> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Page<MemberOutcome> page = store().outcomes(shop, "bulk-c", new PageRequest(cursor, 100));
            all.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent() && pages < 100);
        assertThat(all).hasSize(1500);
        assertThat(all.get(1000).member()).isEqualTo(MemberId.of("member-1000"));
        assertThat(all.stream().map(MemberOutcome::member).distinct()).hasSize(1500);
        assertThatThrownBy(() -> store().outcomes(shop, "bulk-c", PageRequest.after("x", 10)))
                .isInstanceOf(InvalidInputException.class);
    }
}
