package org.openhqd.platform.drg.cases;

import java.util.Map;
import java.util.List;

/**
 * The filters of the quality pages (质控发现): institution, discharge period, department, coder and
 * doctor of the case, and of the finding its severity (at least), rule and whether its fix changes
 * the group. Same parameter names as the case list, so a drill-down link carries them over.
 */
record FindingFilter(CaseFilter cases) {

    static FindingFilter of(Map<String, String> params) {
        return new FindingFilter(CaseFilter.of(params));
    }

    /**
     * The condition on {@code drg_qc_finding f} joined to {@code drg_case c}; always inside the scope
     * (the ids of {@link ScopeInstitutions#ids}).
     */
    String where(List<Long> scopeIds, Map<String, Object> params) {
        CaseFilter f = cases;
        // the case-level filters, without the case-level severity, rule and "changing" (they apply to the finding here)
        CaseFilter caseLevel = new CaseFilter(f.institution(), f.department(), f.doctor(), f.coder(), f.drg(), f.adrg(),
                f.from(), f.to(), f.status(), f.outlier(), null, false, null);
        StringBuilder w = new StringBuilder(caseLevel.where(scopeIds, params)).append(" AND f.institution_id IN (:scopeIds)");
        return findingConditions(w, params);
    }

    /**
     * The condition on {@code drg_qc_finding f} alone, without its case, when every case-level filter is
     * one the findings repeat (institution, department, coder, discharge period); null when another one
     * (doctor, DRG, ADRG, status, outlier) needs the case. Same scope and meaning as {@link #where}.
     */
    String findingWhere(List<Long> scopeIds, Map<String, Object> params) {
        CaseFilter f = cases;
        if (f.doctor() != null || f.drg() != null || f.adrg() != null || f.status() != null || f.outlier() != null) {
            return null;
        }
        StringBuilder w = new StringBuilder("f.institution_id IN (:scopeIds)");
        params.put("scopeIds", f.institutions(scopeIds));
        CaseFilter.add(w, params, "f.department = :department", "department", f.department());
        CaseFilter.add(w, params, "f.coder = :coder", "coder", f.coder());
        CaseFilter.add(w, params, "f.discharge_month >= :fromMonth", "fromMonth", f.from() == null ? null : f.from().toString());
        CaseFilter.add(w, params, "f.discharge_month <= :toMonth", "toMonth", f.to() == null ? null : f.to().toString());
        return findingConditions(w, params);
    }

    /** The finding's own filters: severity (at least), rule, whether its fix changes the group. */
    private String findingConditions(StringBuilder w, Map<String, Object> params) {
        CaseFilter f = cases;
        if (f.severity() != null) {
            w.append(switch (f.severity()) {
                case "ERROR" -> " AND f.severity = 'ERROR'";
                case "WARNING" -> " AND f.severity IN ('ERROR', 'WARNING')";
                default -> "";
            });
        }
        if (f.rule() != null) {
            w.append(" AND f.rule_id = :rule");
            params.put("rule", f.rule());
        }
        if (f.changing()) {
            w.append(" AND f.changes_group = TRUE");
        }
        return w.toString();
    }

    /** The case-level part only (for "cases checked" in the same period and place). */
    String caseWhere(List<Long> scopeIds, Map<String, Object> params) {
        CaseFilter f = cases;
        return new CaseFilter(f.institution(), f.department(), f.doctor(), f.coder(), f.drg(), f.adrg(), f.from(), f.to(),
                f.status(), f.outlier(), null, false, null).where(scopeIds, params);
    }

    /** The case list filtered to what a summary line counts, e.g. one rule's cases in this period. */
    String casesHref(Map<String, String> drill) {
        return cases.href("/drg/cases", drill);
    }

    String describe() {
        return cases.describe();
    }
}
