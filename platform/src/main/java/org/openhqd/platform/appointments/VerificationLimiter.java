package org.openhqd.platform.appointments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Limits failed real-name checks on the self-service pages: at most {@value #MAX_FAILURES} failures
 * per key (the browser session and, separately, the client address) in a sliding window of 15
 * minutes. Without it the check would let anyone try name/phone combinations against an ID number.
 * Kept in memory on purpose: one platform instance serves a county, a restart merely forgets recent
 * failures, and no database write is needed on the anonymous path (a deployment with several
 * instances behind a balancer would move this to a shared store). Old keys are dropped as they
 * expire, so the map stays small.
 */
@Component
class VerificationLimiter {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    VerificationLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Whether every key may still try. */
    boolean allowed(Iterable<String> keys) {
        Instant cutoff = clock.instant().minus(WINDOW);
        for (String key : keys) {
            Deque<Instant> times = failures.get(key);
            if (times == null) {
                continue;
            }
            synchronized (times) {
                while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
                    times.pollFirst();
                }
                if (times.size() >= MAX_FAILURES) {
                    return false;
                }
            }
        }
        return true;
    }

    void failed(Iterable<String> keys) {
        Instant now = clock.instant();
        if (failures.size() > 10_000) {
            Instant cutoff = now.minus(WINDOW);
            failures.values().removeIf(d -> {
                synchronized (d) {
                    return d.isEmpty() || d.peekLast().isBefore(cutoff);
                }
            });
        }
        for (String key : keys) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
            }
        }
    }
}
