package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replay: every mutation delivered 1 to 5 times — one after the other, and all copies at once —
 * leaves exactly the ledger that delivering each once leaves.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class LedgerReplayIT {
    static final MerchantId SHOP = MerchantId.of("shop-replay");
    static final MemberId ANN = MemberId.of("ann");
    static final WalletRef POINTS = WalletRef.points(SHOP, ANN);
    static final WalletRef CREDITS = WalletRef.credits(SHOP, ANN);
    static final Instant T0 = Instant.parse("2021-03-01T00:00:00Z");
    static final Optional<Instant> END_2021 = Optional.of(Instant.parse("2021-12-31T15:59:59Z"));
    static final Optional<Instant> END_2022 = Optional.of(Instant.parse("2022-12-31T15:59:59Z"));

    /** A realistic life of one member: every kind of mutation, including expiry and reverts. */
    static List<LedgerCommand> mutations() {
        Actor bob = Actor.staff("bob");
        return List.of(
                LedgerCommand.earn(SHOP, ANN, OrderId.of("o-1"), 120, END_2021, T0),
                LedgerCommand.earn(SHOP, ANN, OrderId.of("o-2"), 80, END_2022, T0.plusSeconds(10)),
                LedgerCommand.rewardCredit(SHOP, ANN, OrderId.of("o-2"), 1_000, Optional.empty(), T0.plusSeconds(10)),
                LedgerCommand.manualAdd(POINTS, "req-1", 50, Optional.empty(), "welcome", bob, T0.plusSeconds(20)),
                LedgerCommand.bulkCredit(POINTS, "job-1", 30, END_2022, "anniversary", bob, T0.plusSeconds(30)),
                LedgerCommand.redeem(POINTS, OrderId.of("o-3"), 150, true, T0.plusSeconds(40)),
                LedgerCommand.redeem(CREDITS, OrderId.of("o-3"), 400, true, T0.plusSeconds(40)),
                LedgerCommand.manualDeduct(POINTS, "req-2", 20, "correction", bob, T0.plusSeconds(50)),
                LedgerCommand.redeem(POINTS, OrderId.of("o-4"), 60, true, T0.plusSeconds(60)),
                LedgerCommand.revertRedemption(POINTS, OrderId.of("o-3"), Actor.SYSTEM, T0.plusSeconds(70)),
                LedgerCommand.releaseStaleHold(CREDITS, OrderId.of("o-3"), T0.plusSeconds(80)),
                LedgerCommand.earnAdjust(SHOP, ANN, OrderId.of("o-1"), "rev-2", -20, END_2021, T0.plusSeconds(90)),
                LedgerCommand.expire(POINTS, END_2021.get(), END_2021.get()),
                LedgerCommand.redeem(POINTS, OrderId.of("o-5"), 1_000, false, END_2021.get().plusSeconds(1)),
                LedgerCommand.revertRedemption(POINTS, OrderId.of("o-4"), Actor.SYSTEM, END_2021.get().plusSeconds(2)),
                LedgerCommand.expire(POINTS, END_2021.get(), END_2021.get().plusSeconds(3)),
                LedgerCommand.expire(POINTS, END_2022.get(), END_2022.get()),
                LedgerCommand.redeem(CREDITS, OrderId.of("o-6"), 100, true, T0.plusSeconds(100)));
    }

    @Test
    void deliveringEachMutationOneToFiveTimesGivesTheSameLedger(DynamoDbLocal local) throws Exception {
        LedgerStore once = new InMemoryLedgerStore();
        List<LedgerResult> firstResults = new ArrayList<>();
        for (LedgerCommand c : mutations()) {
            firstResults.add(once.apply(c));
        }
        // The scenario really exercises every path (not only refusals).
        assertThat(firstResults).filteredOn(r -> r instanceof LedgerResult.Applied).hasSizeGreaterThanOrEqualTo(15);

        DynamoDbLedgerStore sequential = new DynamoDbLedgerStore(local.client(), local.createLedgerTable());
        DynamoDbLedgerStore concurrent = new DynamoDbLedgerStore(local.client(), local.createLedgerTable());
        Random random = new Random(42);
        List<LedgerCommand> all = mutations();
        for (int i = 0; i < all.size(); i++) {
            LedgerCommand c = all.get(i);
            int copies = 1 + random.nextInt(5);
            List<LedgerResult> seq = new ArrayList<>();
            for (int k = 0; k < copies; k++) {
                seq.add(sequential.apply(c));
            }
            List<LedgerResult> par = LedgerConcurrencyIT.runConcurrently(copies, k -> () -> concurrent.apply(c));
            // Exactly one delivery applies (when the first delivery applied at all).
            if (firstResults.get(i) instanceof LedgerResult.Applied) {
                assertThat(seq.getFirst()).isEqualTo(firstResults.get(i));
                assertThat(seq).filteredOn(r -> r instanceof LedgerResult.Applied).hasSize(1);
                assertThat(par).filteredOn(r -> r instanceof LedgerResult.Applied).hasSize(1);
            } else {
                assertThat(seq).filteredOn(r -> r instanceof LedgerResult.Applied).isEmpty();
                assertThat(par).filteredOn(r -> r instanceof LedgerResult.Applied).isEmpty();
            }
        }
        for (Wallet w : Wallet.values()) {
            WalletRef ref = new WalletRef(SHOP, ANN, w);
            assertThat(sequential.wallet(ref)).isEqualTo(once.wallet(ref));
            assertThat(concurrent.wallet(ref)).isEqualTo(once.wallet(ref));
            assertThat(LedgerTwin.allHistory(sequential, ref)).isEqualTo(LedgerTwin.allHistory(once, ref));
            assertThat(LedgerTwin.allHistory(concurrent, ref)).isEqualTo(LedgerTwin.allHistory(once, ref));
        }
        assertThat(sequential.staleHolds(SHOP, T0.plusSeconds(3600), PageRequest.first(10)).items())
                .isEqualTo(once.staleHolds(SHOP, T0.plusSeconds(3600), PageRequest.first(10)).items())
                .isEqualTo(concurrent.staleHolds(SHOP, T0.plusSeconds(3600), PageRequest.first(10)).items())
                .hasSize(1);
    }
}
