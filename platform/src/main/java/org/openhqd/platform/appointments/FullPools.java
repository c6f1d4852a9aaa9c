package org.openhqd.platform.appointments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers for a moment which channel pools were found full (or not yet released), so that in a
 * release storm the thousands of requests that follow the last number are answered 409 without a
 * database round trip. It only ever says "full": a number is still taken solely by the conditional
 * UPDATE in {@link Appointments#take}. A number freed on this node (cancellation, reschedule,
 * returned reserve) forgets the slot at once; one freed on another node shows after at most
 * {@code hqd.appointments.full-pool-memory} (default 1 s).
 */
@Component
class FullPools {

    private static final int CLEAN_ABOVE = 50_000;

    private final ConcurrentHashMap<Long, Instant> closedUntil = new ConcurrentHashMap<>();
    private final Duration memory;
    private final Clock clock;

    FullPools(@Value("${hqd.appointments.full-pool-memory:PT1S}") Duration memory, Clock clock) {
        this.memory = memory;
        this.clock = clock;
    }

    private static long key(long slotId, Channel channel) {
        return slotId * 16 + channel.ordinal();
    }

    boolean knownFull(long slotId, Channel channel) {
        Instant until = closedUntil.get(key(slotId, channel));
        return until != null && clock.instant().isBefore(until);
    }

    void full(long slotId, Channel channel) {
        if (memory.isZero()) {
            return;
        }
        if (closedUntil.size() > CLEAN_ABOVE) {
            Instant now = clock.instant();
            closedUntil.values().removeIf(until -> !now.isBefore(until));
        }
        closedUntil.put(key(slotId, channel), clock.instant().plus(memory));
    }

    /**
     * A number of the slot was freed: every channel of it is worth asking again — once the freeing
     * transaction has committed, or a request in between would see the old count and remember it.
     */
    void freed(long slotId) {
        Runnable forget = () -> {
            for (Channel c : Channel.values()) {
                closedUntil.remove(key(slotId, c));
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget.run();
                }
            });
        } else {
            forget.run();
        }
    }
}
