package org.openhqd.platform.community;

import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county indicators as CSV (UTF-8 with BOM for Excel): one line per indicator and period (the
 * year, then its months), numerator and denominator next to the value, with the definitions'
 * version; audited in the same transaction.
 */
@Service
public class CommunityIndicatorExport {

    private final AuditLog audit;

    CommunityIndicatorExport(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional
    public String csv(CommunityIndicatorReport report) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append("definitions_version,indicator_id,name,platform,unit,period,numerator,denominator,value,status,source,growth_pct\n");
        int lines = 0;
        for (IndicatorResult r : report.indicators()) {
            line(out, report, r, r.year(), r.growthPct());
            lines++;
            for (IndicatorValue m : r.monthly()) {
                line(out, report, r, m, null);
                lines++;
            }
        }
        audit.record(AuditAction.EXPORT, "community_indicator", null, null,
                "county medical-community indicators " + report.year() + ", " + lines + " rows, definitions " + report.definitionsVersion());
        return out.toString();
    }

    private static void line(StringBuilder out, CommunityIndicatorReport report, IndicatorResult r, IndicatorValue v, Double growth) {
        out.append(report.definitionsVersion()).append(',').append(r.id()).append(',').append(cell(r.nameZh())).append(',')
                .append(r.platform()).append(',').append(cell(r.unit())).append(',').append(v.period()).append(',')
                .append(n(v.numerator())).append(',').append(n(v.denominator())).append(',').append(n(v.value())).append(',')
                .append(v.status()).append(',').append(cell(v.source())).append(',').append(n(growth)).append('\n');
    }

    private static String n(Double d) {
        return d == null ? "" : d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
    }

    /** Quotes a text cell; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
    private static String cell(String s) {
        if (s == null) {
            return "";
        }
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
