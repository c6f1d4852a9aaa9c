package org.openhqd.platform.outpatient;

import java.util.List;
import org.openhqd.platform.appointments.Channel;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report as CSV (UTF-8 with BOM, so Excel opens the Chinese names): one line per clinic and
 * month, then one per clinic over the range, each with numerators and denominators next to the
 * value and the definitions' version. The export is audited in the same transaction.
 */
@Service
public class IndicatorExport {

    private final AuditLog audit;

    IndicatorExport(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional
    public String csv(IndicatorReport report) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append("definitions_version,month,institution_id,institution,department_id,department,doctor_id,doctor,"
                + "visit_total,visit_days,appointed,appointment_rate_pct,appointment_rate_status,"
                + "wait_minutes_total,waited,mean_wait_minutes,no_shows,due,no_show_rate_pct");
        for (Channel c : report.channels()) {
            out.append(',').append(c).append("_booked,").append(c).append("_released,").append(c).append("_utilisation_pct");
        }
        out.append('\n');
        String range = report.from() + ".." + report.to();
        List<IndicatorRow> lines = new java.util.ArrayList<>(report.monthly());
        lines.addAll(report.rows());
        for (IndicatorRow r : lines) {
            out.append(report.definitionsVersion()).append(',').append(r.month() == null ? range : r.month()).append(',')
                    .append(n(r.institutionId())).append(',').append(cell(r.institutionName())).append(',')
                    .append(n(r.departmentId())).append(',').append(cell(r.departmentName())).append(',')
                    .append(n(r.doctorId())).append(',').append(cell(r.doctorName())).append(',')
                    .append(n(r.visitTotal())).append(',').append(n(r.visitDays())).append(',')
                    .append(number(r.appointmentRate().numerator())).append(',').append(n(r.appointmentRate().value())).append(',')
                    .append(r.appointmentRate().status()).append(',')
                    .append(number(r.meanWaitMinutes().numerator())).append(',').append(number(r.meanWaitMinutes().denominator()))
                    .append(',').append(n(r.meanWaitMinutes().value())).append(',')
                    .append(number(r.noShowRate().numerator())).append(',').append(number(r.noShowRate().denominator())).append(',')
                    .append(n(r.noShowRate().value()));
            for (Channel c : report.channels()) {
                IndicatorValue v = r.poolUtilisation().get(c);
                out.append(',').append(v == null ? "" : number(v.numerator())).append(',')
                        .append(v == null ? "" : number(v.denominator())).append(',').append(v == null ? "" : n(v.value()));
            }
            out.append('\n');
        }
        audit.record(AuditAction.EXPORT, "outpatient_indicator", null, null,
                "outpatient indicators " + range + " level " + report.level()
                        + (report.institutionId() == null ? "" : " institution " + report.institutionId())
                        + (report.departmentId() == null ? "" : " department " + report.departmentId())
                        + ", " + lines.size() + " rows, definitions " + report.definitionsVersion());
        return out.toString();
    }

    private static String n(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
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
