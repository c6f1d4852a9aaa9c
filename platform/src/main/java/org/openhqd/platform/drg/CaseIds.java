package org.openhqd.platform.drg;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ids for {@code drg_case} rows, taken a block of 1,000 at a time from the {@code drg_case_ids}
 * sequence (hi/lo): one round trip per thousand cases, and findings can name their case before
 * the case row is written. Gaps after a restart or a rollback are harmless.
 */
@Component
class CaseIds {

    static final int BLOCK = 1000;

    private final JdbcClient jdbc;
    private long next;
    private long limit;

    CaseIds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    synchronized long next() {
        if (next == limit) {
            long start = jdbc.sql("SELECT nextval('drg_case_ids')").query(Long.class).single();
            next = start;
            limit = start + BLOCK;
        }
        return next++;
    }
}
