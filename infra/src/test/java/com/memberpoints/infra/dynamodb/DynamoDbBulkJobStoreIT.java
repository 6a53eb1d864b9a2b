package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.bulk.BulkAssignments;
import com.memberpoints.domain.bulk.BulkJob;
import com.memberpoints.domain.inmemory.InMemoryBulkJobQueue;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.bulk.BulkJobStore;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bulk job store contract on DynamoDB Local, plus the figures for the 100,000-member target: creating a
 * 100,000-id job (100 chunk items) and crediting one 1,000-member chunk through the DynamoDB ledger.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbBulkJobStoreIT extends BulkJobStoreContract {
    private static DynamoDbLocal local;
    private static String table;
    private static DynamoDbBulkJobStore store;

    @BeforeAll
    static void createTable(DynamoDbLocal dynamo) {
        local = dynamo;
        table = dynamo.createLedgerTable();
        store = new DynamoDbBulkJobStore(dynamo.client(), table);
    }

    @Override
    BulkJobStore store() {
        return store;
    }

    @Test
    void aJobItemImageReadsAsTheJob_otherItemsAsNothing() {
        store.create(job("bulk-img", 3, 1), chunks(3));
        store.completeChunk(shop, "bulk-img", 0, java.util.List.of(), new com.memberpoints.domain.bulk.ChunkTally(2, 1, 0, 0, 0));
        var item = local.client().getItem(b -> b.tableName(table).consistentRead(true).key(java.util.Map.of(
                LedgerTable.PK, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("BJ#" + shop.value() + "#bulk-img"),
                LedgerTable.SK, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("JOB")))).item();
        var job = DynamoDbBulkJobStore.jobOfImage(item).orElseThrow();
        assertThat(job).isEqualTo(store.find(shop, "bulk-img").orElseThrow());
        assertThat(job.status()).isEqualTo(BulkJob.Status.COMPLETED);
        var chunk = local.client().getItem(b -> b.tableName(table).consistentRead(true).key(java.util.Map.of(
                LedgerTable.PK, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("BJ#" + shop.value() + "#bulk-img"),
                LedgerTable.SK, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("C#00000")))).item();
        assertThat(DynamoDbBulkJobStore.jobOfImage(chunk)).isEmpty();
    }

    @Test
    void failuresAreTypedExceptions() {
        DynamoDbBulkJobStore missing = new DynamoDbBulkJobStore(local.client(), "no-such-table");
        assertThatThrownBy(() -> missing.find(shop, "bulk-x")).isInstanceOf(BulkJobStore.BulkJobStoreException.class);
    }

    @Test
    void hundredThousandIdJobCreationAndChunkThroughput() {
        // Creation: 100 chunk items of 1,000 ids + the job item.
        int members = BulkJob.MAX_MEMBERS;
        long t0 = System.nanoTime();
        var created = store.create(job("bulk-big", members, 1), chunks(members));
        long createMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(created).isInstanceOf(BulkJobStore.CreateResult.Created.class);
        assertThat(store.chunk(shop, "bulk-big", 99).orElseThrow().members()).hasSize(1000);

        // Processing: one chunk of 1,000 existing members through the real DynamoDB ledger, twice.
        DynamoDbLedgerStore ledger = new DynamoDbLedgerStore(local.client(), table);
        Merchant merchant = new Merchant(shop, "Shop", Currency.getInstance("TWD"), ZoneId.of("Asia/Taipei"),
                Locale.ENGLISH, Set.of(), true, true, Set.of());
        var profiles = new com.memberpoints.domain.inmemory.InMemoryMemberStore();
        for (MemberId id : chunks(1000).getFirst()) {
            profiles.upsert(new MemberProfile(shop, id, Optional.empty(), Optional.of("a@example.com"),
                    Optional.of("+886900000000"), Optional.empty(), Optional.empty(), T0));
        }
        var merchants = new com.memberpoints.domain.inmemory.InMemoryMerchantStore();
        merchants.save(merchant);
        BulkAssignments service = new BulkAssignments(ledger, profiles, merchants,
                new com.memberpoints.domain.inmemory.InMemorySettingsStore(), store, new InMemoryBulkJobQueue(),
                () -> T0, () -> "unused");
        var started = service.start(shop, new BulkAssignments.Request(chunks(1000).getFirst(), 7, "Promo",
                new NotifyChoice(true, true), Optional.of("thr")), Actor.staff("bob"));
        assertThat(started).isInstanceOf(BulkAssignments.Outcome.Started.class);
        long t1 = System.nanoTime();
        assertThat(service.processChunk(shop, "bulk-thr", 0)).isEqualTo(BulkAssignments.ChunkRun.PROCESSED);
        long chunkMs = (System.nanoTime() - t1) / 1_000_000;
        assertThat(service.processChunk(shop, "bulk-thr", 0)).isEqualTo(BulkAssignments.ChunkRun.ALREADY_DONE);
        assertThat(ledger.wallet(WalletRef.points(shop, MemberId.of("member-999"))).balance()).isEqualTo(7);
        assertThat(store.find(shop, "bulk-thr").orElseThrow().credited()).isEqualTo(1000);

        double perMember = chunkMs / 1000.0;
        System.out.printf("BULK FIGURES (DynamoDB Local, this machine): create 100,000-id job = %d ms (100 chunk items);"
                        + " one 1,000-member chunk = %d ms (%.1f ms/member) -> 100 chunks sequentially = %.0f s,"
                        + " with 10 concurrent workers = %.0f s; one chunk per invocation stays far below 15 min%n",
                createMs, chunkMs, perMember, chunkMs * 100 / 1000.0, chunkMs * 10 / 1000.0);
    }

}
