package org.openhqd.platform.appointments;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 号源回流: at its return time a reserved pool (referral, family doctor, regional platform) gives its
 * unused numbers to the public pool. The reserved pool's row is locked while its capacity shrinks
 * to what is booked, so a concurrent booking either got its number before or finds the pool full:
 * nothing is counted twice. Waiting patients of the session are then promoted.
 */
@Service
public class PoolReturn {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Waitlist waitlist;
    private final AuditLog audit;
    private final FullPools fullPools;

    PoolReturn(JdbcClient jdbc, TransactionTemplate tx, Waitlist waitlist, AuditLog audit, FullPools fullPools) {
        this.fullPools = fullPools;
        this.jdbc = jdbc;
        this.tx = tx;
        this.waitlist = waitlist;
        this.audit = audit;
    }

    /** Returns every pool due at {@code now}; each pool in its own transaction. @return numbers returned */
    public int returnDue(Instant now) {
        List<Long> due = jdbc.sql("SELECT id FROM slot_pool WHERE return_at <= :now AND returned_at IS NULL ORDER BY return_at, id")
                .param("now", Appointments.utc(now)).query(Long.class).list();
        int total = 0;
        for (long pool : due) {
            Integer n = tx.execute(s -> returnPool(pool, now));
            total += n == null ? 0 : n;
        }
        return total;
    }

    private int returnPool(long poolId, Instant now) {
        Map<String, Object> p = jdbc.sql("SELECT p.slot_id, p.capacity, p.booked, p.return_to, p.channel FROM slot_pool p "
                        + "WHERE p.id = :id AND p.returned_at IS NULL FOR UPDATE")
                .param("id", poolId).query().listOfRows().stream().findFirst().orElse(null);
        if (p == null) {
            return 0;   // another node returned it
        }
        long slot = ((Number) p.get("slot_id")).longValue();
        int unused = ((Number) p.get("capacity")).intValue() - ((Number) p.get("booked")).intValue();
        jdbc.sql("UPDATE slot_pool SET capacity = booked, returned = :n, returned_at = :now WHERE id = :id")
                .param("n", unused).param("now", Appointments.utc(now)).param("id", poolId).update();
        if (unused > 0) {
            int grown = jdbc.sql("UPDATE slot_pool SET capacity = capacity + :n WHERE slot_id = :s AND channel = :c")
                    .param("n", unused).param("s", slot).param("c", p.get("return_to")).update();
            if (grown == 0) {
                // no public pool on this slot (a hand-made session): open one, released now
                jdbc.sql("INSERT INTO slot_pool (slot_id, channel, capacity, booked, release_at) VALUES (:s, :c, :n, 0, :now)")
                        .param("s", slot).param("c", p.get("return_to")).param("n", unused).param("now", Appointments.utc(now)).update();
            }
            fullPools.freed(slot);
            waitlist.promote(jdbc.sql("SELECT session_id FROM slot WHERE id = :s").param("s", slot).query(Long.class).single());
        }
        audit.recordSystem(AuditAction.UPDATE, "slot_pool", poolId, null,
                "returned " + unused + " unused " + p.get("channel") + " numbers to " + p.get("return_to"));
        return unused;
    }
}
