package org.openhqd.platform.drg;

import java.time.OffsetDateTime;

/**
 * One case import (导入批次) as its row says: what was read, accepted, rejected and written.
 * {@code status} is QUEUED (waiting for an earlier import), RUNNING, COMMITTED (every accepted case
 * stored), FAILED (nothing stored; {@code message} says why) or INTERRUPTED (the service stopped
 * during the import; nothing stored).
 */
public record ImportBatch(long id, long communityId, Long institutionId, String fileName, String format, String status,
                          long rowsRead, long rowsAccepted, long rowsRejected, long casesInserted, long casesUpdated,
                          Long bytesTotal, long bytesRead, String message, String startedBy, OffsetDateTime startedAt,
                          OffsetDateTime finishedAt) {

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String COMMITTED = "COMMITTED";
    public static final String FAILED = "FAILED";
    public static final String INTERRUPTED = "INTERRUPTED";

    /** Whether the import is over (committed, failed or interrupted). */
    public boolean finished() {
        return !QUEUED.equals(status) && !RUNNING.equals(status);
    }

    /** How far the reading is, 0–100, from the bytes read (100 once finished). */
    public int percent() {
        if (finished()) {
            return 100;
        }
        if (bytesTotal == null || bytesTotal <= 0) {
            return 0;
        }
        return (int) Math.min(99, bytesRead * 100 / bytesTotal);
    }
}
