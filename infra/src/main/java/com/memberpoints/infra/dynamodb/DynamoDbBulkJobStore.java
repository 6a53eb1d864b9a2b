package com.memberpoints.infra.dynamodb;

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
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link BulkJobStore} on the single table ({@link LedgerTable}), in its own partition per job:
 * <pre>
 * item    pk                         sk               attributes
 * job     BJ#&lt;merchant&gt;#&lt;jobId&gt;     JOB              request (points, reason, ntf, actor, at, exp, total, chunks)
 *                                                     and counters (done, cr, unk, fail, em, sms)
 * chunk   BJ#&lt;merchant&gt;#&lt;jobId&gt;     C#&lt;00000..&gt;      ids (member ids joined by '\n'), out (one letter per
 *                                                     member: C credited, U unknown, F failed; absent until done),
 *                                                     why (map: failure text → positions in the chunk "0,5"; only with F)
 * </pre>
 * Creation writes the chunks first (each a conditional put: new, or byte-identical from an earlier try of
 * the same request) and the job item last, conditionally: the job item is the commit point, so a create
 * that crashed half-way is completed by its retry. A chunk is completed by one transaction that sets its
 * outcomes only if absent and adds its tally to the job counters: counted exactly once. 1,000 ids of up to
 * 128 characters are at most 129 KB: far below the 400 KB item limit; failure texts are stored once each with
 * the positions that failed for it (the domain writes a handful of distinct texts of at most 200 characters).
 */
public final class DynamoDbBulkJobStore implements BulkJobStore {
    private static final String JOB_SK = "JOB";
    private static final String IDS = "ids";
    private static final String OUT = "out";
    private static final String WHY = "why";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbBulkJobStore(DynamoDbClient dynamo, String tableName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(tableName, "tableName");
    }

    static String partition(MerchantId merchant, String jobId) {
        return "BJ#" + merchant.value() + "#" + jobId;
    }

    static String chunkKey(int index) {
        return String.format("C#%05d", index);
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(LedgerTable.PK, AttributeValue.fromS(pk), LedgerTable.SK, AttributeValue.fromS(sk));
    }

    @Override
    public CreateResult create(BulkJob job, List<List<MemberId>> chunks) {
        String pk = partition(job.merchant(), job.jobId());
        try {
            Optional<BulkJob> existing = find(job.merchant(), job.jobId());
            if (existing.isPresent()) {
                return new CreateResult.Exists(existing.get());
            }
            for (int i = 0; i < chunks.size(); i++) {
                Map<String, AttributeValue> item = new HashMap<>(key(pk, chunkKey(i)));
                String ids = join(chunks.get(i));
                item.put(IDS, AttributeValue.fromS(ids));
                try {
                    dynamo.putItem(b -> b.tableName(table).item(item)
                            .conditionExpression("attribute_not_exists(#pk) OR #ids = :ids")
                            .expressionAttributeNames(Map.of("#pk", LedgerTable.PK, "#ids", IDS))
                            .expressionAttributeValues(Map.of(":ids", AttributeValue.fromS(ids))));
                } catch (ConditionalCheckFailedException e) {
                    // Another request with this id wrote other chunks: it owns the job.
                    return find(job.merchant(), job.jobId()).<CreateResult>map(CreateResult.Exists::new)
                            .orElseThrow(() -> new BulkJobStoreException(
                                    "job " + job.jobId() + " is being created by another request", e));
                }
            }
            try {
                dynamo.putItem(b -> b.tableName(table).item(jobItem(job))
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", LedgerTable.PK)));
            } catch (ConditionalCheckFailedException e) {
                return new CreateResult.Exists(find(job.merchant(), job.jobId()).orElseThrow());
            }
            return new CreateResult.Created(job);
        } catch (SdkException e) {
            throw new BulkJobStoreException("could not create bulk job " + job.jobId(), e);
        }
    }

    @Override
    public Optional<BulkJob> find(MerchantId merchant, String jobId) {
        try {
            GetItemResponse r = dynamo.getItem(b -> b.tableName(table).key(key(partition(merchant, jobId), JOB_SK))
                    .consistentRead(true));
            return r.hasItem() && !r.item().isEmpty() ? Optional.of(job(merchant, jobId, r.item())) : Optional.empty();
        } catch (SdkException e) {
            throw new BulkJobStoreException("could not read bulk job " + jobId, e);
        }
    }

    @Override
    public Optional<BulkChunk> chunk(MerchantId merchant, String jobId, int index) {
        if (index < 0) {
            return Optional.empty();
        }
        try {
            GetItemResponse r = dynamo.getItem(b -> b.tableName(table)
                    .key(key(partition(merchant, jobId), chunkKey(index))).consistentRead(true));
            if (!r.hasItem() || r.item().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(chunk(index, r.item()));
        } catch (SdkException e) {
            throw new BulkJobStoreException("could not read chunk " + index + " of bulk job " + jobId, e);
        }
    }

    @Override
    public boolean completeChunk(MerchantId merchant, String jobId, int index, List<MemberOutcome> outcomes,
                                 ChunkTally tally) {
        String pk = partition(merchant, jobId);
        StringBuilder out = new StringBuilder(outcomes.size());
        for (MemberOutcome o : outcomes) {
            out.append(switch (o.result()) {
                case CREDITED -> 'C';
                case UNKNOWN_MEMBER -> 'U';
                case FAILED -> 'F';
            });
        }
        Map<String, AttributeValue> failures = failureTexts(outcomes);
        Update setOutcomes = Update.builder().tableName(table).key(key(pk, chunkKey(index)))
                .updateExpression(failures.isEmpty() ? "SET #out = :out" : "SET #out = :out, #why = :why")
                .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#out)")
                .expressionAttributeNames(failures.isEmpty() ? Map.of("#out", OUT, "#pk", LedgerTable.PK)
                        : Map.of("#out", OUT, "#pk", LedgerTable.PK, "#why", WHY))
                .expressionAttributeValues(failures.isEmpty()
                        ? Map.of(":out", AttributeValue.fromS(out.toString()))
                        : Map.of(":out", AttributeValue.fromS(out.toString()), ":why", AttributeValue.fromM(failures)))
                .build();
        Update addTally = Update.builder().tableName(table).key(key(pk, JOB_SK))
                .updateExpression("ADD #done :one, #cr :cr, #unk :unk, #fail :fail, #em :em, #sms :sms")
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", LedgerTable.PK, "#done", "done", "#cr", "cr", "#unk", "unk",
                        "#fail", "fail", "#em", "em", "#sms", "sms"))
                .expressionAttributeValues(Map.of(":one", n(1), ":cr", n(tally.credited()),
                        ":unk", n(tally.unknownMembers()), ":fail", n(tally.failed()),
                        ":em", n(tally.emailRecipients()), ":sms", n(tally.smsRecipients())))
                .build();
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().update(setOutcomes).build(),
                    TransactWriteItem.builder().update(addTally).build()));
            return true;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.getFirst().code())) {
                return false; // already completed by an earlier delivery
            }
            throw new BulkJobStoreException("could not complete chunk " + index + " of bulk job " + jobId, e);
        } catch (SdkException e) {
            throw new BulkJobStoreException("could not complete chunk " + index + " of bulk job " + jobId, e);
        }
    }

    @Override
    public Page<MemberOutcome> outcomes(MerchantId merchant, String jobId, PageRequest page) {
        int[] at = page.cursor().map(DynamoDbBulkJobStore::parseCursor).orElse(new int[] {0, 0});
        Optional<BulkJob> job = find(merchant, jobId);
        if (job.isEmpty()) {
            return new Page<>(List.of(), Optional.empty());
        }
        int chunks = job.get().chunkCount();
        List<MemberOutcome> items = new ArrayList<>();
        int c = at[0];
        int o = at[1];
        while (c < chunks && items.size() < page.limit()) {
            BulkChunk chunk = chunk(merchant, jobId, c).orElseThrow(
                    () -> new BulkJobStoreException("bulk job " + jobId + " lacks a chunk", null));
            List<MemberOutcome> done = chunk.outcomes();
            while (o < done.size() && items.size() < page.limit()) {
                items.add(done.get(o++));
            }
            if (o >= done.size()) {
                c++;
                o = 0;
            }
        }
        return new Page<>(items, c < chunks ? Optional.of(c + ":" + o) : Optional.empty());
    }

    /**
     * The job an item image (a table stream record's new image) holds, when it is a job item ({@code BJ#…}/{@code JOB});
     * empty for every other item. The integration publisher reads the completed jobs from the stream this way.
     */
    public static Optional<BulkJob> jobOfImage(Map<String, AttributeValue> image) {
        AttributeValue pk = image.get(LedgerTable.PK);
        AttributeValue sk = image.get(LedgerTable.SK);
        if (pk == null || sk == null || pk.s() == null || !pk.s().startsWith("BJ#") || !JOB_SK.equals(sk.s())) {
            return Optional.empty();
        }
        String rest = pk.s().substring("BJ#".length());
        int hash = rest.indexOf('#');
        if (hash <= 0) {
            throw new BulkJobStoreException("unreadable bulk job key " + pk.s(), null);
        }
        return Optional.of(job(MerchantId.of(rest.substring(0, hash)), rest.substring(hash + 1), image));
    }

    // ------------------------------------------------------------------ items

    private static Map<String, AttributeValue> jobItem(BulkJob job) {
        Map<String, AttributeValue> item = new HashMap<>(key(partition(job.merchant(), job.jobId()), JOB_SK));
        item.put("points", n(job.points()));
        item.put("rsn", AttributeValue.fromS(job.reason()));
        item.put("nt", AttributeValue.fromS(job.notification().code()));
        item.put("actor", AttributeValue.fromS(job.actor().label()));
        item.put("at", AttributeValue.fromS(job.createdAt().toString()));
        job.expiresAt().ifPresent(e -> item.put("exp", AttributeValue.fromS(e.toString())));
        item.put("total", n(job.totalMembers()));
        item.put("chunks", n(job.chunkCount()));
        item.put("done", n(job.chunksDone()));
        item.put("cr", n(job.credited()));
        item.put("unk", n(job.unknownMembers()));
        item.put("fail", n(job.failed()));
        item.put("em", n(job.emailRecipients()));
        item.put("sms", n(job.smsRecipients()));
        return item;
    }

    private static BulkJob job(MerchantId merchant, String jobId, Map<String, AttributeValue> item) {
        try {
            return new BulkJob(merchant, jobId, num(item, "points"), item.get("rsn").s(),
                    NotifyChoice.parse(item.get("nt").s()), Actor.parse(item.get("actor").s()),
                    Instant.parse(item.get("at").s()),
                    item.containsKey("exp") ? Optional.of(Instant.parse(item.get("exp").s())) : Optional.empty(),
                    (int) num(item, "total"), (int) num(item, "chunks"), (int) num(item, "done"), num(item, "cr"),
                    num(item, "unk"), num(item, "fail"), num(item, "em"), num(item, "sms"));
        } catch (RuntimeException e) {
            throw new BulkJobStoreException("unreadable bulk job item " + jobId, e);
        }
    }

    /**
     * The failure texts of a chunk, each once, with the positions of the members that failed for it
     * ({@code "the credit is invalid: …" → "0,5,17"}): a chunk whose 1,000 members all fail for one reason stays
     * a few KB.
     */
    private static Map<String, AttributeValue> failureTexts(List<MemberOutcome> outcomes) {
        Map<String, StringBuilder> byText = new java.util.LinkedHashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            String why = outcomes.get(i).failure();
            if (!why.isEmpty()) {
                StringBuilder at = byText.computeIfAbsent(why, k -> new StringBuilder());
                at.append(at.isEmpty() ? "" : ",").append(i);
            }
        }
        Map<String, AttributeValue> out = new HashMap<>();
        byText.forEach((text, at) -> out.put(text, AttributeValue.fromS(at.toString())));
        return out;
    }

    private static Map<Integer, String> positions(Map<String, AttributeValue> failureTexts) {
        Map<Integer, String> out = new HashMap<>();
        failureTexts.forEach((text, at) -> {
            for (String i : at.s().split(",")) {
                out.put(Integer.parseInt(i), text);
            }
        });
        return out;
    }

    private static BulkChunk chunk(int index, Map<String, AttributeValue> item) {
        String ids = item.get(IDS).s();
        List<MemberId> members = new ArrayList<>();
        for (String id : ids.split("\n")) {
            members.add(MemberId.of(id));
        }
        List<MemberOutcome> outcomes = new ArrayList<>();
        if (item.containsKey(OUT)) {
            String out = item.get(OUT).s();
            Map<Integer, String> why = item.containsKey(WHY) ? positions(item.get(WHY).m()) : Map.of();
            for (int i = 0; i < out.length(); i++) {
                MemberId member = members.get(i);
                outcomes.add(switch (out.charAt(i)) {
                    case 'C' -> new MemberOutcome(member, MemberOutcome.Result.CREDITED);
                    case 'U' -> new MemberOutcome(member, MemberOutcome.Result.UNKNOWN_MEMBER);
                    default -> MemberOutcome.failed(member, why.getOrDefault(i, ""));
                });
            }
        }
        return new BulkChunk(index, members, outcomes);
    }

    private static String join(List<MemberId> ids) {
        StringBuilder sb = new StringBuilder(ids.size() * 16);
        for (MemberId id : ids) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(id.value());
        }
        return sb.toString();
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    private static long num(Map<String, AttributeValue> item, String name) {
        return Long.parseLong(item.get(name).n());
    }

    private static int[] parseCursor(String cursor) {
        String[] p = cursor.split(":", 2);
        try {
            int[] at = {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
            if (at[0] < 0 || at[1] < 0) {
                throw new NumberFormatException();
            }
            return at;
        } catch (RuntimeException e) {
            throw new InvalidInputException("cursor", "is not a cursor returned by this listing");
        }
    }
}
