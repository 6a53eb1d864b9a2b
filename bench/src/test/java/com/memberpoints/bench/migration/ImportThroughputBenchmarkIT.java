package com.memberpoints.bench.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.bulk.BulkJobQueue;
import com.memberpoints.domain.inmemory.InMemoryBulkJobQueue;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.migration.BalanceImports;
import com.memberpoints.domain.migration.ImportCsv;
import com.memberpoints.domain.migration.ImportJob;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.infra.dynamodb.DynamoDbImportJobStore;
import com.memberpoints.infra.dynamodb.DynamoDbLedgerStore;
import com.memberpoints.infra.dynamodb.DynamoDbMemberStore;
import com.memberpoints.infra.dynamodb.DynamoDbMerchantStore;
import com.memberpoints.infra.testing.DynamoDbLocal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Issue 12 item 4, "import rows/s": a 100,000-row balance file through the import over the DynamoDB adapters on
 * DynamoDB Local. Upload (parts of 256 KiB), the dry run's read and chunking of the whole file (400 chunk items),
 * then the worker's check + run of {@code import.bench.chunks} chunks (default 8 = 2,000 rows; {@code 400} runs
 * the whole file, about an hour on DynamoDB Local here), 8 rows credited at once as in Lambda. Rows/s of each
 * phase, the projection for the whole file, and the load average printed; every measured row's credit checked.
 */
class ImportThroughputBenchmarkIT {
    static final int ROWS = ImportCsv.MAX_ROWS;

    @Test
    void hundredThousandRowFile() throws Exception {
        int chunksToRun = Integer.getInteger("import.bench.chunks", 8);
        DynamoDbLocal local = DynamoDbLocal.shared();
        String table = local.createLedgerTable();
        DynamoDbClient client = local.client();
        MerchantId shop = MerchantId.of("bench-shop");
        Instant now = Instant.parse("2026-12-04T02:00:00Z");
        DynamoDbMerchantStore merchants = new DynamoDbMerchantStore(client, table);
        merchants.save(new Merchant(shop, "Bench Shop", Currency.getInstance("TWD"), ZoneId.of("Asia/Taipei"),
                Locale.ENGLISH, Set.of(), false, true, Set.of()));
        DynamoDbMemberStore members = new DynamoDbMemberStore(client, table);
        int measuredRows = Math.min(ROWS, chunksToRun * ImportJob.CHUNK_SIZE);
        for (int i = 0; i < measuredRows; i++) {
            members.upsert(new MemberProfile(shop, MemberId.of("m-" + i), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(Locale.ENGLISH), Optional.empty(), now));
        }
        StringBuilder file = new StringBuilder(ImportCsv.HEADER).append('\n');
        for (int i = 0; i < ROWS; i++) {
            file.append("m-").append(i).append(i % 4 == 3 ? ",credits,12.50" : ",points," + (100 + i % 900))
                    .append(i % 3 == 0 ? ",never" : ",2027-12-31").append(",Balance from OldLoyalty\n");
        }
        String text = file.toString();
        InMemoryBulkJobQueue queue = new InMemoryBulkJobQueue();
        BalanceImports imports = new BalanceImports(new DynamoDbLedgerStore(client, table), members, merchants,
                new DynamoDbImportJobStore(client, table), queue, () -> now, () -> "bench").withParallelism(8);

        String jobId = ((BalanceImports.Outcome.Job) imports.create(shop, Optional.of("bench"), Actor.staff("bench")))
                .job().jobId();
        long t0 = System.nanoTime();
        int parts = 0;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8); // ASCII: one char per byte
        for (int from = 0; from < bytes.length; from += BalanceImports.MAX_PART_BYTES) {
            imports.putPart(shop, jobId, ++parts, text.substring(from, Math.min(bytes.length, from + BalanceImports.MAX_PART_BYTES)));
        }
        double uploadS = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        assertThat(imports.dryRun(shop, jobId)).isInstanceOf(BalanceImports.Outcome.Job.class);
        double fixS = (System.nanoTime() - t1) / 1e9;
        assertThat(imports.job(shop, jobId).orElseThrow().chunkCount()).isEqualTo(ROWS / ImportJob.CHUNK_SIZE);

        List<BulkJobQueue.ChunkMessage> checks = drainAll(queue);
        long t2 = System.nanoTime();
        for (BulkJobQueue.ChunkMessage m : checks.subList(0, chunksToRun)) {
            assertThat(imports.runChunk(shop, jobId, m.chunk()).run()).isEqualTo(BalanceImports.ChunkRun.CHECKED);
        }
        double checkS = (System.nanoTime() - t2) / 1e9;
        for (BulkJobQueue.ChunkMessage m : checks.subList(chunksToRun, checks.size())) {
            imports.runChunk(shop, jobId, m.chunk()); // unmeasured: the other chunks' (unknown) members checked
        }
        ImportJob checked = imports.job(shop, jobId).orElseThrow();
        assertThat(checked.status()).isEqualTo(ImportJob.Status.CHECKED);
        assertThat(checked.validRows()).isEqualTo(measuredRows);
        assertThat(imports.run(shop, jobId, true, Actor.staff("bench"))).isInstanceOf(BalanceImports.Outcome.Job.class);
        List<BulkJobQueue.ChunkMessage> runs = drainAll(queue);
        long t3 = System.nanoTime();
        for (BulkJobQueue.ChunkMessage m : runs.subList(0, chunksToRun)) {
            imports.runChunk(shop, jobId, m.chunk());
        }
        double runS = (System.nanoTime() - t3) / 1e9;
        ImportJob after = imports.job(shop, jobId).orElseThrow();
        assertThat(after.imported()).isEqualTo(measuredRows);
        assertThat(new DynamoDbLedgerStore(client, table).wallet(WalletRef.points(shop, MemberId.of("m-0"))).balance())
                .isEqualTo(100);

        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        double checkRate = measuredRows / checkS;
        double runRate = measuredRows / runS;
        double perRow = checkS / measuredRows + runS / measuredRows;
        System.out.printf("%n=== Balance import of a %,d-row file (%,d bytes) on DynamoDB Local ===%nload average: %s%n",
                ROWS, bytes.length, load);
        System.out.printf("upload: %d parts in %.1f s; dry run read + %d chunk items written in %.1f s (%,.0f rows/s)%n",
                parts, uploadS, checked.chunkCount(), fixS, ROWS / fixS);
        System.out.printf("member check: %,d rows in %.1f s = %,.0f rows/s%n", measuredRows, checkS, checkRate);
        System.out.printf("run (8 credits at once): %,d rows in %.1f s = %,.0f rows/s%n", measuredRows, runS, runRate);
        System.out.printf("check + run: %,.0f rows/s -> %,d rows by one worker: %.0f min; with the queue's 10 workers:"
                + " %.1f min (if the emulator kept up)%n", 1 / perRow, ROWS, ROWS * perRow / 60, ROWS * perRow / 600);
    }

    private static List<BulkJobQueue.ChunkMessage> drainAll(InMemoryBulkJobQueue queue) {
        List<BulkJobQueue.ChunkMessage> out = new ArrayList<>();
        for (var m = queue.poll(); m.isPresent(); m = queue.poll()) {
            out.add(m.get());
        }
        return out;
    }
}
