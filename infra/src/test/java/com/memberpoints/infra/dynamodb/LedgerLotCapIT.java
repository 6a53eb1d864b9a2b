package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.Lots;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.ledger.WalletState;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 13 C, "a wallet can become unwritable", at the breaking points measured before the lot cap: a full debit
 * failed from 15,000 distinct lots (the journal item passed DynamoDB's item limit, which counts the history LSI's
 * copy too) and the balance item refused new lots at 32,000. One wallet gets a credit for 32,000 distinct expiry
 * instants (the first 1,200 through DynamoDB, the rest decided in memory and written as the balance item); a full
 * debit at 15,000 and at 32,000 credits, and their reverts, now succeed through the DynamoDB store; sizes printed.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class LedgerLotCapIT {
    static final int FIRST_BREAK = 15_000;
    static final int SECOND_BREAK = 32_000;
    static final Instant T0 = Instant.parse("2021-03-01T00:00:00Z");
    /** Credit i expires i seconds after this (every instant distinct; none due at T0). */
    static final Instant FIRST_EXPIRY = Instant.parse("2022-12-31T15:59:59Z");

    private static DynamoDbLocal local;
    private static String table;
    private static DynamoDbLedgerStore store;
    private static final InMemoryLedgerStore memory = new InMemoryLedgerStore();
    static final int CREDITS_THROUGH_DYNAMODB = 1_200;

    @BeforeAll
    static void createTable(DynamoDbLocal dynamoDbLocal) {
        local = dynamoDbLocal;
        table = local.createLedgerTable();
        store = new DynamoDbLedgerStore(local.client(), table);
    }

    @Test
    void aWalletCreditedThousandsOfDistinctExpiriesStaysWritable() {
        WalletRef points = WalletRef.points(MerchantId.of("shop-lots"), MemberId.of("ann"));
        long started = System.nanoTime();
        creditDistinct(points, 0, FIRST_BREAK);
        debitEverythingAndRevert(points, "o-15000", FIRST_BREAK);
        creditDistinct(points, FIRST_BREAK, SECOND_BREAK);
        debitEverythingAndRevert(points, "o-32000", SECOND_BREAK);
        System.out.printf("%n=== Lot cap at the old breaking points (DynamoDB Local): %,d credits, 2 full debits and "
                + "reverts in %.1f s ===%n", SECOND_BREAK, (System.nanoTime() - started) / 1e9);
    }

    /**
     * The first {@value #CREDITS_THROUGH_DYNAMODB} credits (past the cap: the merge path) go through the DynamoDB
     * store one transaction each; the rest are decided by the same pure ledger in memory (a transaction each on
     * DynamoDB Local would take minutes) and the resulting balance item is written to the table, so the full debit
     * and its revert below run through the DynamoDB store on the wallet the old breaking point describes.
     */
    private static void creditDistinct(WalletRef points, int from, int to) {
        for (int i = from; i < to; i++) {
            LedgerCommand credit = LedgerCommand.manualAdd(points, "c-" + i, 1 + i % 97,
                    Optional.of(FIRST_EXPIRY.plusSeconds(i)), "lots", Actor.staff("bob"), T0);
            assertThat(memory.apply(credit)).as("credit %s in memory", i).isInstanceOf(LedgerResult.Applied.class);
            if (i < CREDITS_THROUGH_DYNAMODB) {
                assertThat(store.apply(credit)).as("credit %s", i).isInstanceOf(LedgerResult.Applied.class);
            }
        }
        if (to > CREDITS_THROUGH_DYNAMODB) {
            local.client().putItem(p -> p.tableName(table).item(LedgerItemMapper.balanceItem(memory.wallet(points))));
        }
        WalletState state = store.wallet(points);
        assertThat(state.lots()).isEqualTo(memory.wallet(points).lots());
        assertThat(state.lots().expiringCount()).isEqualTo(Math.min(to, Lots.MAX_EXPIRING_LOTS));
        assertThat(state.balance()).isEqualTo(expectedBalance(to));
    }

    private static long expectedBalance(int credits) {
        long sum = 0;
        for (int i = 0; i < credits; i++) {
            sum += 1 + i % 97;
        }
        return sum;
    }

    private static void debitEverythingAndRevert(WalletRef points, String order, int credits) {
        WalletState before = store.wallet(points);
        long balance = before.balance();
        LedgerCommand redeem = LedgerCommand.redeem(points, OrderId.of(order), balance, false, T0);
        LedgerResult debit = store.apply(redeem);
        memory.apply(redeem);
        assertThat(debit).as("full debit after %s credits", credits).isInstanceOf(LedgerResult.Applied.class);
        JournalEntry entry = debit.journalEntry().orElseThrow();
        assertThat(entry.lots()).hasSize(before.lots().expiringCount());
        assertThat(store.wallet(points).balance()).isZero();
        long journalBytes = ItemSize.of(journalItem(points, entry));
        LedgerCommand giveBack = LedgerCommand.revertRedemption(points, OrderId.of(order), Actor.SYSTEM, T0);
        LedgerResult revert = store.apply(giveBack);
        memory.apply(giveBack);
        assertThat(revert).isInstanceOf(LedgerResult.Applied.class);
        assertThat(store.wallet(points).lots()).as("every unit back in its lot").isEqualTo(before.lots());
        long balanceBytes = ItemSize.of(local.client().getItem(g -> g.tableName(table)
                .key(LedgerItemMapper.balanceKey(points)).consistentRead(true)).item());
        System.out.printf("after %,d distinct credits: %,d lots, balance item %,d bytes, full-debit journal item "
                + "%,d bytes (%,d lot changes)%n", credits, before.lots().expiringCount(), balanceBytes, journalBytes,
                entry.lots().size());
        assertThat(balanceBytes).isLessThan(64_000);
        assertThat(journalBytes).isLessThan(64_000);
    }

    private static Map<String, AttributeValue> journalItem(WalletRef ref, JournalEntry entry) {
        return local.client().getItem(g -> g.tableName(table).consistentRead(true).key(LedgerItemMapper.key(
                LedgerItemMapper.partitionKey(ref.merchant(), ref.member()),
                LedgerItemMapper.journalSortKey(entry.operationId())))).item();
    }
}
