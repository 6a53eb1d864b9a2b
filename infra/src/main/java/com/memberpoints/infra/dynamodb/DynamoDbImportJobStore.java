package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.migration.ImportChunk;
import com.memberpoints.domain.migration.ImportJob;
import com.memberpoints.domain.migration.ImportJobStore;
import com.memberpoints.domain.migration.ImportLine;
import com.memberpoints.domain.migration.ImportRow;
import com.memberpoints.domain.migration.RowOutcome;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@link ImportJobStore} on the single table ({@link LedgerTable}), one partition per job:
 * <pre>
 * item    pk                        sk           attributes
 * job     IJ#&lt;merchant&gt;#&lt;jobId&gt;    JOB          by, at; once the file is fixed: dig, rows, chunks, inv;
 *                                                counters chk, val, unk; once run: rby, rat, racc; counters run,
 *                                                imp, alr, fail, skip (all ADDed once per chunk)
 * part    IJ#&lt;merchant&gt;#&lt;jobId&gt;    P#&lt;000&gt;       txt (the part as uploaded)
 * chunk   IJ#&lt;merchant&gt;#&lt;jobId&gt;    C#&lt;00000&gt;     rows (one line per row, fields joined by tab), chk / out (one
 *                                                letter per row, absent until checked / run), chkw / outw (map:
 *                                                detail text → positions "0,5")
 * </pre>
 * A part is written only while the job has no file (a transaction with a condition on the job item). The dry run
 * writes the chunk items, then fixes the file on the job item conditionally (the commit point: a dry run that
 * crashed before it is simply repeated). A chunk's check and run are each one transaction setting the chunk's
 * letters only if absent and adding the counts to the job: counted exactly once.
 */
public final class DynamoDbImportJobStore implements ImportJobStore {
    private static final String JOB_SK = "JOB";
    private static final String ROWS = "rows";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbImportJobStore(DynamoDbClient dynamo, String tableName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(tableName, "tableName");
    }

    static String partition(MerchantId merchant, String jobId) {
        return "IJ#" + merchant.value() + "#" + jobId;
    }

    static String chunkKey(int index) {
        return String.format("C#%05d", index);
    }

    static String partKey(int number) {
        return String.format("P#%03d", number);
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(LedgerTable.PK, AttributeValue.fromS(pk), LedgerTable.SK, AttributeValue.fromS(sk));
    }

    @Override
    public ImportJob create(ImportJob job) {
        Map<String, AttributeValue> item = new HashMap<>(key(partition(job.merchant(), job.jobId()), JOB_SK));
        item.put("by", s(job.createdBy().label()));
        item.put("at", s(job.createdAt().toString()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", LedgerTable.PK)));
            return job;
        } catch (ConditionalCheckFailedException e) {
            return find(job.merchant(), job.jobId()).orElseThrow(() -> failure("import " + job.jobId() + " vanished", e));
        } catch (SdkException e) {
            throw failure("could not create import " + job.jobId(), e);
        }
    }

    @Override
    public Optional<ImportJob> find(MerchantId merchant, String jobId) {
        try {
            GetItemResponse r = dynamo.getItem(b -> b.tableName(table).key(key(partition(merchant, jobId), JOB_SK))
                    .consistentRead(true));
            return r.hasItem() && !r.item().isEmpty() ? Optional.of(job(merchant, jobId, r.item())) : Optional.empty();
        } catch (SdkException e) {
            throw failure("could not read import " + jobId, e);
        }
    }

    @Override
    public PartResult putPart(MerchantId merchant, String jobId, int number, String text) {
        String pk = partition(merchant, jobId);
        Map<String, AttributeValue> item = new HashMap<>(key(pk, partKey(number)));
        item.put("txt", s(text));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                            .key(key(pk, JOB_SK))
                            .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#dig)")
                            .expressionAttributeNames(Map.of("#pk", LedgerTable.PK, "#dig", "dig")).build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build()));
            return PartResult.STORED;
        } catch (TransactionCanceledException e) {
            Optional<ImportJob> job = find(merchant, jobId);
            if (job.isEmpty()) {
                return PartResult.NO_SUCH_JOB;
            }
            if (job.get().file().isPresent()) {
                return PartResult.FILE_FIXED;
            }
            throw failure("could not store part " + number + " of import " + jobId, e);
        } catch (SdkException e) {
            throw failure("could not store part " + number + " of import " + jobId, e);
        }
    }

    @Override
    public List<Part> parts(MerchantId merchant, String jobId) {
        List<Part> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        try {
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse r = dynamo.query(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :p)")
                        .expressionAttributeNames(Map.of("#pk", LedgerTable.PK, "#sk", LedgerTable.SK))
                        .expressionAttributeValues(Map.of(":pk", s(partition(merchant, jobId)), ":p", s("P#")))
                        .exclusiveStartKey(from));
                for (Map<String, AttributeValue> item : r.items()) {
                    out.add(new Part(Integer.parseInt(item.get(LedgerTable.SK).s().substring(2)), item.get("txt").s()));
                }
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (start != null);
            return out;
        } catch (SdkException e) {
            throw failure("could not read the parts of import " + jobId, e);
        }
    }

    @Override
    public ImportJob fixFile(ImportJob withFile, List<List<ImportLine>> chunks) {
        ImportJob.FileSummary file = withFile.file().orElseThrow();
        String pk = partition(withFile.merchant(), withFile.jobId());
        try {
            List<WriteRequest> writes = new ArrayList<>();
            for (int i = 0; i < chunks.size(); i++) {
                Map<String, AttributeValue> item = new HashMap<>(key(pk, chunkKey(i)));
                item.put(ROWS, s(encode(chunks.get(i))));
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                if (writes.size() == 25 || i == chunks.size() - 1) {
                    batchWrite(writes);
                    writes = new ArrayList<>();
                }
            }
            try {
                dynamo.updateItem(b -> b.tableName(table).key(key(pk, JOB_SK))
                        .updateExpression("SET #dig = :dig, #rows = :rows, #chunks = :chunks, #inv = :inv")
                        .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#dig)")
                        .expressionAttributeNames(Map.of("#pk", LedgerTable.PK, "#dig", "dig", "#rows", "rows",
                                "#chunks", "chunks", "#inv", "inv"))
                        .expressionAttributeValues(Map.of(":dig", s(file.digest()), ":rows", n(file.rows()),
                                ":chunks", n(file.chunkCount()), ":inv", n(withFile.invalidRows()))));
            } catch (ConditionalCheckFailedException e) {
                // another dry run fixed the file first: its job item stands
            }
            return find(withFile.merchant(), withFile.jobId())
                    .orElseThrow(() -> failure("import " + withFile.jobId() + " vanished", null));
        } catch (SdkException e) {
            throw failure("could not fix the file of import " + withFile.jobId(), e);
        }
    }

    private void batchWrite(List<WriteRequest> writes) {
        Map<String, List<WriteRequest>> pending = Map.of(table, writes);
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == 8) {
                throw failure("DynamoDB kept leaving chunk items unprocessed", null);
            }
            Map<String, List<WriteRequest>> request = pending;
            var r = dynamo.batchWriteItem(b -> b.requestItems(request));
            pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
            if (!pending.isEmpty()) {
                try {
                    Thread.sleep(20L << attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure("interrupted while writing chunk items", e);
                }
            }
        }
    }

    @Override
    public Optional<ImportChunk> chunk(MerchantId merchant, String jobId, int index) {
        if (index < 0) {
            return Optional.empty();
        }
        try {
            GetItemResponse r = dynamo.getItem(b -> b.tableName(table)
                    .key(key(partition(merchant, jobId), chunkKey(index))).consistentRead(true));
            if (!r.hasItem() || r.item().isEmpty()) {
                return Optional.empty();
            }
            Map<String, AttributeValue> item = r.item();
            List<ImportLine> lines = decode(item.get(ROWS).s());
            return Optional.of(new ImportChunk(index, lines, outcomes(lines, item, "chk", "chkw"),
                    outcomes(lines, item, "out", "outw")));
        } catch (SdkException e) {
            throw failure("could not read chunk " + index + " of import " + jobId, e);
        } catch (RuntimeException e) {
            if (e instanceof ImportJobStoreException x) {
                throw x;
            }
            throw failure("unreadable chunk " + index + " of import " + jobId, e);
        }
    }

    @Override
    public boolean completeCheck(MerchantId merchant, String jobId, int index, List<RowOutcome> checks, long valid,
                                 long unknown) {
        return complete(merchant, jobId, index, checks, "chk", "chkw",
                "ADD #c :one, #val :val, #unk :unk", Map.of("#c", "chk", "#val", "val", "#unk", "unk"),
                Map.of(":one", n(1), ":val", n(valid), ":unk", n(unknown)));
    }

    @Override
    public boolean completeRun(MerchantId merchant, String jobId, int index, List<RowOutcome> results,
                               ImportJob.RunTally t) {
        return complete(merchant, jobId, index, results, "out", "outw",
                "ADD #c :one, #imp :imp, #alr :alr, #fail :fail, #skip :skip",
                Map.of("#c", "run", "#imp", "imp", "#alr", "alr", "#fail", "fail", "#skip", "skip"),
                Map.of(":one", n(1), ":imp", n(t.imported()), ":alr", n(t.alreadyImported()), ":fail", n(t.failed()),
                        ":skip", n(t.skipped())));
    }

    private boolean complete(MerchantId merchant, String jobId, int index, List<RowOutcome> outcomes, String letters,
                             String details, String add, Map<String, String> addNames,
                             Map<String, AttributeValue> addValues) {
        String pk = partition(merchant, jobId);
        Map<String, AttributeValue> why = detailTexts(outcomes);
        Map<String, String> names = new HashMap<>(Map.of("#l", letters, "#pk", LedgerTable.PK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":l", s(codes(outcomes))));
        if (!why.isEmpty()) {
            names.put("#w", details);
            values.put(":w", AttributeValue.fromM(why));
        }
        Update setOutcomes = Update.builder().tableName(table).key(key(pk, chunkKey(index)))
                .updateExpression(why.isEmpty() ? "SET #l = :l" : "SET #l = :l, #w = :w")
                .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#l)")
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
        Map<String, String> jobNames = new HashMap<>(addNames);
        jobNames.put("#pk", LedgerTable.PK);
        Update addTally = Update.builder().tableName(table).key(key(pk, JOB_SK)).updateExpression(add)
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(jobNames).expressionAttributeValues(addValues).build();
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().update(setOutcomes).build(),
                    TransactWriteItem.builder().update(addTally).build()));
            return true;
        } catch (TransactionCanceledException e) {
            if (!e.cancellationReasons().isEmpty()
                    && "ConditionalCheckFailed".equals(e.cancellationReasons().getFirst().code())) {
                return false; // done by an earlier delivery
            }
            throw failure("could not complete chunk " + index + " of import " + jobId, e);
        } catch (SdkException e) {
            throw failure("could not complete chunk " + index + " of import " + jobId, e);
        }
    }

    @Override
    public ImportJob startRun(MerchantId merchant, String jobId, ImportJob.RunStart start) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(partition(merchant, jobId), JOB_SK))
                    .updateExpression("SET #rby = :rby, #rat = :rat, #racc = :racc")
                    .conditionExpression("attribute_exists(#dig) AND attribute_not_exists(#rat)")
                    .expressionAttributeNames(Map.of("#rby", "rby", "#rat", "rat", "#racc", "racc", "#dig", "dig"))
                    .expressionAttributeValues(Map.of(":rby", s(start.by().label()), ":rat", s(start.at().toString()),
                            ":racc", AttributeValue.fromBool(start.acceptErrors()))));
        } catch (ConditionalCheckFailedException e) {
            // started before: the first start stands
        } catch (SdkException e) {
            throw failure("could not start the run of import " + jobId, e);
        }
        return find(merchant, jobId).orElseThrow(() -> failure("import " + jobId + " vanished", null));
    }

    // ------------------------------------------------------------------ items

    private static ImportJob job(MerchantId merchant, String jobId, Map<String, AttributeValue> item) {
        try {
            Optional<ImportJob.FileSummary> file = item.containsKey("dig")
                    ? Optional.of(new ImportJob.FileSummary(item.get("dig").s(), (int) num(item, "rows"),
                    (int) num(item, "chunks")))
                    : Optional.empty();
            Optional<ImportJob.RunStart> run = item.containsKey("rat")
                    ? Optional.of(new ImportJob.RunStart(Actor.parse(item.get("rby").s()),
                    Instant.parse(item.get("rat").s()), item.get("racc").bool()))
                    : Optional.empty();
            return new ImportJob(merchant, jobId, Actor.parse(item.get("by").s()), Instant.parse(item.get("at").s()),
                    file, num(item, "inv"), (int) num(item, "chk"), num(item, "val"), num(item, "unk"), run,
                    (int) num(item, "run"), num(item, "imp"), num(item, "alr"), num(item, "fail"), num(item, "skip"));
        } catch (RuntimeException e) {
            throw failure("unreadable import item " + jobId, e);
        }
    }

    /** Rows, one per line: {@code row, member, P|C, amount, YYYY-MM-DD|-, reason} or {@code row, member, !, error}. */
    static String encode(List<ImportLine> lines) {
        StringBuilder sb = new StringBuilder(lines.size() * 48);
        for (ImportLine l : lines) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(l.row()).append('\t').append(clean(l.member())).append('\t');
            if (l.valid().isPresent()) {
                ImportRow r = l.valid().get();
                sb.append(r.wallet() == Wallet.POINTS ? 'P' : 'C').append('\t').append(r.amount()).append('\t')
                        .append(r.expiresOn().map(LocalDate::toString).orElse("-")).append('\t').append(clean(r.reason()));
            } else {
                sb.append('!').append('\t').append(clean(l.error()));
            }
        }
        return sb.toString();
    }

    static List<ImportLine> decode(String text) {
        List<ImportLine> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String[] f = line.split("\t", -1);
            int row = Integer.parseInt(f[0]);
            if (f[2].equals("!")) {
                out.add(ImportLine.invalid(row, f[1], f[3]));
            } else {
                out.add(ImportLine.of(new ImportRow(row, MemberId.of(f[1]), f[2].equals("P") ? Wallet.POINTS
                        : Wallet.CREDITS, Long.parseLong(f[3]),
                        f[4].equals("-") ? Optional.empty() : Optional.of(LocalDate.parse(f[4])), f[5])));
            }
        }
        return out;
    }

    /** Tabs and line breaks would break the line format; texts of a valid row never hold them. */
    private static String clean(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static String codes(List<RowOutcome> outcomes) {
        StringBuilder sb = new StringBuilder(outcomes.size());
        for (RowOutcome o : outcomes) {
            sb.append(switch (o.result()) {
                case VALID -> 'V';
                case INVALID -> 'I';
                case UNKNOWN_MEMBER -> 'U';
                case IMPORTED -> 'M';
                case ALREADY_IMPORTED -> 'A';
                case FAILED -> 'F';
                case SKIPPED -> 'S';
            });
        }
        return sb.toString();
    }

    private static RowOutcome.Result result(char c) {
        return switch (c) {
            case 'V' -> RowOutcome.Result.VALID;
            case 'I' -> RowOutcome.Result.INVALID;
            case 'U' -> RowOutcome.Result.UNKNOWN_MEMBER;
            case 'M' -> RowOutcome.Result.IMPORTED;
            case 'A' -> RowOutcome.Result.ALREADY_IMPORTED;
            case 'F' -> RowOutcome.Result.FAILED;
            case 'S' -> RowOutcome.Result.SKIPPED;
            default -> throw new IllegalArgumentException("unknown outcome letter " + c);
        };
    }

    private static List<RowOutcome> outcomes(List<ImportLine> lines, Map<String, AttributeValue> item, String letters,
                                             String details) {
        if (!item.containsKey(letters)) {
            return List.of();
        }
        String codes = item.get(letters).s();
        Map<Integer, String> why = new HashMap<>();
        if (item.containsKey(details)) {
            item.get(details).m().forEach((text, at) -> {
                for (String i : at.s().split(",")) {
                    why.put(Integer.parseInt(i), text);
                }
            });
        }
        List<RowOutcome> out = new ArrayList<>(codes.length());
        for (int i = 0; i < codes.length(); i++) {
            ImportLine l = lines.get(i);
            out.add(new RowOutcome(l.row(), l.member(), result(codes.charAt(i)), why.getOrDefault(i, "")));
        }
        return out;
    }

    /** Each detail text once, with the positions that have it: a chunk failing for one reason stays small. */
    private static Map<String, AttributeValue> detailTexts(List<RowOutcome> outcomes) {
        Map<String, StringBuilder> byText = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            String why = outcomes.get(i).detail();
            if (!why.isEmpty()) {
                StringBuilder at = byText.computeIfAbsent(why, k -> new StringBuilder());
                at.append(at.isEmpty() ? "" : ",").append(i);
            }
        }
        Map<String, AttributeValue> out = new HashMap<>();
        byText.forEach((text, at) -> out.put(text, s(at.toString())));
        return out;
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    private static long num(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? 0 : Long.parseLong(v.n());
    }

    private static ImportJobStoreException failure(String message, Throwable cause) {
        return new ImportJobStoreException(message, cause);
    }
}
