package com.memberpoints.domain.inmemory;

import com.memberpoints.domain.migration.ImportChunk;
import com.memberpoints.domain.migration.ImportJob;
import com.memberpoints.domain.migration.ImportJobStore;
import com.memberpoints.domain.migration.ImportLine;
import com.memberpoints.domain.migration.RowOutcome;
import com.memberpoints.domain.model.MerchantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link ImportJobStore} in memory, with the same once-only rules as the DynamoDB adapter. */
public final class InMemoryImportJobStore implements ImportJobStore {
    private record Key(MerchantId merchant, String jobId) {}

    private final Map<Key, ImportJob> jobs = new HashMap<>();
    private final Map<Key, TreeMap<Integer, String>> parts = new HashMap<>();
    private final Map<Key, List<ImportChunk>> chunks = new HashMap<>();

    @Override
    public synchronized ImportJob create(ImportJob job) {
        return jobs.computeIfAbsent(new Key(job.merchant(), job.jobId()), k -> job);
    }

    @Override
    public synchronized Optional<ImportJob> find(MerchantId merchant, String jobId) {
        return Optional.ofNullable(jobs.get(new Key(merchant, jobId)));
    }

    @Override
    public synchronized PartResult putPart(MerchantId merchant, String jobId, int number, String text) {
        Key k = new Key(merchant, jobId);
        ImportJob job = jobs.get(k);
        if (job == null) {
            return PartResult.NO_SUCH_JOB;
        }
        if (job.file().isPresent()) {
            return PartResult.FILE_FIXED;
        }
        parts.computeIfAbsent(k, x -> new TreeMap<>()).put(number, text);
        return PartResult.STORED;
    }

    @Override
    public synchronized List<Part> parts(MerchantId merchant, String jobId) {
        List<Part> out = new ArrayList<>();
        parts.getOrDefault(new Key(merchant, jobId), new TreeMap<>()).forEach((n, t) -> out.add(new Part(n, t)));
        return out;
    }

    @Override
    public synchronized ImportJob fixFile(ImportJob withFile, List<List<ImportLine>> lines) {
        Key k = new Key(withFile.merchant(), withFile.jobId());
        ImportJob stored = jobs.get(k);
        if (stored == null) {
            throw new ImportJobStoreException("no import " + withFile.jobId(), null);
        }
        if (stored.file().isPresent()) {
            return stored;
        }
        List<ImportChunk> cs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            cs.add(new ImportChunk(i, lines.get(i), List.of(), List.of()));
        }
        chunks.put(k, cs);
        ImportJob fixed = stored.withFile(withFile.file().orElseThrow(), withFile.invalidRows());
        jobs.put(k, fixed);
        return fixed;
    }

    @Override
    public synchronized Optional<ImportChunk> chunk(MerchantId merchant, String jobId, int index) {
        List<ImportChunk> cs = chunks.get(new Key(merchant, jobId));
        return cs == null || index < 0 || index >= cs.size() ? Optional.empty() : Optional.of(cs.get(index));
    }

    @Override
    public synchronized boolean completeCheck(MerchantId merchant, String jobId, int index, List<RowOutcome> checks,
                                              long valid, long unknown) {
        Key k = new Key(merchant, jobId);
        ImportChunk c = chunk(merchant, jobId, index).orElseThrow();
        if (c.checked()) {
            return false;
        }
        chunks.get(k).set(index, new ImportChunk(index, c.lines(), checks, c.results()));
        jobs.put(k, jobs.get(k).plusChecked(valid, unknown));
        return true;
    }

    @Override
    public synchronized ImportJob startRun(MerchantId merchant, String jobId, ImportJob.RunStart start) {
        Key k = new Key(merchant, jobId);
        ImportJob job = jobs.get(k);
        if (job.run().isEmpty()) {
            job = job.withRun(start);
            jobs.put(k, job);
        }
        return job;
    }

    @Override
    public synchronized boolean completeRun(MerchantId merchant, String jobId, int index, List<RowOutcome> results,
                                            ImportJob.RunTally tally) {
        Key k = new Key(merchant, jobId);
        ImportChunk c = chunk(merchant, jobId, index).orElseThrow();
        if (c.ran()) {
            return false;
        }
        chunks.get(k).set(index, new ImportChunk(index, c.lines(), c.checks(), results));
        jobs.put(k, jobs.get(k).plusRun(tally));
        return true;
    }
}
