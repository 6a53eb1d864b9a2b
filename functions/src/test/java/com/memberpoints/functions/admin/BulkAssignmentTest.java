package com.memberpoints.functions.admin;

import com.memberpoints.functions.admin.bulk.BulkAssignmentStatusHandler;
import com.memberpoints.functions.admin.bulk.CreateBulkAssignmentHandler;

import com.memberpoints.functions.events.BulkAssignmentWorkerHandler;

import static com.memberpoints.functions.admin.AdminWorld.SHOP;
import static com.memberpoints.functions.admin.AdminWorld.call;
import static com.memberpoints.functions.admin.AdminWorld.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.memberpoints.domain.bulk.BulkJob;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.ExpiringLot;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.MemberWallets;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.ledger.RedemptionHold;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.ledger.WalletState;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.bulk.BulkJobQueue;
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.http.Permission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BulkAssignmentTest {
    static final String CREATE = "/v1/admin/points/bulk-assignments";
    static final String STATUS = "/v1/admin/points/bulk-assignments/{jobId}";

    /** A ledger that crashes (like a Lambda timeout or a lost container) at one chosen apply, once. */
    static final class CrashingLedger implements LedgerStore {
        final LedgerStore inner;
        final AtomicInteger applies = new AtomicInteger();
        volatile int crashAt = -1;

        CrashingLedger(LedgerStore inner) {
            this.inner = inner;
        }

        @Override
        public LedgerResult apply(LedgerCommand command) {
            if (applies.incrementAndGet() == crashAt) {
                throw new IllegalStateException("simulated crash mid-chunk");
            }
            return inner.apply(command);
        }

        @Override public WalletState wallet(WalletRef ref) { return inner.wallet(ref); }
        @Override public MemberWallets wallets(MerchantId m, MemberId id) { return inner.wallets(m, id); }
        @Override public Page<JournalEntry> history(WalletRef ref, PageRequest p) { return inner.history(ref, p); }
        @Override public List<JournalEntry> entriesForOrder(MerchantId m, MemberId id, OrderId o) { return inner.entriesForOrder(m, id, o); }
        @Override public Page<ExpiringLot> expiring(MerchantId m, Instant f, Instant t, PageRequest p) { return inner.expiring(m, f, t, p); }
        @Override public Page<RedemptionHold> staleHolds(MerchantId m, Instant b, PageRequest p) { return inner.staleHolds(m, b, p); }
        @Override public HoldConfirmation confirmHold(WalletRef w, OrderId o) { return inner.confirmHold(w, o); }
    }

    final AdminWorld world = newWorld();
    final CrashingLedger ledger = (CrashingLedger) world.ledger;

    /** In memory here; DynamoDB Local (ledger, members, merchants, settings, jobs) in the IT subclass. */
    AdminWorld newWorld() {
        return new AdminWorld(new CrashingLedger(new InMemoryLedgerStore()));
    }
    final CreateBulkAssignmentHandler create = new CreateBulkAssignmentHandler(world.services.bulk(), world.log().logger());
    final BulkAssignmentStatusHandler status = new BulkAssignmentStatusHandler(world.services.bulk(), world.log().logger());
    final BulkAssignmentWorkerHandler worker = new BulkAssignmentWorkerHandler(world.services.bulk(), world.log().logger());

    static String ids(List<String> ids) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        ids.forEach(i -> j.add("\"" + i + "\""));
        return j.toString();
    }

    APIGatewayV2HTTPResponse post(String body, Map<String, String> headers) {
        return call(create, event("POST", CREATE, Map.of(), Map.of(), headers, body,
                ApiEvents.staff("shop-1", "staff-7", Permission.MEMBER_POINTS)));
    }

    APIGatewayV2HTTPResponse status(String jobId, Map<String, String> query) {
        return call(status, event("GET", STATUS, Map.of("jobId", jobId), query, Map.of(), null,
                ApiEvents.staff("shop-1", "staff-7", Permission.MEMBER_POINTS)));
    }

    /** Delivers every queued chunk message to the worker like SQS would: a failed one is delivered again. */
    int drain() {
        int deliveries = 0;
        Optional<BulkJobQueue.ChunkMessage> next;
        while ((next = world.queue.poll()).isPresent()) {
            deliveries++;
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId("m-" + deliveries);
            m.setBody(com.memberpoints.infra.sqs.BulkChunkCodec.encode(next.get()));
            SQSEvent event = new SQSEvent();
            event.setRecords(List.of(m));
            SQSBatchResponse r = worker.handleRequest(event, null);
            if (!r.getBatchItemFailures().isEmpty()) {
                world.queue.enqueue(next.get().merchant(), next.get().jobId(), List.of(next.get().chunk()));
            }
        }
        return deliveries;
    }

    long balance(String member) {
        return ledger.inner.wallet(WalletRef.points(SHOP, MemberId.of(member))).balance();
    }

    @Test
    void dryRunCountsMembersEmailAndSmsAndWritesNothing() {
        world.member(SHOP, "a", true, true);
        world.member(SHOP, "b", true, false);
        world.member(SHOP, "c", false, true);
        var r = post("{\"memberIds\":" + ids(List.of("a", "b", "c", "c", "zz")) + ",\"points\":10,\"reason\":\"Promo\","
                + "\"sendEmail\":true,\"sendSms\":true,\"dryRun\":true}", Map.of());
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(r.getBody()).contains("\"requested\":5", "\"distinct\":4", "\"existingMembers\":3",
                "\"unknownMembers\":1", "\"emailRecipients\":2", "\"smsRecipients\":2", "\"smsEnabled\":true");
        assertThat(world.queue.size()).isZero();
        assertThat(world.jobs.find(SHOP, "bulk-id1")).isEmpty();
    }

    @Test
    void smsRecipientsAreZeroWhileTheStoreHasSmsOff() {
        world.merchants.save(AdminWorld.merchant(SHOP, false));
        world.member(SHOP, "a", true, true);
        var r = post("{\"memberIds\":[\"a\"],\"points\":10,\"reason\":\"Promo\",\"sendSms\":true,\"dryRun\":true}", Map.of());
        assertThat(r.getBody()).contains("\"smsRecipients\":0", "\"smsEnabled\":false", "\"emailRecipients\":1");
    }

    @Test
    void aJobCreditsEachKnownMemberOnceAndReportsPerMemberOutcomes() {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            members.add("m" + i);
            if (i % 10 != 0) { // every tenth id is unknown
                world.member(SHOP, "m" + i, i % 2 == 0, i % 3 == 0);
            }
        }
        var r = post("{\"memberIds\":" + ids(members) + ",\"points\":25,\"reason\":\"Anniversary\",\"sendEmail\":true}",
                Map.of("Idempotency-Key", "anniv-2026"));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(202);
        assertThat(r.getHeaders()).containsEntry("location", CREATE + "/bulk-anniv-2026");
        assertThat(r.getBody()).contains("\"status\":\"RUNNING\"", "\"totalMembers\":2500", "\"chunks\":3");
        assertThat(world.queue.size()).isEqualTo(3);

        assertThat(drain()).isEqualTo(3);

        var s = status("bulk-anniv-2026", Map.of("limit", "100"));
        assertThat(s.getStatusCode()).isEqualTo(200);
        assertThat(s.getBody()).contains("\"status\":\"COMPLETED\"", "\"credited\":2250", "\"unknownMembers\":250",
                "\"failed\":0", "\"processed\":2500", "\"emailRecipients\":1000")
                .contains("{\"memberId\":\"m0\",\"outcome\":\"UNKNOWN_MEMBER\"}", "{\"memberId\":\"m1\",\"outcome\":\"CREDITED\"}");
        assertThat(balance("m1")).isEqualTo(25);
        assertThat(balance("m0")).isZero();
        JournalEntry entry = ledger.inner.history(WalletRef.points(SHOP, MemberId.of("m1")), PageRequest.first(5))
                .items().getFirst();
        assertThat(entry.kind()).isEqualTo(EntryKind.BULK_CREDIT);
        assertThat(entry.notification()).isEqualTo(new NotifyChoice(true, false));
        assertThat(entry.reason()).isEqualTo("Anniversary");

        // Running the job again (same key, and every chunk delivered again) credits nobody twice.
        var again = post("{\"memberIds\":" + ids(members) + ",\"points\":25,\"reason\":\"Anniversary\",\"sendEmail\":true}",
                Map.of("Idempotency-Key", "anniv-2026"));
        assertThat(again.getStatusCode()).isEqualTo(202);
        assertThat(world.queue.size()).isZero();
        world.queue.enqueue(SHOP, "bulk-anniv-2026", List.of(0, 1, 2));
        drain();
        assertThat(balance("m1")).isEqualTo(25);
        assertThat(status("bulk-anniv-2026", Map.of()).getBody()).contains("\"credited\":2250");
    }

    @Test
    void aCrashMidChunkIsResumedAndNobodyIsCreditedTwice() {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            members.add("m" + i);
            world.member(SHOP, "m" + i, true, true);
        }
        ledger.crashAt = 700; // inside the first chunk, after 699 credits
        var r = post("{\"memberIds\":" + ids(members) + ",\"points\":5,\"reason\":\"Promo\"}", Map.of());
        assertThat(r.getStatusCode()).isEqualTo(202);
        String jobId = "bulk-id1";

        int deliveries = drain();

        assertThat(deliveries).as("the crashed chunk was delivered again").isEqualTo(3);
        for (String m : members) {
            assertThat(balance(m)).as(m).isEqualTo(5);
        }
        BulkJob job = world.jobs.find(SHOP, jobId).orElseThrow();
        assertThat(job.credited()).isEqualTo(1500);
        assertThat(job.chunksDone()).isEqualTo(2);
        assertThat(world.log().lines()).anyMatch(l -> l.contains("bulk chunk failed"));
    }

    /** Drains like {@link #drain()} but gives up after {@code max} deliveries: a job that never ends must fail the test, not hang it. */
    int drainAtMost(int max) {
        int deliveries = 0;
        Optional<BulkJobQueue.ChunkMessage> next;
        while (deliveries < max && (next = world.queue.poll()).isPresent()) {
            deliveries++;
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId("m-" + deliveries);
            m.setBody(com.memberpoints.infra.sqs.BulkChunkCodec.encode(next.get()));
            SQSEvent event = new SQSEvent();
            event.setRecords(List.of(m));
            if (!worker.handleRequest(event, null).getBatchItemFailures().isEmpty()) {
                world.queue.enqueue(next.get().merchant(), next.get().jobId(), List.of(next.get().chunk()));
            }
        }
        return deliveries;
    }

    /** Issue 13 B1: 150 emoji are 150 characters for the route and 300 UTF-16 units for the ledger's old rule. */
    @Test
    void aReasonOf150EmojiIsCreditedToEveryMemberAndTheJobEnds() {
        for (int i = 0; i < 3; i++) {
            world.member(SHOP, "e" + i, true, true);
        }
        String reason = "\uD83C\uDF89".repeat(150);
        var r = post("{\"memberIds\":" + ids(List.of("e0", "e1", "e2")) + ",\"points\":7,\"reason\":\"" + reason + "\"}",
                Map.of("Idempotency-Key", "emoji-150"));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(202);

        assertThat(drainAtMost(5)).isEqualTo(1);

        assertThat(status("bulk-emoji-150", Map.of()).getBody()).contains("\"status\":\"COMPLETED\"", "\"credited\":3");
        assertThat(balance("e2")).isEqualTo(7);
        assertThat(ledger.inner.history(WalletRef.points(SHOP, MemberId.of("e0")), PageRequest.first(1)).items()
                .getFirst().reason()).isEqualTo(reason);
    }

    @Test
    void aReasonOf201EmojiIsRefusedBeforeAnyJobExists() {
        var r = post("{\"memberIds\":[\"a\"],\"points\":7,\"reason\":\"" + "\uD83C\uDF89".repeat(201) + "\"}", Map.of());
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getBody()).contains("\"field\":\"reason\"", "must be at most 200 characters");
        assertThat(world.queue.size()).isZero();
    }

    /**
     * Issue 13 B1: a member whose credit can never succeed (here a job stored before the reason rule refused
     * bidirectional overrides) is recorded FAILED with why; the chunk completes and the job ends.
     */
    @Test
    void aMemberThatFailsDeterministicallyIsRecordedFailedAndTheJobEnds() {
        world.member(SHOP, "ok", true, true);
        BulkJob job = BulkJob.created(SHOP, "bulk-old", 9, "Promo \u202Egnp.exe", NotifyChoice.NONE,
                com.memberpoints.domain.model.Actor.parse("staff:staff-7"), AdminWorld.NOW, Optional.empty(), 2);
        world.jobs.create(job, List.of(List.of(MemberId.of("ok"), MemberId.of("ghost"))));
        world.queue.enqueue(SHOP, "bulk-old", List.of(0));

        assertThat(drainAtMost(5)).as("one delivery completes the chunk").isEqualTo(1);

        var s = status("bulk-old", Map.of());
        assertThat(s.getBody()).contains("\"status\":\"COMPLETED\"", "\"failed\":1", "\"unknownMembers\":1",
                "{\"memberId\":\"ok\",\"outcome\":\"FAILED\",\"failure\":\"the credit is invalid: reason must not contain bidirectional override characters\"}",
                "{\"memberId\":\"ghost\",\"outcome\":\"UNKNOWN_MEMBER\"}");
        assertThat(balance("ok")).isZero();
        // Delivered again: the outcome is not counted twice.
        world.queue.enqueue(SHOP, "bulk-old", List.of(0));
        drainAtMost(5);
        assertThat(world.jobs.find(SHOP, "bulk-old").orElseThrow().failed()).isEqualTo(1);
    }

    @Test
    void aReusedKeyWithOtherContentIs409() {
        world.member(SHOP, "a", true, true);
        post("{\"memberIds\":[\"a\"],\"points\":10,\"reason\":\"Promo\"}", Map.of("Idempotency-Key", "k"));
        var r = post("{\"memberIds\":[\"a\"],\"points\":11,\"reason\":\"Promo\"}", Map.of("Idempotency-Key", "k"));
        assertThat(r.getStatusCode()).isEqualTo(409);
    }

    @Test
    void unknownOrForeignJobIs404() {
        assertThat(status("bulk-nope", Map.of()).getStatusCode()).isEqualTo(404);
        world.member(AdminWorld.OTHER_SHOP, "a", true, true);
        var other = new CreateBulkAssignmentHandler(world.services.bulk(), world.log().logger());
        var r = call(other, event("POST", CREATE, Map.of(), Map.of(), Map.of("Idempotency-Key", "x"),
                "{\"memberIds\":[\"a\"],\"points\":10,\"reason\":\"Promo\"}",
                ApiEvents.staff("shop-2", "s", Permission.MEMBER_POINTS)));
        assertThat(r.getStatusCode()).isEqualTo(202);
        var s = status("bulk-x", Map.of());
        assertThat(s.getStatusCode()).isEqualTo(404);
        assertThat(s.getBody()).doesNotContain("Promo");
    }

    @Test
    void hundredThousandIdsAreAcceptedInOneRequest() {
        List<String> members = new ArrayList<>(BulkJob.MAX_MEMBERS);
        for (int i = 0; i < BulkJob.MAX_MEMBERS; i++) {
            members.add("member-" + i);
        }
        String body = "{\"memberIds\":" + ids(members) + ",\"points\":1,\"reason\":\"Big promo\"}";
        assertThat(body.length()).isLessThan(CreateBulkAssignmentHandler.MAX_BODY_BYTES);
        long t0 = System.nanoTime();
        var r = post(body, Map.of());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(202);
        assertThat(r.getBody()).contains("\"totalMembers\":100000", "\"chunks\":100");
        assertThat(world.queue.size()).isEqualTo(100);
        System.out.printf("bulk create: 100,000 ids, %d bytes, %d ms in memory%n", body.length(), ms);
        var tooMany = post("{\"memberIds\":" + ids(members).replace("]", ",\"one-more\"]")
                + ",\"points\":1,\"reason\":\"x\"}", Map.of());
        assertThat(tooMany.getStatusCode()).isEqualTo(400);
        assertThat(tooMany.getBody()).contains("\"field\":\"memberIds\"");
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"memberIds\":[],\"points\":10,\"reason\":\"x\"}|memberIds",
            "{\"points\":10,\"reason\":\"x\"}|memberIds",
            "{\"memberIds\":[\"a b\"],\"points\":10,\"reason\":\"x\"}|memberIds[0]",
            "{\"memberIds\":[\"a\",7],\"points\":10,\"reason\":\"x\"}|memberIds[1]",
            "{\"memberIds\":[\"a\"],\"points\":0,\"reason\":\"x\"}|points",
            "{\"memberIds\":[\"a\"],\"points\":-5,\"reason\":\"x\"}|points",
            "{\"memberIds\":[\"a\"],\"points\":10}|reason",
            "{\"memberIds\":[\"a\"],\"points\":10,\"reason\":\"R201\"}|reason",
            "{\"memberIds\":[\"a\"],\"points\":10,\"reason\":\"x\",\"sendSms\":\"no\"}|sendSms",
            "{\"memberIds\":[\"a\"],\"points\":10,\"reason\":\"x\",\"dryRun\":1}|dryRun",
            "{\"memberIds\":[\"a\"],\"points\":10,\"reason\":\"x\",\"jobId\":\"j\"}|jobId",
    })
    void eachBadFieldIsA400NamingIt(String body, String field) {
        var r = post(body.replace("R201", "r".repeat(201)), Map.of());
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(400);
        assertThat(r.getBody()).contains("\"field\":\"" + field + "\"");
        assertThat(world.queue.size()).isZero();
    }
}
