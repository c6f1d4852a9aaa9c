package org.openhqd.platform.community;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures of the indicators the platform cannot compute (EXTERNAL in the definitions), imported per
 * community, indicator and year or month with their source; all rows or none, a period imported
 * again replaces its figure.
 */
@Service
public class IndicatorFigures {

    static final String HEADER = "indicator_id,period,value,source";
    private static final int MAX_ROWS = 10_000;

    /** An imported figure; {@code period} is {@code YYYY} or {@code YYYY-MM}. */
    public record Figure(String indicatorId, String period, BigDecimal value, String source) {
    }

    private final JdbcClient jdbc;
    private final CommunityIndicatorDefinitions definitions;
    private final AuditLog audit;
    private final Clock clock;

    IndicatorFigures(JdbcClient jdbc, CommunityIndicatorDefinitions definitions, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.definitions = definitions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The community's figures of a year (the year itself and its months). */
    public List<Figure> of(long communityId, int year) {
        return jdbc.sql("SELECT indicator_id, period, figure, source FROM community_indicator_figure "
                        + "WHERE community_id = :c AND (period = :y OR period LIKE :months) ORDER BY indicator_id, period")
                .param("c", communityId).param("y", String.valueOf(year)).param("months", year + "-%")
                .query((rs, n) -> new Figure(rs.getString(1), rs.getString(2), rs.getBigDecimal(3).stripTrailingZeros(), rs.getString(4)))
                .list();
    }

    /**
     * Imports {@value #HEADER} into the importer's community.
     *
     * @throws CsvImportException naming every bad line and field; nothing is imported then
     */
    @Transactional
    public int importCsv(String csv, StaffPrincipal importer) {
        List<String> lines = CsvLines.of(csv);
        if (lines.isEmpty() || !lines.get(0).strip().equalsIgnoreCase(HEADER)) {
            throw new CsvImportException(List.of(new CsvImportException.Problem(1, "header",
                    "第 1 行：表头应为 " + HEADER + " / line 1: the header must be " + HEADER)));
        }
        if (lines.size() - 1 > MAX_ROWS) {
            throw new CsvImportException(List.of(new CsvImportException.Problem(MAX_ROWS + 2, "file",
                    "文件最多 " + MAX_ROWS + " 行数据 / at most " + MAX_ROWS + " data rows per file")));
        }
        List<CsvImportException.Problem> problems = new ArrayList<>();
        List<Figure> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < lines.size() && problems.size() < 100; i++) {
            int line = i + 1;
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",", -1);
            if (f.length != 4) {
                problems.add(CsvImportException.Problem.of(line, "line", "应有 4 列，实际 " + f.length + " 列",
                        "expected 4 fields, found " + f.length));
                continue;
            }
            int before = problems.size();
            String id = f[0].strip().toUpperCase(java.util.Locale.ROOT);
            var def = definitions.find(id);
            if (def.isEmpty() || !def.get().platform().equals("EXTERNAL")) {
                problems.add(CsvImportException.Problem.of(line, "indicator_id",
                        "指标 " + id + " 不存在或不是需导入的指标（平台计算的和定性指标不导入）",
                        "indicator " + id + " is unknown or not one to import (computed and qualitative indicators are not imported)"));
            }
            String period = f[1].strip();
            if (!period.matches("(20\\d\\d)(-(0[1-9]|1[0-2]))?")) {
                problems.add(CsvImportException.Problem.of(line, "period", "应为年度 YYYY 或月份 YYYY-MM，实际为 “" + period + "”",
                        "expected a year YYYY or a month YYYY-MM, found \"" + period + "\""));
            }
            BigDecimal value = null;
            String v = f[2].strip();
            if (v.matches("-?\\d{1,12}(\\.\\d{1,4})?")) {
                value = new BigDecimal(v);
            } else {
                problems.add(CsvImportException.Problem.of(line, "value", "应为数字（最多 4 位小数），实际为 “" + v + "”",
                        "expected a number with at most 4 decimals, found \"" + v + "\""));
            }
            String source = f[3].strip();
            if (source.isEmpty() || source.length() > 255) {
                problems.add(CsvImportException.Problem.of(line, "source", "请注明数据来源（最多 255 字）",
                        "the source is required (at most 255 characters)"));
            }
            if (problems.size() == before) {
                Integer earlier = seen.putIfAbsent(id + "/" + period, line);
                if (earlier != null) {
                    problems.add(CsvImportException.Problem.of(line, "period", "与第 " + earlier + " 行为同一指标和期间",
                            "same indicator and period as line " + earlier));
                } else {
                    rows.add(new Figure(id, period, value, source));
                }
            }
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add(new CsvImportException.Problem(2, "file", "文件没有数据行 / the file has no data rows"));
        }
        if (!problems.isEmpty()) {
            throw new CsvImportException(problems);
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (Figure r : rows) {
            jdbc.sql("DELETE FROM community_indicator_figure WHERE community_id = :c AND indicator_id = :i AND period = :p")
                    .param("c", importer.communityId()).param("i", r.indicatorId()).param("p", r.period()).update();
            jdbc.sql("INSERT INTO community_indicator_figure (community_id, indicator_id, period, figure, source, imported_by, imported_at) "
                            + "VALUES (:c, :i, :p, :v, :s, :by, :at)")
                    .param("c", importer.communityId()).param("i", r.indicatorId()).param("p", r.period()).param("v", r.value())
                    .param("s", r.source()).param("by", importer.username()).param("at", now).update();
        }
        audit.record(AuditAction.CREATE, "community_indicator_figure", null, null, rows.size() + " indicator figures imported");
        return rows.size();
    }
}
