package org.openhqd.platform.referral;

import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referral dashboard as CSV (UTF-8 with BOM, so Excel opens the Chinese names): three sections,
 * each with its own header — the figures per view, institution and month; the top referred-up
 * diseases; the down-referral rates — every line with the definitions' version. Audited in the same
 * transaction: no export leaves without its record.
 */
@Service
public class ReferralDashboardExport {

    private final AuditLog audit;

    ReferralDashboardExport(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional
    public String csv(ReferralDashboard d) {
        String range = d.from() + ".." + d.to();
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append("definitions_version,view,month,institution_id,institution,submitted_up,submitted_down,accepted_up,accepted_down,"
                + "rejected_up,rejected_down,expired_up,expired_down,arrived_up,arrived_down,acceptance_rate_numerator,"
                + "acceptance_rate_denominator,acceptance_rate_pct,acceptance_hours_n,acceptance_hours_median,acceptance_hours_p90,"
                + "arrival_days_n,arrival_days_median,arrival_days_p90\n");
        for (ReferralDashboard.Row r : d.rows()) {
            ReferralFigures f = r.figures();
            out.append(d.definitionsVersion()).append(',').append(r.view()).append(',').append(r.month() == null ? range : r.month())
                    .append(',').append(n(r.institutionId())).append(',').append(cell(r.institutionName()));
            for (ReferralFigures.Counts c : java.util.List.of(f.submitted(), f.accepted(), f.rejected(), f.expired(), f.arrived())) {
                out.append(',').append(c.up()).append(',').append(c.down());
            }
            out.append(',').append(f.acceptanceRate().numerator()).append(',').append(f.acceptanceRate().denominator()).append(',')
                    .append(n(f.acceptanceRate().percent()))
                    .append(',').append(f.acceptanceHours().n()).append(',').append(n(f.acceptanceHours().median())).append(',')
                    .append(n(f.acceptanceHours().p90()))
                    .append(',').append(f.arrivalDays().n()).append(',').append(n(f.arrivalDays().median())).append(',')
                    .append(n(f.arrivalDays().p90())).append('\n');
        }
        out.append("\ndefinitions_version,period,sending_institution_id,sending_institution,rank,icd10_category,category_count,"
                + "up_referrals_sent,share_pct,icd10_code,code_count\n");
        for (ReferralDashboard.DiseaseRank t : d.topDiseases()) {
            for (ReferralDashboard.CodeCount c : t.codes()) {
                out.append(d.definitionsVersion()).append(',').append(range).append(',').append(n(t.sendingInstitutionId())).append(',')
                        .append(cell(t.sendingInstitutionName())).append(',').append(t.rank()).append(',').append(cell(t.category()))
                        .append(',').append(t.count()).append(',').append(t.outOf()).append(',').append(t.sharePercent()).append(',')
                        .append(cell(c.code())).append(',').append(c.count()).append('\n');
            }
        }
        out.append("\ndefinitions_version,month,institution_id,institution,down_sent_arrived,up_received_arrived,down_referral_rate_pct\n");
        for (ReferralDashboard.DownReferralRate r : d.downReferralRates()) {
            out.append(d.definitionsVersion()).append(',').append(r.month() == null ? range : r.month()).append(',')
                    .append(n(r.institutionId())).append(',').append(cell(r.institutionName())).append(',').append(r.downSent())
                    .append(',').append(r.upReceived()).append(',').append(n(r.ratePercent())).append('\n');
        }
        audit.record(AuditAction.EXPORT, "referral_statistics", null, null, "referral dashboard " + range + " level " + d.level()
                + ", " + d.rows().size() + " rows, definitions " + d.definitionsVersion());
        return out.toString();
    }

    private static String n(Object o) {
        return o == null ? "" : String.valueOf(o);
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
