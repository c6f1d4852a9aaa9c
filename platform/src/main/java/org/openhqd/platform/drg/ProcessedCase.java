package org.openhqd.platform.drg;

import org.openhqd.quality.DischargeRecord;
import org.openhqd.quality.QcReport;

/**
 * One discharge after quality control and grouping, ready to store: the record as submitted, its
 * QC report (which carries the group as submitted) and the scheme it was grouped with.
 */
public record ProcessedCase(DischargeRecord record, QcReport report, String schemeId, String schemeVersion) {

    /** Checks and groups a record with an engine (thread-safe; never throws on the record's content). */
    public static ProcessedCase of(DischargeRecord record, DrgSchemes.Engine engine) {
        return new ProcessedCase(record, engine.checker().check(record), engine.id(), engine.version());
    }
}
