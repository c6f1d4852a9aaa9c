package org.openhqd.platform.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FullPoolsTest {

    /** A clock the test moves by hand. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2026-11-24T07:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void remembersAFullPoolForItsMemoryOnlyAndPerChannel() {
        Hand clock = new Hand();
        FullPools pools = new FullPools(Duration.ofSeconds(1), clock);
        pools.full(7, Channel.APP);
        assertThat(pools.knownFull(7, Channel.APP)).isTrue();
        assertThat(pools.knownFull(7, Channel.WINDOW)).isFalse();
        assertThat(pools.knownFull(8, Channel.APP)).isFalse();
        clock.now = clock.now.plusMillis(999);
        assertThat(pools.knownFull(7, Channel.APP)).isTrue();
        clock.now = clock.now.plusMillis(1);
        assertThat(pools.knownFull(7, Channel.APP)).isFalse();
    }

    @Test
    void aFreedNumberIsAskedForAgainAtOnce() {
        FullPools pools = new FullPools(Duration.ofSeconds(1), new Hand());
        pools.full(7, Channel.APP);
        pools.full(7, Channel.REFERRAL);
        pools.freed(7);   // no transaction here: forgotten immediately
        assertThat(pools.knownFull(7, Channel.APP)).isFalse();
        assertThat(pools.knownFull(7, Channel.REFERRAL)).isFalse();
    }

    @Test
    void zeroMemoryRemembersNothing() {
        FullPools pools = new FullPools(Duration.ZERO, new Hand());
        pools.full(7, Channel.APP);
        assertThat(pools.knownFull(7, Channel.APP)).isFalse();
    }
}
