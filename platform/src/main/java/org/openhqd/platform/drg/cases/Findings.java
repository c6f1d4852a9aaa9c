package org.openhqd.platform.drg.cases;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.drg.DrgSchemes;
import org.openhqd.platform.security.DataScope;
import org.openhqd.quality.QcRule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 质控发现 of the stored cases: summaries by rule, by department and by coder (编码员), and the list of
 * findings behind them (for the API and the exports). Summaries carry no patient data; the list
 * does and is audited.
 */
@Service
class Findings {

    /** One rule's findings: how many, on how many cases, how many would change the group if fixed. */
    record ByRule(@JsonProperty("rule_id") String ruleId, String category, String severity,
                  @JsonProperty("message_zh") String messageZh, @JsonProperty("message_en") String messageEn,
                  long findings, long cases, @JsonProperty("group_changing") long groupChanging) {
    }

    /** The findings of one department or one coder. */
    record ByGroup(String name, long findings, long cases, long errors, long warnings, long infos,
                   @JsonProperty("group_changing") long groupChanging) {
    }

    /**
     * @param casesChecked cases of the period and place (whatever their findings)
     * @param casesWithFindings of them, those with at least one finding that passes the filter
     */
    record Summary(@JsonProperty("cases_checked") long casesChecked, @JsonProperty("cases_with_findings") long casesWithFindings,
                   long findings, @JsonProperty("by_rule") List<ByRule> byRule,
                   @JsonProperty("by_department") List<ByGroup> byDepartment, @JsonProperty("by_coder") List<ByGroup> byCoder) {
    }

    /** One finding with its case (patient only as the masked number). */
    record Row(long id, @JsonProperty("case_row_id") long caseRowId, @JsonProperty("case_id") String caseId,
               @JsonProperty("institution_name") String institutionName,
               @JsonProperty("patient_id_masked") String patientIdMasked, String department,
               @JsonProperty("attending_doctor") String attendingDoctor, String coder,
               @JsonProperty("discharge_month") String dischargeMonth, @JsonProperty("rule_id") String ruleId,
               @JsonProperty("rule_version") String ruleVersion, String category, String severity, String field,
               @JsonProperty("value_masked") String valueMasked, @JsonProperty("message_zh") String messageZh,
               @JsonProperty("message_en") String messageEn, @JsonProperty("fix_zh") String fixZh,
               @JsonProperty("fix_en") String fixEn, @JsonProperty("group_before") String groupBefore,
               @JsonProperty("group_if_fixed") String groupIfFixed, @JsonProperty("changes_group") boolean changesGroup) {

        static final String COLUMNS = "f.id, f.case_row_id, c.case_id, i.name AS institution_name, c.patient_id_masked, "
                + "c.department, c.attending_doctor, c.coder, c.discharge_month, f.rule_id, f.rule_version, f.category, f.severity, "
                + "f.field, f.value_masked, f.message_zh, f.message_en, f.fix_zh, f.fix_en, f.group_before, f.group_after, f.changes_group";

        static Row read(ResultSet rs) throws SQLException {
            return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                    rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18),
                    rs.getString(19), rs.getString(20), rs.getString(21), rs.getBoolean(22));
        }
    }

    record Page(List<Row> findings, Long next, int size) {
    }

    static final String FROM = " FROM drg_qc_finding f JOIN drg_case c ON c.id = f.case_row_id"
            + " JOIN institution i ON i.id = c.institution_id WHERE ";
    /** The summaries need no institution names: one join fewer over every finding of the period. */
    static final String FROM_COUNTS = " FROM drg_qc_finding f JOIN drg_case c ON c.id = f.case_row_id WHERE ";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final AuditLog audit;
    private final ScopeInstitutions institutions;
    private final Map<String, QcRule> catalogue = new LinkedHashMap<>();

    Findings(JdbcClient jdbc, javax.sql.DataSource dataSource, AuditLog audit, DrgSchemes schemes, ScopeInstitutions institutions) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        // its own template: exports read with a fetch size, the shared one is left as configured
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(1000);
        this.named = new NamedParameterJdbcTemplate(streaming);
        this.audit = audit;
        // every scheme's checker shares the shipped rule pack: its texts name the rules in the summary
        schemes.engine(schemes.defaultSchemeId()).checker().rules().rules().forEach(r -> catalogue.put(r.id(), r));
    }

    /**
     * The summaries in two passes over the findings of the filter: counts per rule × department ×
     * coder, and distinct cases per department × coder. Every case has one department and one coder,
     * so distinct cases add up along those; per rule they add up too. The findings repeat their case's
     * period, department and coder, so the usual filters (institution, period, department, coder)
     * read the findings alone; the others join each finding to its case.
     */
    @Transactional(readOnly = true)
    public Summary summary(DataScope scope, FindingFilter filter) {
        List<Long> ids = institutions.ids(scope);
        Map<String, Object> params = new HashMap<>();
        String alone = filter.findingWhere(ids, params);
        String from = alone != null ? " FROM drg_qc_finding f WHERE " + alone : FROM_COUNTS + filter.where(ids, params);
        String of = alone != null ? "f" : "c";     // whose department and coder the rows are grouped by
        record Cell(String rule, String category, String severity, String department, String coder, long findings, long cases,
                    long changing) {
        }
        List<Cell> cells = jdbc.sql(("SELECT f.rule_id, MAX(f.category), MAX(f.severity), %1$s.department, %1$s.coder, COUNT(*), "
                        + "COUNT(DISTINCT f.case_row_id), SUM(CASE WHEN f.changes_group THEN 1 ELSE 0 END)" + from
                        + " GROUP BY f.rule_id, %1$s.department, %1$s.coder").formatted(of))
                .params(params)
                .query((rs, n) -> new Cell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8))).list();
        Map<String, long[]> rules = new HashMap<>();          // findings, cases, changing
        Map<String, String[]> ruleKinds = new HashMap<>();    // category, severity
        Map<String, long[]> departments = new HashMap<>();    // findings, cases, errors, warnings, infos, changing
        Map<String, long[]> coders = new HashMap<>();
        for (Cell c : cells) {
            long[] r = rules.computeIfAbsent(c.rule(), k -> new long[3]);
            r[0] += c.findings();
            r[1] += c.cases();
            r[2] += c.changing();
            ruleKinds.putIfAbsent(c.rule(), new String[] {c.category(), c.severity()});
            int at = switch (c.severity()) {
                case "ERROR" -> 2;
                case "WARNING" -> 3;
                default -> 4;
            };
            for (long[] g : List.of(departments.computeIfAbsent(c.department(), k -> new long[6]),
                    coders.computeIfAbsent(c.coder(), k -> new long[6]))) {
                g[0] += c.findings();
                g[at] += c.findings();
                g[5] += c.changing();
            }
        }
        long[] withFindings = {0};
        jdbc.sql("SELECT %1$s.department, %1$s.coder, COUNT(DISTINCT f.case_row_id)%2$s GROUP BY %1$s.department, %1$s.coder"
                        .formatted(of, from))
                .params(params)
                .query((rs, n) -> {
                    long cases = rs.getLong(3);
                    departments.computeIfAbsent(rs.getString(1), k -> new long[6])[1] += cases;
                    coders.computeIfAbsent(rs.getString(2), k -> new long[6])[1] += cases;
                    withFindings[0] += cases;
                    return null;
                }).list();
        List<ByRule> byRule = rules.entrySet().stream().map(e -> {
            QcRule r = catalogue.get(e.getKey());
            String[] kind = ruleKinds.get(e.getKey());
            return new ByRule(e.getKey(), kind[0], kind[1], r == null ? null : plain(r.messageZh(), true),
                    r == null ? null : plain(r.messageEn(), false),
                    e.getValue()[0], e.getValue()[1], e.getValue()[2]);
        }).sorted(java.util.Comparator.comparingLong(ByRule::findings).reversed().thenComparing(ByRule::ruleId)).toList();
        long findings = byRule.stream().mapToLong(ByRule::findings).sum();
        Map<String, Object> caseParams = new HashMap<>();
        long checked = jdbc.sql("SELECT COUNT(*) FROM drg_case c WHERE " + filter.caseWhere(ids, caseParams)).params(caseParams)
                .query(Long.class).single();
        return new Summary(checked, withFindings[0], findings, byRule, groups(departments), groups(coders));
    }

    /** A rule's message template read as a sentence: its placeholders stand for "some field / value". */
    static String plain(String template, boolean zh) {
        return template.replace("'{value}'", "…").replace("{value}", "…").replace("'{detail}'", "…").replace("{detail}", "…")
                .replace("{field}", zh ? "字段" : "a field");
    }

    private static List<ByGroup> groups(Map<String, long[]> m) {
        return m.entrySet().stream()
                .map(e -> new ByGroup(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3],
                        e.getValue()[4], e.getValue()[5]))
                .sorted(java.util.Comparator.comparingLong(ByGroup::findings).reversed().thenComparing(ByGroup::name)).toList();
    }

    /** A page of findings, newest first (keyset on the finding id); audited as a read of patient data. */
    @Transactional
    public Page list(DataScope scope, FindingFilter filter, Long after, int size) {
        int s = Math.min(Math.max(size, 1), 500);
        Map<String, Object> params = new HashMap<>();
        String where = filter.where(institutions.ids(scope), params);
        params.put("limit", s + 1);
        if (after != null) {
            params.put("after", after);
        }
        List<Row> rows = jdbc.sql("SELECT " + Row.COLUMNS + FROM + where + (after == null ? "" : " AND f.id < :after")
                        + " ORDER BY f.id DESC LIMIT :limit")
                .params(params).query((rs, n) -> Row.read(rs)).list();
        Long next = null;
        if (rows.size() > s) {
            rows = rows.subList(0, s);
            next = rows.get(s - 1).id();
        }
        audit.record(AuditAction.READ, "drg_qc_finding-list", null, null,
                "DRG QC findings " + filter.describe() + (after == null ? "" : " after " + after) + ", " + rows.size() + " rows");
        return new Page(List.copyOf(rows), next, s);
    }

    /**
     * Streams every finding that passes the filter, oldest first, to {@code sink} (an export); runs
     * in a read-only transaction so that PostgreSQL reads with a cursor instead of loading them all.
     */
    @Transactional(readOnly = true)
    public void each(DataScope scope, FindingFilter filter, Consumer<Row> sink) {
        Map<String, Object> params = new HashMap<>();
        String sql = "SELECT " + Row.COLUMNS + FROM + filter.where(institutions.ids(scope), params) + " ORDER BY f.id";
        named.query(sql, params, rs -> {
            sink.accept(Row.read(rs));
        });
    }

    /** Counts the findings an export will hold (for its audit record). */
    @Transactional
    public void auditExport(DataScope scope, FindingFilter filter, String format) {
        Map<String, Object> params = new HashMap<>();
        List<Long> ids = institutions.ids(scope);
        String alone = filter.findingWhere(ids, params);
        String from = alone != null ? " FROM drg_qc_finding f WHERE " + alone : FROM_COUNTS + filter.where(ids, params);
        long n = jdbc.sql("SELECT COUNT(*)" + from).params(params).query(Long.class).single();
        audit.record(AuditAction.EXPORT, "drg_qc_finding", null, null,
                "DRG QC findings " + format + " " + filter.describe() + ", " + n + " rows");
    }

    Map<String, QcRule> catalogue() {
        return catalogue;
    }
}
