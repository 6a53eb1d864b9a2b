package com.memberpoints.functions.admin.bulk;

import com.memberpoints.functions.admin.AdminJson;

import com.memberpoints.domain.bulk.BulkJob;
import com.memberpoints.functions.platform.json.JsonObject;

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
}
