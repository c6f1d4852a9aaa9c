package org.openhqd.platform.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationLimiterTest {

    /** A clock the test moves. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2026-03-02T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void fiveFailuresBlockTheKeyForFifteenMinutesAndOtherKeysStayOpen() {
        Hand clock = new Hand();
        VerificationLimiter limiter = new VerificationLimiter(clock);
        List<String> keys = List.of("session:a", "address:1");
        for (int i = 0; i < VerificationLimiter.MAX_FAILURES; i++) {
            assertThat(limiter.allowed(keys)).isTrue();
            limiter.failed(keys);
            clock.now = clock.now.plusSeconds(60);
        }
        assertThat(limiter.allowed(keys)).isFalse();
        assertThat(limiter.allowed(List.of("session:b", "address:1"))).isFalse(); // same address
        assertThat(limiter.allowed(List.of("session:b", "address:2"))).isTrue();
        // the first failure leaves the window 15 minutes after it was made
        clock.now = Instant.parse("2026-03-02T00:00:00Z").plus(VerificationLimiter.WINDOW).plusSeconds(1);
        assertThat(limiter.allowed(keys)).isTrue();
        limiter.failed(keys);
        assertThat(limiter.allowed(keys)).isFalse();
        clock.now = clock.now.plus(Duration.ofHours(1));
        assertThat(limiter.allowed(keys)).isTrue();
    }
}
