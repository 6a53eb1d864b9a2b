package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.inmemory.InMemoryBulkJobQueue;
import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.ledger.Lot;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.ledger.WalletState;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.migration.BalanceExport;
import com.memberpoints.domain.migration.BalanceImports;
import com.memberpoints.domain.migration.ImportCsv;
import com.memberpoints.domain.migration.ImportJob;
import com.memberpoints.domain.migration.ImportJobStore;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.Page;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The import job store contract on DynamoDB Local; a whole import (dry run, run, re-run) through the DynamoDB ledger;
 * and the wallet listing the export walks.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbImportJobStoreIT extends ImportJobStoreContract {
    private static DynamoDbLocal local;
    private static String table;
    private static DynamoDbImportJobStore store;

    @BeforeAll
    static void createTable(DynamoDbLocal dynamo) {
        local = dynamo;
        table = dynamo.createLedgerTable();
        store = new DynamoDbImportJobStore(dynamo.client(), table);
    }

    @Override
    ImportJobStore store() {
        return store;
    }

    @Test
    void failuresAreTypedExceptions() {
        DynamoDbImportJobStore missing = new DynamoDbImportJobStore(local.client(), "no-such-table");
        assertThatThrownBy(() -> missing.find(shop, "import-x")).isInstanceOf(ImportJobStore.ImportJobStoreException.class);
    }

    @Test
    void theLongestRowsOfAChunkFitOneItem() {
        ImportJob job = created("import-long");
        List<com.memberpoints.domain.migration.ImportLine> lines = new ArrayList<>();
        for (int i = 0; i < ImportJob.CHUNK_SIZE; i++) {
            String member = ("m" + i + "-").repeat(64).substring(0, 128);
            lines.add(com.memberpoints.domain.migration.ImportLine.of(new com.memberpoints.domain.migration.ImportRow(
                    i + 2, MemberId.of(member), Wallet.POINTS, 1, Optional.empty(), "😀".repeat(200))));
        }
        store.fixFile(job.withFile(new ImportJob.FileSummary("long", lines.size(), 1), 0), List.of(lines));
        assertThat(store.chunk(shop, "import-long", 0).orElseThrow().lines()).isEqualTo(lines);
    }

    Merchant merchant() {
        return new Merchant(shop, "Shop", Currency.getInstance("TWD"), ZoneId.of("Asia/Taipei"), Locale.ENGLISH,
                Set.of(), true, true, Set.of());
    }

    @Test
    void aWholeImportThroughTheDynamoDbLedgerCreditsEachRowOnceAndTheExportListsIt() {
        DynamoDbLedgerStore ledger = new DynamoDbLedgerStore(local.client(), table);
        InMemoryMerchantStore merchants = new InMemoryMerchantStore();
        merchants.save(merchant());
        InMemoryMemberStore members = new InMemoryMemberStore();
        StringBuilder file = new StringBuilder(ImportCsv.HEADER).append('\n');
        int rows = 600;
        for (int i = 0; i < rows; i++) {
            members.upsert(new MemberProfile(shop, MemberId.of("m" + i), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), T0));
            file.append("m").append(i).append(i % 2 == 0 ? ",points," + (i + 1) : ",credits,1.50")
                    .append(i % 3 == 0 ? ",never" : ",2027-12-31").append(",from OldLoyalty\n");
        }
        InMemoryBulkJobQueue queue = new InMemoryBulkJobQueue();
        BalanceImports imports = new BalanceImports(ledger, members, merchants, store, queue, () -> T0, () -> "dyn")
                .withParallelism(8);
        long t0 = System.nanoTime();
        for (int pass = 0; pass < 2; pass++) {
            String jobId = ((BalanceImports.Outcome.Job) imports.create(shop, Optional.of("p" + pass),
                    Actor.staff("bob"))).job().jobId();
            imports.putPart(shop, jobId, 1, file.toString());
            imports.dryRun(shop, jobId);
            drain(imports, queue);
            assertThat(imports.run(shop, jobId, false, Actor.staff("bob"))).isInstanceOf(BalanceImports.Outcome.Job.class);
            drain(imports, queue);
            ImportJob done = imports.job(shop, jobId).orElseThrow();
            assertThat(done.status()).isEqualTo(ImportJob.Status.COMPLETED);
            assertThat(pass == 0 ? done.imported() : done.alreadyImported()).isEqualTo(rows);
            if (pass == 0) {
                System.out.printf("IMPORT FIGURES (DynamoDB Local): %d rows checked and run in %d ms%n", rows,
                        (System.nanoTime() - t0) / 1_000_000);
            }
        }
        assertThat(ledger.wallet(WalletRef.points(shop, MemberId.of("m0"))).lots().asList())
                .containsExactly(new Lot(Optional.empty(), 1));
        assertThat(ledger.wallet(WalletRef.credits(shop, MemberId.of("m1"))).balance()).isEqualTo(150);

        DynamoDbWalletListing listing = new DynamoDbWalletListing(local.client(), table);
        List<WalletState> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Page<WalletState> page = listing.wallets(shop, cursor, 70);
            assertThat(page.items().size()).isLessThanOrEqualTo(70);
            all.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent());
        assertThat(pages).isGreaterThan(1);
        assertThat(all).hasSize(rows).allMatch(w -> w.ref().merchant().equals(shop));
        assertThat(all.stream().map(WalletState::ref).distinct()).hasSize(rows);
        var export = new BalanceExport(listing, merchants, () -> T0);
        var line = export.page(shop, Optional.empty(), 1000).orElseThrow().lines().stream()
                .filter(l -> l.member().value().equals("m2")).findFirst().orElseThrow();
        assertThat(line).isEqualTo(new BalanceExport.Line(MemberId.of("m2"), Wallet.POINTS, "3", "2027-12-31"));
        assertThatThrownBy(() -> listing.wallets(shop, Optional.of("%%%"), 10)).isInstanceOf(InvalidInputException.class);
        String tooLong = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("L#x\nB#" + "x".repeat(1100)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> listing.wallets(shop, Optional.of(tooLong), 10)).isInstanceOf(InvalidInputException.class);
        String elsewhere = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "L#other-shop#m1\nJ#N#POINTS#x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(listing.wallets(shop, Optional.of(elsewhere), 1000).items())
                .as("a forged cursor only moves the walk; it never leaves the merchant")
                .allMatch(w -> w.ref().merchant().equals(shop));
    }

    private static void drain(BalanceImports imports, InMemoryBulkJobQueue queue) {
        for (var m = queue.poll(); m.isPresent(); m = queue.poll()) {
            imports.runChunk(m.get().merchant(), m.get().jobId(), m.get().chunk());
        }
    }

}
