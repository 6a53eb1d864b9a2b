package com.memberpoints.functions.admin.bulk;

import com.memberpoints.functions.platform.http.IdempotencyKeys;
import com.memberpoints.domain.bulk.BulkAssignments;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.json.FieldReader;
import java.util.List;
import java.util.Optional;
import com.memberpoints.functions.admin.AdminJson;

import com.memberpoints.domain.bulk.BulkJob;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;

/** JSON of a bulk job's state. */
final class BulkJson {
    private BulkJson() {}

    static JsonObject.Builder job(BulkJob job) {
        JsonObject.Builder b = JsonObject.builder()
                .put("jobId", job.jobId())
                .put("status", job.status().name())
                .put("points", job.points())
                .put("reason", job.reason())
                .put("sendEmail", job.notification().email())
                .put("sendSms", job.notification().sms())
                .put("createdAt", job.createdAt().toString())
                .put("createdBy", AdminJson.changedBy(job.actor()))
                .put("totalMembers", job.totalMembers())
                .put("processed", job.processed())
                .put("credited", job.credited())
                .put("unknownMembers", job.unknownMembers())
                .put("failed", job.failed())
                .put("emailRecipients", job.emailRecipients())
                .put("smsRecipients", job.smsRecipients())
                .put("chunks", job.chunkCount())
                .put("chunksDone", job.chunksDone());
        if (job.expiresAt().isPresent()) {
            b.put("expiresAt", job.expiresAt().get().toString());
        } else {
            b.putNull("expiresAt");
        }
        return b;
    }

    /** A create body: the request and whether it is only a dry run. */
    record Create(BulkAssignments.Request request, boolean dryRun) {
        /** The request with the client's idempotency key from the header or the field. */
        BulkAssignments.Request withKey(Optional<String> key) {
            return new BulkAssignments.Request(request.memberIds(), request.points(), request.reason(),
                    request.notification(), key);
        }
    }

    static Create create(FieldReader r) {
        List<MemberId> ids = r.strings("memberIds", 1, BulkJob.MAX_MEMBERS, MemberId::of,
                "must be a member id (1-128 characters of A-Z a-z 0-9 . _ : @ + -)");
        long points = r.integer("points", 1, BulkAssignments.MAX_POINTS);
        String reason = r.string("reason", 1, LedgerCommand.MAX_REASON_LENGTH);
        boolean email = r.optionalBool("sendEmail").orElse(false);
        boolean sms = r.optionalBool("sendSms").orElse(false);
        boolean dryRun = r.optionalBool("dryRun").orElse(false);
        Optional<String> key = r.parsed("idempotencyKey", 100, IdempotencyKeys::check,
                "must be 1-100 characters of letters, digits and ._:@+-");
        if (ids.isEmpty() || ids.contains(null) || points < 1 || reason == null) {
            return null; // errors recorded
        }
        return new Create(new BulkAssignments.Request(ids, points, reason, new NotifyChoice(email, sms), key), dryRun);
    }

    static JsonObject dryRun(BulkAssignments.DryRun r) {
        return JsonObject.builder()
                    .put("dryRun", true)
                    .put("requested", r.requested())
                    .put("distinct", r.distinct())
                    .put("existingMembers", r.existing())
                    .put("unknownMembers", r.unknown())
                    .put("emailRecipients", r.emailRecipients())
                    .put("smsRecipients", r.smsRecipients())
                    .put("smsEnabled", r.smsEnabled())
                    .build();
    }

    /** The problem answering a bulk assignment that was not started. */
    static ApiException refused(BulkAssignments.Outcome outcome) {
        return switch (outcome) {
            case BulkAssignments.Outcome.StoreNotConfigured n -> AdminJson.storeNotConfigured();
            case BulkAssignments.Outcome.KeyReused k -> ApiException.conflict(
                    "This Idempotency-Key was already used for a different bulk assignment.");
            case BulkAssignments.Outcome.DryRunDone d -> throw new IllegalStateException("a dry run is not refused");
            case BulkAssignments.Outcome.Started s -> throw new IllegalStateException("a started job is not refused");
        };
    }

    /** One line per member: its id, its outcome and, for a FAILED one, why ({@code failure}). */
    static JsonArray outcomes(java.util.List<com.memberpoints.domain.bulk.MemberOutcome> outcomes) {
        java.util.List<JsonValue> items = new java.util.ArrayList<>(outcomes.size());
        for (com.memberpoints.domain.bulk.MemberOutcome o : outcomes) {
            JsonObject.Builder line = JsonObject.builder().put("memberId", o.member().value())
                    .put("outcome", o.result().name());
            if (!o.failure().isEmpty()) {
                line.put("failure", o.failure());
            }
            items.add(line.build());
        }
        return new JsonArray(items);
    }
}
