package com.memberpoints.domain.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryBulkJobQueue;
import com.memberpoints.domain.inmemory.InMemoryImportJobStore;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The import service over the in-memory ports, with a queue the test drains into the worker. */
final class ImportHarness {
    static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    final Merchant shop = Fixtures.merchant();
    final InMemoryLedgerStore ledger = new InMemoryLedgerStore();
    final InMemoryMemberStore members = new InMemoryMemberStore();
    final InMemoryMerchantStore merchants = new InMemoryMerchantStore();
    final InMemoryBulkJobQueue queue = new InMemoryBulkJobQueue();
    final InMemoryImportJobStore jobs = new InMemoryImportJobStore();
    final AtomicInteger ids = new AtomicInteger();
    final BalanceImports imports;

    ImportHarness() {
        this(null);
    }

    /** With another ledger in front of the in-memory one ({@code null}: the in-memory ledger itself). */
    ImportHarness(LedgerStore front) {
        merchants.save(shop);
        imports = new BalanceImports(front == null ? ledger : front, members, merchants, jobs, queue, () -> NOW,
                () -> "job" + ids.incrementAndGet());
    }

    void member(String id) {
        members.upsert(new MemberProfile(shop.id(), MemberId.of(id), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(Locale.ENGLISH), Optional.empty(), NOW));
    }

    /** Creates a job, uploads {@code parts}, dry-runs it and drains the queue: the checked job. */
    ImportJob checked(String... parts) {
        var created = (BalanceImports.Outcome.Job) imports.create(shop.id(), Optional.empty(), Actor.staff("bob"));
        String jobId = created.job().jobId();
        for (int i = 0; i < parts.length; i++) {
            assertThat(imports.putPart(shop.id(), jobId, i + 1, parts[i])).isInstanceOf(BalanceImports.Outcome.Job.class);
        }
        assertThat(imports.dryRun(shop.id(), jobId)).isInstanceOf(BalanceImports.Outcome.Job.class);
        drain();
        return imports.job(shop.id(), jobId).orElseThrow();
    }

    BalanceImports.Outcome run(ImportJob job, boolean acceptErrors) {
        BalanceImports.Outcome o = imports.run(shop.id(), job.jobId(), acceptErrors, Actor.staff("carol"));
        drain();
        return o;
    }

    void drain() {
        for (var m = queue.poll(); m.isPresent(); m = queue.poll()) {
            imports.runChunk(m.get().merchant(), m.get().jobId(), m.get().chunk());
        }
    }

    List<RowOutcome> outcomes(String jobId, boolean errorsOnly) {
        List<RowOutcome> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            var page = imports.outcomes(shop.id(), jobId, new PageRequest(cursor, 100), errorsOnly);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return all;
    }

    ImportJob job(String jobId) {
        return imports.job(shop.id(), jobId).orElseThrow();
    }
}
