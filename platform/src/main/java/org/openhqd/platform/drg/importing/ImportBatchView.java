package org.openhqd.platform.drg.importing;

import java.time.OffsetDateTime;
import org.openhqd.platform.drg.ImportBatch;

/** A batch as the API shows it: counters, how far it is, and where to poll. */
public record ImportBatchView(long id, String status, String fileName, String format, long rowsRead, long rowsAccepted,
                              long rowsRejected, long casesInserted, long casesUpdated, Long bytesTotal, long bytesRead,
                              int percent, String message, String startedBy, OffsetDateTime startedAt,
                              OffsetDateTime finishedAt, String self, String rejections) {

    public static ImportBatchView of(ImportBatch b) {
        String self = "/api/v1/drg/imports/" + b.id();
        return new ImportBatchView(b.id(), b.status(), b.fileName(), b.format(), b.rowsRead(), b.rowsAccepted(),
                b.rowsRejected(), b.casesInserted(), b.casesUpdated(), b.bytesTotal(), b.bytesRead(), b.percent(),
                b.message(), b.startedBy(), b.startedAt(), b.finishedAt(), self, self + "/rejections");
    }
}
