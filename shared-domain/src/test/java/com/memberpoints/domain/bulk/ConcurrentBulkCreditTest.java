package com.memberpoints.domain.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.inmemory.InMemoryBulkJobQueue;
import com.memberpoints.domain.inmemory.InMemoryBulkJobStore;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemorySettingsStore;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.testing.Fixtures;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The members of a chunk are credited concurrently (bounded), still exactly once each, outcomes in chunk order. */
class ConcurrentBulkCreditTest {
    static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");
    final Merchant shop = Fixtures.merchant();
    final InMemoryLedgerStore ledger = new InMemoryLedgerStore();
    final InMemoryMemberStore members = new InMemoryMemberStore();
    final InMemoryMerchantStore merchants = new InMemoryMerchantStore();
    final InMemoryBulkJobQueue queue = new InMemoryBulkJobQueue();
    final InMemoryBulkJobStore jobs = new InMemoryBulkJobStore();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final AtomicInteger credits = new AtomicInteger();
    volatile int failAtCredit = -1;
    String jobId;

    /**
     * The in-memory ledger, slowed a little per credit, counting concurrent credits; can fail one credit once. The
     * port's default methods are run on the proxy itself, so the credits they make are observed too.
     */
    final LedgerStore observed = (LedgerStore) Proxy.newProxyInstance(LedgerStore.class.getClassLoader(),
            new Class<?>[] {LedgerStore.class}, (proxy, method, args) -> {
                if (method.isDefault()) {
                    // the port's default methods (applyEach, walletsOf...) run on the proxy: every credit is seen
                    return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                }
                boolean credit = method.getName().equals("apply") && args[0] instanceof LedgerCommand.Credit;
                if (credit) {
                    int n = credits.incrementAndGet();
                    if (n == failAtCredit) {
                        throw new IllegalStateException("store unavailable");
                    }
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    Thread.sleep(2);
                }
                try {
                    return method.invoke(ledger, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                } finally {
                    if (credit) {
                        inFlight.decrementAndGet();
                    }
                }
            });

    final BulkAssignments bulk = new BulkAssignments(observed, members, merchants, new InMemorySettingsStore(), jobs,
            queue, () -> NOW, () -> "job-1").withParallelism(8);

    List<MemberId> ids() {
        merchants.save(shop);
        List<MemberId> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            MemberId id = MemberId.of("m-" + i);
            ids.add(id);
            if (i % 25 != 7) { // every 25th (from 7) has no profile: an unknown member
                members.upsert(new MemberProfile(shop.id(), id, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of(Locale.ENGLISH), Optional.empty(), NOW));
            }
        }
        var started = bulk.start(shop.id(), new BulkAssignments.Request(ids, 5, "promo", NotifyChoice.NONE,
                Optional.empty()), Actor.staff("bob"));
        assertThat(started).isInstanceOf(BulkAssignments.Outcome.Started.class);
        jobId = ((BulkAssignments.Outcome.Started) started).job().jobId();
        return ids;
    }

    void runQueue() {
        for (var m = queue.poll(); m.isPresent(); m = queue.poll()) {
            bulk.processChunk(m.get().merchant(), m.get().jobId(), m.get().chunk());
        }
    }

    List<MemberOutcome> outcomes() {
        List<MemberOutcome> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            var page = bulk.outcomes(shop.id(), jobId, new PageRequest(cursor, PageRequest.MAX_LIMIT));
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return all;
    }

    @Test
    void everyKnownMemberIsCreditedOnceConcurrentlyAndOutcomesKeepTheChunkOrder() {
        List<MemberId> ids = ids();
        runQueue();
        assertThat(maxInFlight.get()).as("credits in flight at once").isBetween(2, 8);
        for (int i = 0; i < ids.size(); i++) {
            long balance = ledger.wallet(WalletRef.points(shop.id(), ids.get(i))).balance();
            assertThat(balance).as(ids.get(i).value()).isEqualTo(i % 25 == 7 ? 0 : 5);
        }
        List<MemberOutcome> outcomes = outcomes();
        assertThat(outcomes).extracting(MemberOutcome::member).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(outcomes).filteredOn(o -> o.result() == MemberOutcome.Result.CREDITED).hasSize(240);
        assertThat(outcomes).filteredOn(o -> o.result() == MemberOutcome.Result.UNKNOWN_MEMBER).hasSize(10);
    }

    @Test
    void aStoreFailureMidChunkPropagatesAndTheRedeliveryCreditsNobodyTwice() {
        List<MemberId> ids = ids();
        failAtCredit = 120;
        var message = queue.poll().orElseThrow();
        assertThatThrownBy(() -> bulk.processChunk(message.merchant(), message.jobId(), message.chunk()))
                .hasMessageContaining("store unavailable");
        failAtCredit = -1;
        assertThat(bulk.processChunk(message.merchant(), message.jobId(), message.chunk()))
                .isEqualTo(BulkAssignments.ChunkRun.PROCESSED);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(ledger.wallet(WalletRef.points(shop.id(), ids.get(i))).balance()).as(ids.get(i).value())
                    .isEqualTo(i % 25 == 7 ? 0 : 5);
        }
        assertThat(outcomes()).filteredOn(o -> o.result() == MemberOutcome.Result.CREDITED).hasSize(240);
    }
}
