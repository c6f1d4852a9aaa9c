package org.openhqd.platform.drg.payment;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.openhqd.platform.security.DataScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reference population of a weight set: the grouped cases (group status ok) of one scheme
 * inside a data scope. Cases are streamed (a cursor of 5,000 rows at a time on PostgreSQL, which
 * needs the caller's transaction for it) with only the columns the method reads, straight into the
 * calculator — a million cases never exist as objects.
 */
@Component
class WeightPopulation {

    private static final String FROM = """
             FROM drg_case c JOIN institution i ON i.id = c.institution_id
            WHERE %s AND c.scheme_id = :scheme AND c.group_status = 'ok' AND c.drg IS NOT NULL
              AND c.discharge_month IS NOT NULL AND c.total_cost IS NOT NULL""";

    private final NamedParameterJdbcTemplate streaming;

    WeightPopulation(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(5000);
        this.streaming = new NamedParameterJdbcTemplate(template);
    }

    /** Computes weights from the scope's cases of the scheme (empty rows when there are none). */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    WeightCalculator.Result compute(DataScope scope, String schemeId, WeightParameters p) {
        WeightCalculator calculator = new WeightCalculator(p);
        Integer newest = newestYear(scope, schemeId);
        if (newest == null) {
            return calculator.result();
        }
        MapSqlParameterSource params = params(scope, schemeId)
                .addValue("from", (newest - p.yearWeights().size() + 1) + "-01");
        streaming.query("SELECT c.drg, c.adrg, c.discharge_month, c.total_cost, c.los, c.discharge_type"
                + FROM.formatted(scope.sql("i")) + " AND c.discharge_month >= :from", params, rs -> {
                    int los = rs.getInt(5);
                    if (rs.wasNull()) {
                        los = WeightCalculator.UNKNOWN_LOS;
                    }
                    String type = rs.getString(6);
                    calculator.add(rs.getString(1), rs.getString(2), Integer.parseInt(rs.getString(3).substring(0, 4)),
                            rs.getDouble(4), los, type != null && type.strip().equals("5"));
                });
        return calculator.result();
    }

    /** The newest discharge year among the scope's grouped cases of the scheme, if any. */
    Integer newestYear(DataScope scope, String schemeId) {
        String month = streaming.queryForObject("SELECT MAX(c.discharge_month)" + FROM.formatted(scope.sql("i")),
                params(scope, schemeId), String.class);
        return month == null ? null : Integer.parseInt(month.substring(0, 4));
    }

    /** Grouped cases of the scope and scheme. */
    long cases(DataScope scope, String schemeId) {
        Long n = streaming.queryForObject("SELECT COUNT(*)" + FROM.formatted(scope.sql("i")), params(scope, schemeId), Long.class);
        return n == null ? 0 : n;
    }

    /** Cases and deaths per DRG over the newest {@code years} discharge years (official tables without risk levels). */
    Map<String, MortalityRisk.Counts> mortality(DataScope scope, String schemeId, int years) {
        Map<String, MortalityRisk.Counts> out = new HashMap<>();
        Integer newest = newestYear(scope, schemeId);
        if (newest == null) {
            return out;
        }
        streaming.query("SELECT c.drg, COUNT(*), SUM(CASE WHEN c.discharge_type = '5' THEN 1 ELSE 0 END)"
                        + FROM.formatted(scope.sql("i")) + " AND c.discharge_month >= :from GROUP BY c.drg",
                params(scope, schemeId).addValue("from", (newest - years + 1) + "-01"),
                rs -> {
                    out.put(rs.getString(1), new MortalityRisk.Counts(rs.getInt(2), rs.getInt(3)));
                });
        return out;
    }

    /**
     * Total cost ÷ total weight of the scope's grouped cases whose DRG has a weight in the set: the
     * cost of a case of weight 1.0 (an official table's reference cost); null without such cases.
     */
    BigDecimal costPerWeight(DataScope scope, String schemeId, long setId) {
        return streaming.query("SELECT SUM(c.total_cost), SUM(w.rw)" + FROM.formatted(scope.sql("i")).replace(
                        "WHERE", "JOIN drg_weight_row w ON w.set_id = :set AND w.drg = c.drg AND w.rw IS NOT NULL WHERE"),
                params(scope, schemeId).addValue("set", setId), rs -> {
                    if (!rs.next() || rs.getBigDecimal(1) == null || rs.getBigDecimal(2) == null || rs.getBigDecimal(2).signum() <= 0) {
                        return null;
                    }
                    return rs.getBigDecimal(1).divide(rs.getBigDecimal(2), 2, java.math.RoundingMode.HALF_UP);
                });
    }

    private static MapSqlParameterSource params(DataScope scope, String schemeId) {
        return new MapSqlParameterSource(scope.params()).addValue("scheme", schemeId);
    }
}
