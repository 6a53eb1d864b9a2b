package com.memberpoints.domain.inmemory;

import com.memberpoints.domain.bulk.BulkChunk;
import com.memberpoints.domain.bulk.BulkJob;
import com.memberpoints.domain.bulk.ChunkTally;
import com.memberpoints.domain.bulk.MemberOutcome;

import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.bulk.BulkJobStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link BulkJobStore} in memory (tests, the local stack); thread-safe by one lock. */
public final class InMemoryBulkJobStore implements BulkJobStore {

    private record Key(MerchantId merchant, String jobId) {}

    private final Map<Key, BulkJob> jobs = new HashMap<>();
    private final Map<Key, List<BulkChunk>> chunks = new HashMap<>();

    @Override
    public synchronized CreateResult create(BulkJob job, List<List<MemberId>> members) {
        Key key = new Key(job.merchant(), job.jobId());
        BulkJob stored = jobs.get(key);
        if (stored != null) {
            return new CreateResult.Exists(stored);
        }
        List<BulkChunk> list = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            list.add(new BulkChunk(i, members.get(i), List.of()));
        }
        jobs.put(key, job);
        chunks.put(key, list);
        return new CreateResult.Created(job);
    }

    @Override
    public synchronized Optional<BulkJob> find(MerchantId merchant, String jobId) {
        return Optional.ofNullable(jobs.get(new Key(merchant, jobId)));
    }

    @Override
    public synchronized Optional<BulkChunk> chunk(MerchantId merchant, String jobId, int index) {
        List<BulkChunk> list = chunks.get(new Key(merchant, jobId));
        return list == null || index < 0 || index >= list.size() ? Optional.empty() : Optional.of(list.get(index));
    }

    @Override
    public synchronized boolean completeChunk(MerchantId merchant, String jobId, int index,
                                              List<MemberOutcome> outcomes, ChunkTally tally) {
        Key key = new Key(merchant, jobId);
        BulkChunk chunk = chunk(merchant, jobId, index).orElseThrow(
                () -> new IllegalArgumentException("no chunk " + index + " of job " + jobId));
        if (chunk.done()) {
            return false;
        }
        chunks.get(key).set(index, new BulkChunk(index, chunk.members(), outcomes));
        jobs.put(key, jobs.get(key).plus(tally));
        return true;
    }

    @Override
    public synchronized Page<MemberOutcome> outcomes(MerchantId merchant, String jobId, PageRequest page) {
        List<BulkChunk> list = chunks.getOrDefault(new Key(merchant, jobId), List.of());
        int[] start = page.cursor().map(InMemoryBulkJobStore::parse).orElse(new int[] {0, 0});
        List<MemberOutcome> out = new ArrayList<>();
        int c = start[0];
        int o = start[1];
        while (c < list.size() && out.size() < page.limit()) {
            List<MemberOutcome> done = list.get(c).outcomes();
            if (o < done.size()) {
                out.add(done.get(o++));
            } else {
                c++;
                o = 0;
            }
        }
        boolean more = false;
        for (int i = c; i < list.size() && !more; i++) {
            more = list.get(i).outcomes().size() > (i == c ? o : 0);
        }
        return new Page<>(out, more ? Optional.of(c + ":" + o) : Optional.empty());
    }

    private static int[] parse(String cursor) {
        String[] p = cursor.split(":", 2);
        try {
            return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
        } catch (RuntimeException e) {
            throw new InvalidInputException("cursor", "is not a cursor returned by this listing");
        }
    }
}
