package org.openhqd.platform.drg.cases;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openhqd.casemix.drg.GroupingResult;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.drg.CaseRecordCodec;
import org.openhqd.platform.drg.DrgSchemes;
import org.openhqd.platform.drg.cases.GroupingViews.ExplanationView;
import org.openhqd.platform.drg.cases.GroupingViews.GroupView;
import org.openhqd.platform.drg.cases.GroupingViews.ProblemView;
import org.openhqd.platform.security.DataScope;
import org.openhqd.quality.DischargeRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored cases (出院病例) of the caller's scope: the filtered list, paged by id (keyset: page 1,000
 * costs what page 1 costs), and one case with its record, grouping, explanation, findings and
 * payment figures. Every read is audited as a read of patient data, in the same transaction.
 */
@Service
class Cases {

    /** Counting stops here: "1,000+" is all a list header needs, and it keeps the count cheap on a million rows. */
    static final int COUNT_CAP = 1_000;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final DrgSchemes schemes;
    private final ScopeInstitutions institutions;

    Cases(JdbcClient jdbc, AuditLog audit, DrgSchemes schemes, ScopeInstitutions institutions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.schemes = schemes;
        this.institutions = institutions;
    }

    /**
     * A page of the list: newest row first.
     *
     * @param next the {@code after} of the next page, or null on the last page
     * @param total the number of matching cases, at most {@link #COUNT_CAP} ({@code capped} then)
     */
    record Page(List<CaseRow> cases, Long next, long total, boolean capped, int size) {
    }

    @Transactional
    public Page list(DataScope scope, CaseFilter filter, Long after, int size) {
        int s = Math.min(Math.max(size, 1), 200);
        Map<String, Object> params = new HashMap<>();
        String where = filter.where(institutions.ids(scope), params);
        String from = " FROM drg_case c JOIN institution i ON i.id = c.institution_id WHERE " + where;
        Map<String, Object> pageParams = new HashMap<>(params);
        pageParams.put("limit", s + 1);
        if (after != null) {
            pageParams.put("after", after);
        }
        List<CaseRow> rows = jdbc.sql("SELECT " + CaseRow.COLUMNS + from + (after == null ? "" : " AND c.id < :after")
                        + " ORDER BY c.id DESC LIMIT :limit")
                .params(pageParams).query((rs, n) -> CaseRow.read(rs, schemes)).list();
        Long next = null;
        if (rows.size() > s) {
            rows = rows.subList(0, s);
            next = rows.get(s - 1).id();
        }
        params.put("cap", COUNT_CAP + 1);
        long total = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 AS one" + from + " LIMIT :cap) t").params(params)
                .query(Long.class).single();
        audit.record(AuditAction.READ, "drg_case-list", null, null,
                "DRG cases " + filter.describe() + (after == null ? "" : " after " + after) + ", " + rows.size() + " rows");
        return new Page(List.copyOf(rows), next, Math.min(total, COUNT_CAP), total > COUNT_CAP, s);
    }

    /** The grouping as stored with the case. */
    record StoredGrouping(@JsonProperty("scheme_id") String schemeId, @JsonProperty("scheme_version") String schemeVersion,
                          String status, String mdc, String adrg, String drg, @JsonProperty("drg_name") String drgName,
                          @JsonProperty("grouped_at") OffsetDateTime groupedAt) {
    }

    /**
     * The stored record grouped again with explanation by the stored scheme's engine. {@code note} says
     * when the engine's version is not the stored one, or its group differs, or the scheme is gone.
     */
    record Explained(@JsonProperty("scheme_version_now") String schemeVersionNow,
                     @JsonProperty("version_differs") boolean versionDiffers,
                     @JsonProperty("group_differs") boolean groupDiffers,
                     GroupView group, ExplanationView explanation, List<ProblemView> problems,
                     @JsonProperty("note_zh") String noteZh, @JsonProperty("note_en") String noteEn) {
    }

    /** A stored QC finding (values masked by the quality module before they were stored). */
    record StoredFinding(@JsonProperty("rule_id") String ruleId, @JsonProperty("rule_version") String ruleVersion,
                         String category, String severity, String field, @JsonProperty("value_masked") String valueMasked,
                         @JsonProperty("message_zh") String messageZh, @JsonProperty("message_en") String messageEn,
                         @JsonProperty("fix_zh") String fixZh, @JsonProperty("fix_en") String fixEn,
                         @JsonProperty("group_before") String groupBefore, @JsonProperty("group_if_fixed") String groupIfFixed,
                         @JsonProperty("changes_group") boolean changesGroup) {
    }

    /** 权重与支付: empty ({@code computed} false) until the payment computation has run for the case. */
    record Payment(boolean computed, @JsonProperty("weight_set_id") Long weightSetId, BigDecimal rw,
                   @JsonProperty("benchmark_cost") BigDecimal benchmarkCost, @JsonProperty("benchmark_los") BigDecimal benchmarkLos,
                   @JsonProperty("risk_level") Integer riskLevel, @JsonProperty("base_rate") BigDecimal baseRate,
                   @JsonProperty("expected_payment") BigDecimal expectedPayment, @JsonProperty("total_cost") BigDecimal totalCost,
                   @JsonProperty("profit_loss") BigDecimal profitLoss, String outlier) {
    }

    record Detail(CaseRow summary, Map<String, Object> record, StoredGrouping grouping, Explained explained,
                  List<StoredFinding> findings, Payment payment) {
    }

    /** One case of the scope, audited as a read of patient data; empty when absent or outside the scope. */
    @Transactional
    public Optional<Detail> get(long id, DataScope scope) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("id", id);
        record Stored(CaseRow row, String source, String masked, StoredGrouping grouping, Payment payment) {
        }
        Optional<Stored> found = jdbc.sql("SELECT " + CaseRow.COLUMNS + ", c.source_record, c.scheme_version, c.mdc, c.adrg, "
                        + "c.grouped_at, c.weight_set_id, c.benchmark_cost, c.benchmark_los, c.risk_level, c.base_rate "
                        + "FROM drg_case c JOIN institution i ON i.id = c.institution_id WHERE c.id = :id AND " + scope.sql("i"))
                .params(params)
                .query((rs, n) -> {
                    CaseRow row = CaseRow.read(rs, schemes);
                    var g = new StoredGrouping(row.schemeId(), rs.getString("scheme_version"), row.groupStatus(),
                            rs.getString("mdc"), rs.getString("adrg"), row.drg(), row.drgName(),
                            ChinaTime.of(rs.getObject("grouped_at", OffsetDateTime.class)));
                    var p = new Payment(row.priced(), (Long) rs.getObject("weight_set_id", Long.class), row.rw(),
                            rs.getBigDecimal("benchmark_cost"), rs.getBigDecimal("benchmark_los"),
                            (Integer) rs.getObject("risk_level", Integer.class), rs.getBigDecimal("base_rate"),
                            row.expectedPayment(), row.totalCost(), row.profitLoss(), row.outlier());
                    return new Stored(row, rs.getString("source_record"), rs.getString("patient_id_masked"), g, p);
                })
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Stored s = found.get();
        DischargeRecord record = CaseRecordCodec.decode(s.source(), s.masked() == null ? "" : s.masked());
        List<StoredFinding> findings = jdbc.sql("""
                        SELECT rule_id, rule_version, category, severity, field, value_masked, message_zh, message_en, fix_zh,
                               fix_en, group_before, group_after, changes_group
                          FROM drg_qc_finding WHERE case_row_id = :id
                         ORDER BY CASE severity WHEN 'ERROR' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END, id""")
                .param("id", id)
                .query((rs, n) -> new StoredFinding(rs.getString("rule_id"), rs.getString("rule_version"), rs.getString("category"),
                        rs.getString("severity"), rs.getString("field"), rs.getString("value_masked"), rs.getString("message_zh"),
                        rs.getString("message_en"), rs.getString("fix_zh"), rs.getString("fix_en"), rs.getString("group_before"),
                        rs.getString("group_after"), rs.getBoolean("changes_group")))
                .list();
        audit.record(AuditAction.READ, "drg_case", id, null, "DRG case " + s.row().caseId() + " of institution " + s.row().institutionId());
        return Optional.of(new Detail(s.row(), SubmittedRecord.of(record), s.grouping(), explain(record, s.grouping()),
                findings, s.payment()));
    }

    /** Groups the stored record again, with explanation, by the engine of the stored scheme id. */
    Explained explain(DischargeRecord record, StoredGrouping stored) {
        Optional<DrgSchemes.Engine> engine = schemes.find(stored.schemeId());
        if (engine.isEmpty()) {
            return new Explained(null, true, false, null, null, List.of(),
                    "平台已不再提供分组方案 " + stored.schemeId() + "，无法说明分组过程；请按现行方案重新分组。",
                    "the platform no longer has scheme " + stored.schemeId() + ", so the grouping cannot be explained; regroup "
                            + "the cases with a current scheme.");
        }
        DrgSchemes.Engine e = engine.get();
        GroupingResult g = e.grouper().explain(record.toInpatientCase());
        boolean versionDiffers = !e.version().equals(stored.schemeVersion());
        boolean groupDiffers = !g.status().word().equals(stored.status()) || !g.drg().equals(nullToEmpty(stored.drg()))
                || !g.adrg().equals(nullToEmpty(stored.adrg())) || !g.mdc().equals(nullToEmpty(stored.mdc()));
        String zh = null;
        String en = null;
        if (versionDiffers || groupDiffers) {
            zh = (versionDiffers ? "入库时分组器版本为 " + stored.schemeVersion() + "，当前为 " + e.version() + "，以下说明按当前版本。" : "")
                    + (groupDiffers ? "按当前版本分组为 " + describe(g) + "，与入库结果不同；重新分组后更新。" : "");
            en = (versionDiffers ? "grouped with version " + stored.schemeVersion() + ", the engine is now " + e.version()
                    + "; the explanation is the current version's. " : "")
                    + (groupDiffers ? "The current version groups it as " + describe(g) + ", not as stored; re-grouping updates it." : "");
        }
        return new Explained(e.version(), versionDiffers, groupDiffers, GroupingViews.group(g),
                g.explanation().map(ExplanationView::of).orElse(null), g.problems().stream().map(ProblemView::of).toList(),
                zh, en);
    }

    private static String describe(GroupingResult g) {
        return g.drg().isEmpty() ? g.status().word() : g.drg() + (g.drgName().isEmpty() ? "" : " " + g.drgName());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
