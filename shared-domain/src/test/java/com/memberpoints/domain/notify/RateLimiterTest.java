package com.memberpoints.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Counted on a fake clock: the sleeps the limiter asks for, never wall time. */
class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong sleeps = new AtomicLong();

    private RateLimiter limiter(double rate, int burst) {
        return new RateLimiter(rate, burst, nanos::get, n -> {
            sleeps.incrementAndGet();
            nanos.addAndGet(n);
        });
    }

    @Test
    void aBurstGoesAtOnceThenOnePermitPerInterval() {
        RateLimiter l = limiter(14, 14); // SES's default sandbox-exit rate: 14 emails per second
        for (int i = 0; i < 14; i++) {
            l.acquire();
        }
        assertThat(nanos.get()).isZero();
        assertThat(sleeps.get()).isZero();
        for (int i = 0; i < 140; i++) {
            l.acquire();
        }
        // 140 more permits at 14 per second take 10 seconds of (fake) waiting, not less.
        assertThat(nanos.get()).isBetween(9_999_000_000L, 10_001_000_000L);
    }

    @Test
    void neverMoreThanRateTimesElapsedPlusBurst() {
        RateLimiter l = limiter(20, 5);
        int permits = 0;
        for (int i = 0; i < 1000; i++) {
            l.acquire();
            permits++;
            double elapsed = nanos.get() / 1e9;
            assertThat((double) permits).isLessThanOrEqualTo(20 * elapsed + 5 + 1e-6);
        }
    }

    @Test
    void idleTimeRefillsOnlyUpToTheBurst() {
        RateLimiter l = limiter(1, 3);
        nanos.addAndGet(3_600_000_000_000L); // an idle hour
        for (int i = 0; i < 3; i++) {
            l.acquire();
        }
        assertThat(sleeps.get()).isZero();
        l.acquire();
        assertThat(sleeps.get()).isEqualTo(1);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> limiter(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
