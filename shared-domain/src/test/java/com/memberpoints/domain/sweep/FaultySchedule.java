package com.memberpoints.domain.sweep;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fan-out properties' adversary: plays a generated schedule of choices against the hourly sweep and the queue of
 * walks — time moves on by up to 19 minutes, every tenth choice is an overlapping hourly run, the others deliver a
 * message picked from anywhere in the queue, some twice (a duplicate stays queued), some throttled half-way (the
 * message stays for redelivery).
 */
final class FaultySchedule {
    private FaultySchedule() {}

    /** @return the walk steps taken */
    static int play(List<Integer> schedule, AtomicReference<Instant> now, DailySweep sweep, List<ExpiryWalk> queue,
                    PartedLedgerStore parted, ExpiryWalker walker, ExpiryWalker.Budget budget) {
        int steps = 0;
        for (int choice : schedule) {
            now.set(now.get().plus(Duration.ofMinutes(choice % 20)));
            if (choice % 10 == 0) {
                sweep.run(); // an overlapping hourly run (or a retried one)
                continue;
            }
            if (queue.isEmpty()) {
                continue;
            }
            ExpiryWalk message = queue.get(choice % queue.size());
            boolean duplicate = choice % 7 == 0;
            if (choice % 5 == 0) {
                parted.callsBeforeFailure.set(choice % 13);
            }
            try {
                walker.walk(message, budget);
                if (!duplicate) {
                    queue.remove(message); // acknowledged; a duplicate stays and is delivered again
                }
            } catch (PartedLedgerStore.Throttled e) {
                // The message stays: SQS redelivers it after the visibility timeout.
            } finally {
                parted.callsBeforeFailure.set(-1);
            }
            steps++;
        }
        return steps;
    }
}
