package com.memberpoints.domain.bulk;

import com.memberpoints.domain.expiry.ExpiryCalculator;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.ledger.WalletState;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.notify.Channel;
import com.memberpoints.domain.notify.NotificationDispatcher;
import com.memberpoints.domain.model.IdSource;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.domain.settings.MerchantSettings;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Bulk assignment (SPEC §5): the same positive points to up to {@value BulkJob#MAX_MEMBERS} members.
 *
 * <p>Creating a job stores it with its id list cut into chunks of {@value BulkJob#CHUNK_SIZE}
 * ({@link BulkJobStore}) and queues one message per chunk ({@link BulkJobQueue}); the worker function
 * then {@link #processChunk processes} each chunk independently. A chunk is at-least-once work: a crash
 * mid-chunk redelivers it, the members already credited come back from the ledger as duplicates (the
 * operation id is job id + member), and the chunk's counts are added to the job exactly once
 * ({@link BulkJobStore#completeChunk}). No bulk deduction, no undo.
 */
public final class BulkAssignments {

    /**
     * Fewest credits handed to {@link LedgerStore#applyEach} at once (unless the batch is smaller): a store that writes
     * a slice in few transactions (DynamoDB: 50 credits each) gains nothing from slicing finer than that.
     */
    static final int MIN_SLICE = 50;

    /** Members read per {@link MemberStore#findAll} call (DynamoDB BatchGetItem's limit). */
    public static final int READ_BATCH = 100;
    public static final long MAX_POINTS = 100_000_000L;

    private final LedgerStore ledger;
    private final MemberStore members;
    private final MerchantStore merchants;
    private final SettingsStore settings;
    private final BulkJobStore jobs;
    private final BulkJobQueue queue;
    private final TimeSource clock;
    private final IdSource ids;
    private final int parallelism;

    /** Credits the members of a chunk one after another. */
    public BulkAssignments(LedgerStore ledger, MemberStore members, MerchantStore merchants, SettingsStore settings,
                           BulkJobStore jobs, BulkJobQueue queue, TimeSource clock, IdSource ids) {
        this(ledger, members, merchants, settings, jobs, queue, clock, ids, 1);
    }

    /**
     * The same service crediting up to {@code parallelism} members of a chunk at once (each member's credit is its
     * own idempotent ledger operation on its own wallet, so the order between members does not matter; outcomes are
     * recorded in the chunk's order).
     */
    public BulkAssignments withParallelism(int parallelism) {
        return new BulkAssignments(ledger, members, merchants, settings, jobs, queue, clock, ids, parallelism);
    }

    private BulkAssignments(LedgerStore ledger, MemberStore members, MerchantStore merchants, SettingsStore settings,
                            BulkJobStore jobs, BulkJobQueue queue, TimeSource clock, IdSource ids, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.parallelism = parallelism;
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.members = Objects.requireNonNull(members, "members");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** A validated request; {@code idempotencyKey} (optional) becomes the job id, so a retry finds the same job. */
    public record Request(List<MemberId> memberIds, long points, String reason, NotifyChoice notification,
                          Optional<String> idempotencyKey) {
        public Request {
            memberIds = List.copyOf(memberIds);
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(notification, "notification");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            if (memberIds.isEmpty() || memberIds.size() > BulkJob.MAX_MEMBERS) {
                throw new IllegalArgumentException("1 to " + BulkJob.MAX_MEMBERS + " member ids");
            }
            if (points <= 0 || points > MAX_POINTS) {
                throw new IllegalArgumentException("points must be 1.." + MAX_POINTS);
            }
        }

        /** The ids without repeats, in first-seen order (a member listed twice is credited once). */
        public List<MemberId> distinctIds() {
            return List.copyOf(new LinkedHashSet<>(memberIds));
        }
    }

    /** What a dry run finds: nothing is written. */
    public record DryRun(int requested, int distinct, int existing, int unknown, int emailRecipients, int smsRecipients,
                         boolean smsEnabled) {}

    public sealed interface Outcome {
        record DryRunDone(DryRun result) implements Outcome {}

        /** Job created now ({@code created}) or found by its idempotency key. */
        record Started(BulkJob job, boolean created) implements Outcome {}

        record StoreNotConfigured() implements Outcome {}

        /** The idempotency key names a job with different content. */
        record KeyReused() implements Outcome {}
    }

    /**
     * Counts members, and how many of them can be reached by email and by SMS (whatever the request's choice:
     * the staff see who is reachable before choosing), without writing anything. Reachability is the
     * dispatcher's own rule ({@link NotificationDispatcher#channels(NotifyChoice, Merchant, MemberProfile)}).
     */
    public Outcome dryRun(MerchantId merchant, Request request) {
        Optional<Merchant> store = merchants.find(merchant);
        if (store.isEmpty()) {
            return new Outcome.StoreNotConfigured();
        }
        List<MemberId> distinct = request.distinctIds();
        int existing = 0;
        int email = 0;
        int sms = 0;
        for (int from = 0; from < distinct.size(); from += READ_BATCH) {
            Map<MemberId, MemberProfile> found = members.findAll(merchant,
                    distinct.subList(from, Math.min(distinct.size(), from + READ_BATCH)));
            for (MemberProfile p : found.values()) {
                existing++;
                var reachable = NotificationDispatcher.channels(NotifyChoice.BOTH, store.get(), p);
                email += reachable.contains(Channel.EMAIL) ? 1 : 0;
                sms += reachable.contains(Channel.SMS) ? 1 : 0;
            }
        }
        return new Outcome.DryRunDone(new DryRun(request.memberIds().size(), distinct.size(), existing,
                distinct.size() - existing, email, sms, store.get().smsEnabled()));
    }

    /** Creates the job (or finds it again by its key) and queues its chunks. */
    public Outcome start(MerchantId merchant, Request request, Actor staff) {
        Optional<Merchant> store = merchants.find(merchant);
        if (store.isEmpty()) {
            return new Outcome.StoreNotConfigured();
        }
        Instant now = clock.now().truncatedTo(ChronoUnit.SECONDS);
        MerchantSettings rules = settings.currentOrDefaults(merchant);
        Optional<Instant> expiresAt = ExpiryCalculator.ofPointsGrantedAt(rules, now, store.get().zone());
        List<MemberId> distinct = request.distinctIds();
        String jobId = request.idempotencyKey().map(k -> "bulk-" + k).orElseGet(() -> "bulk-" + ids.newId());
        BulkJob job = BulkJob.created(merchant, jobId, request.points(), request.reason().strip(),
                request.notification(), staff, now, expiresAt, distinct.size());
        List<List<MemberId>> chunks = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += BulkJob.CHUNK_SIZE) {
            chunks.add(distinct.subList(from, Math.min(distinct.size(), from + BulkJob.CHUNK_SIZE)));
        }
        return switch (jobs.create(job, chunks)) {
            case BulkJobStore.CreateResult.Created c -> {
                List<Integer> indexes = new ArrayList<>(chunks.size());
                for (int i = 0; i < chunks.size(); i++) {
                    indexes.add(i);
                }
                queue.enqueue(merchant, jobId, indexes);
                yield new Outcome.Started(c.job(), true);
            }
            case BulkJobStore.CreateResult.Exists e -> e.stored().sameRequestAs(job)
                    ? new Outcome.Started(e.stored(), false) : new Outcome.KeyReused();
        };
    }

    /** What one worker run did with a chunk. */
    public enum ChunkRun { PROCESSED, ALREADY_DONE, NO_SUCH_CHUNK }

    /**
     * Credits every member of one chunk (once, whatever happened before) and records the outcomes. A store
     * failure propagates: the queue redelivers the chunk and the run starts over safely.
     */
    public ChunkRun processChunk(MerchantId merchant, String jobId, int index) {
        return runChunk(merchant, jobId, index).run();
    }

    /** What one run of a chunk did: the members it credited are counted only by the run that completed the chunk. */
    public record ChunkReport(ChunkRun run, ChunkTally tally) {
        static final ChunkTally NOTHING = new ChunkTally(0, 0, 0, 0, 0);

        public ChunkReport {
            java.util.Objects.requireNonNull(run, "run");
            java.util.Objects.requireNonNull(tally, "tally");
        }

        /** Members this run could not credit (unknown or refused by the ledger). */
        public long notCredited() {
            return tally.unknownMembers() + tally.failed();
        }
    }

    /** {@link #processChunk}, with the tally of the members credited and not credited by this run. */
    public ChunkReport runChunk(MerchantId merchant, String jobId, int index) {
        Optional<BulkJob> found = jobs.find(merchant, jobId);
        Optional<BulkChunk> chunk = found.isEmpty() ? Optional.empty() : jobs.chunk(merchant, jobId, index);
        if (chunk.isEmpty()) {
            return new ChunkReport(ChunkRun.NO_SUCH_CHUNK, ChunkReport.NOTHING);
        }
        if (chunk.get().done()) {
            return new ChunkReport(ChunkRun.ALREADY_DONE, ChunkReport.NOTHING);
        }
        BulkJob job = found.get();
        Optional<Merchant> store = merchants.find(merchant);
        List<MemberId> ids = chunk.get().members();
        List<MemberOutcome> outcomes = new ArrayList<>(ids.size());
        long email = 0;
        long sms = 0;
        for (int from = 0; from < ids.size(); from += READ_BATCH) {
            List<MemberId> batch = ids.subList(from, Math.min(ids.size(), from + READ_BATCH));
            Map<MemberId, MemberProfile> profiles = members.findAll(merchant, batch);
            List<MemberOutcome> results = credit(merchant, jobId, job, batch, profiles);
            for (int i = 0; i < batch.size(); i++) {
                MemberId id = batch.get(i);
                MemberProfile p = profiles.get(id);
                if (p == null) {
                    outcomes.add(new MemberOutcome(id, MemberOutcome.Result.UNKNOWN_MEMBER));
                    continue;
                }
                MemberOutcome outcome = results.get(i);
                outcomes.add(outcome);
                boolean ok = outcome.result() == MemberOutcome.Result.CREDITED;
                if (ok) {
                    var channels = store.isEmpty() ? java.util.EnumSet.noneOf(Channel.class)
                            : NotificationDispatcher.channels(job.notification(), store.get(), p);
                    email += channels.contains(Channel.EMAIL) ? 1 : 0;
                    sms += channels.contains(Channel.SMS) ? 1 : 0;
                }
            }
        }
        ChunkTally tally = ChunkTally.of(outcomes, email, sms);
        boolean first = jobs.completeChunk(merchant, jobId, index, outcomes, tally);
        return first ? new ChunkReport(ChunkRun.PROCESSED, tally) : new ChunkReport(ChunkRun.ALREADY_DONE, ChunkReport.NOTHING);
    }

    /**
     * The credit of one member, or its FAILED outcome when the command is invalid (e.g. a reason the ledger's rule
     * refuses): a refusal no redelivery can change, so the chunk completes and the job ends.
     */
    private static Optional<LedgerCommand.Credit> command(MerchantId merchant, String jobId, BulkJob job, MemberId id,
                                                          Map<MemberId, MemberOutcome> failed) {
        try {
            return Optional.of(LedgerCommand.bulkCredit(WalletRef.points(merchant, id), jobId, job.points(),
                    job.expiresAt(), job.reason(), job.actor(), job.createdAt()).withNotification(job.notification()));
        } catch (IllegalArgumentException e) {
            failed.put(id, MemberOutcome.failed(id, "the credit is invalid: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** A ledger outcome other than applied/duplicate is the member's FAILED outcome with its reason. */
    private static MemberOutcome outcome(MemberId id, LedgerResult result) {
        return switch (result) {
            case LedgerResult.Applied a -> new MemberOutcome(id, MemberOutcome.Result.CREDITED);
            case LedgerResult.Duplicate d -> new MemberOutcome(id, MemberOutcome.Result.CREDITED);
            case LedgerResult.InsufficientBalance b -> MemberOutcome.failed(id, "the balance does not cover it");
            case LedgerResult.OperationIdConflict c -> MemberOutcome.failed(id,
                    "this job's operation for the member already exists with other content");
            case LedgerResult.NotApplicable n -> MemberOutcome.failed(id, "the ledger refused it: " + n.reason());
        };
    }

    /**
     * The outcome of each member of {@code batch} with a profile ({@code null} for one without). The batch's wallets
     * are read first in one call ({@link LedgerStore#walletsOf}); the credits are then cut into at most
     * {@code parallelism} slices run at once, each slice one {@link LedgerStore#applyEach} (a store may write a slice
     * in a few transactions; each credit still exactly once, the operation id being job id + member). A store failure
     * of any member propagates (after every started slice ended): the chunk is redelivered and each credit already
     * applied comes back as a duplicate.
     */
    private List<MemberOutcome> credit(MerchantId merchant, String jobId, BulkJob job, List<MemberId> batch,
                                       Map<MemberId, MemberProfile> profiles) {
        Map<MemberId, MemberOutcome> byMember = new java.util.concurrent.ConcurrentHashMap<>();
        List<LedgerCommand.Credit> credits = new ArrayList<>();
        List<MemberId> creditedIds = new ArrayList<>();
        for (MemberId id : batch) {
            if (profiles.containsKey(id)) {
                command(merchant, jobId, job, id, byMember).ifPresent(c -> {
                    credits.add(c);
                    creditedIds.add(id);
                });
            }
        }
        Map<WalletRef, WalletState> known = credits.isEmpty() ? Map.of()
                : ledger.walletsOf(credits.stream().map(LedgerCommand::wallet).toList());
        int slice = Math.max(MIN_SLICE, (credits.size() + parallelism - 1) / parallelism);
        List<java.util.concurrent.Callable<MemberOutcome>> tasks = new ArrayList<>();
        for (int from = 0; from < credits.size(); from += slice) {
            int lo = from;
            int hi = Math.min(credits.size(), from + slice);
            tasks.add(() -> {
                List<LedgerResult> results = ledger.applyEach(credits.subList(lo, hi), known);
                for (int k = lo; k < hi; k++) {
                    byMember.put(creditedIds.get(k), outcome(creditedIds.get(k), results.get(k - lo)));
                }
                return null;
            });
        }
        if (tasks.size() <= 1) {
            for (var task : tasks) {
                call(task);
            }
        } else {
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(tasks.size())) {
                for (var f : pool.invokeAll(tasks)) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (e.getCause() instanceof RuntimeException r) {
                            throw r;
                        }
                        throw new IllegalStateException(e.getCause());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while crediting a bulk chunk", e);
            }
        }
        List<MemberOutcome> results = new ArrayList<>(batch.size());
        for (MemberId id : batch) {
            results.add(profiles.containsKey(id) ? byMember.get(id) : null);
        }
        return results;
    }

    private static MemberOutcome call(java.util.concurrent.Callable<MemberOutcome> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<BulkJob> job(MerchantId merchant, String jobId) {
        return jobs.find(merchant, jobId);
    }

    public com.memberpoints.domain.model.Page<MemberOutcome> outcomes(MerchantId merchant, String jobId,
                                                                       com.memberpoints.domain.model.PageRequest page) {
        return jobs.outcomes(merchant, jobId, page);
    }
}
