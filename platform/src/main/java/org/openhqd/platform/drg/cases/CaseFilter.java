package org.openhqd.platform.drg.cases;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhqd.platform.drg.cases.DrgProblem.FieldError;

/**
 * The filters of the case list (病例列表), as the analytics pages and the findings pages link to it:
 * {@code ?institution=&department=&doctor=&coder=&drg=&adrg=&from=&to=&status=&outlier=&severity=&changing=&rule=}.
 * Empty values mean "any". Turned into SQL conditions on {@code drg_case c} that always include the
 * caller's data scope, so a filter can narrow what the caller sees but never widen it.
 *
 * @param severity cases with at least one finding at least this severe (ERROR ⊂ WARNING ⊂ INFO)
 * @param changing only cases with a finding whose fix changes the group
 * @param rule only cases with a finding of this rule
 */
record CaseFilter(Long institution, String department, String doctor, String coder, String drg, String adrg,
                  YearMonth from, YearMonth to, String status, String outlier, String severity, boolean changing,
                  String rule) {

    static final Set<String> STATUSES = Set.of("ok", "ambiguous", "ungroupable", "invalid");
    static final Set<String> OUTLIERS = Set.of("HIGH", "LOW", "NORMAL");
    static final Set<String> SEVERITIES = Set.of("ERROR", "WARNING", "INFO");
    /** The query parameters, in the order links write them. */
    static final List<String> PARAMETERS = List.of("institution", "department", "doctor", "coder", "drg", "adrg", "from",
            "to", "status", "outlier", "severity", "changing", "rule");

    static CaseFilter none() {
        return new CaseFilter(null, null, null, null, null, null, null, null, null, null, null, false, null);
    }

    /**
     * Reads the filters from request parameters.
     *
     * @throws DrgProblem 400 naming each parameter that does not read
     */
    static CaseFilter of(Map<String, String> p) {
        List<FieldError> errors = new ArrayList<>();
        Long institution = null;
        String inst = text(p, "institution", 20);
        if (inst != null) {
            try {
                institution = Long.valueOf(inst);
            } catch (NumberFormatException e) {
                errors.add(FieldError.of("institution", "机构应为机构编号（数字）", "institution must be an institution id (a number)"));
            }
        }
        YearMonth from = month(p, "from", errors);
        YearMonth to = month(p, "to", errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(FieldError.of("to", "结束月份早于开始月份", "to is before from"));
        }
        String status = oneOf(p, "status", STATUSES, false, errors);
        String outlier = oneOf(p, "outlier", OUTLIERS, true, errors);
        String severity = oneOf(p, "severity", SEVERITIES, true, errors);
        String changingText = text(p, "changing", 5);
        boolean changing = false;
        if (changingText != null) {
            if (changingText.equals("true") || changingText.equals("1")) {
                changing = true;
            } else if (!changingText.equals("false") && !changingText.equals("0")) {
                errors.add(FieldError.of("changing", "应为 true 或 false", "must be true or false"));
            }
        }
        CaseFilter f = new CaseFilter(institution, text(p, "department", 64), text(p, "doctor", 64), text(p, "coder", 64),
                upper(text(p, "drg", 8)), upper(text(p, "adrg", 8)), from, to, status, outlier, severity, changing,
                upper(text(p, "rule", 16)));
        for (String name : List.of("department", "doctor", "coder", "drg", "adrg", "rule")) {
            String v = p.get(name);
            int max = name.equals("rule") ? 16 : name.endsWith("drg") ? 8 : 64;
            if (v != null && v.strip().length() > max) {
                errors.add(FieldError.of(name, "超过 " + max + " 个字符", "longer than " + max + " characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw DrgProblem.invalid(errors);
        }
        return f;
    }

    private static String text(Map<String, String> p, String name, int max) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.strip();
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
    }

    private static YearMonth month(Map<String, String> p, String name, List<FieldError> errors) {
        String v = text(p, name, 16);
        if (v == null) {
            return null;
        }
        try {
            return YearMonth.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(name, "月份应为 yyyy-MM，如 2026-03", "month must be yyyy-MM, e.g. 2026-03"));
            return null;
        }
    }

    private static String oneOf(Map<String, String> p, String name, Set<String> allowed, boolean upper, List<FieldError> errors) {
        String v = text(p, name, 16);
        if (v == null) {
            return null;
        }
        String s = upper ? v.toUpperCase(java.util.Locale.ROOT) : v.toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(s)) {
            errors.add(FieldError.of(name, "应为 " + new java.util.TreeSet<>(allowed) + " 之一", "must be one of " + new java.util.TreeSet<>(allowed)));
            return null;
        }
        return s;
    }

    /**
     * The condition on {@code drg_case c}: the institutions of the caller's scope (narrowed to the
     * institution filter; one outside the scope matches nothing), then each filter; binds its
     * parameters into {@code params}. The scope is a literal id list rather than a join, so that the
     * planner estimates the filters well and can walk the id index backwards and stop at a page.
     *
     * @param scopeIds the ids of the institutions in the caller's scope ({@link ScopeInstitutions#ids})
     */
    String where(List<Long> scopeIds, Map<String, Object> params) {
        StringBuilder w = new StringBuilder("c.institution_id IN (:scopeIds)");
        params.put("scopeIds", institutions(scopeIds));
        add(w, params, "c.department = :department", "department", department);
        add(w, params, "c.attending_doctor = :doctor", "doctor", doctor);
        add(w, params, "c.coder = :coder", "coder", coder);
        add(w, params, "c.drg = :drg", "drg", drg);
        add(w, params, "c.adrg = :adrg", "adrg", adrg);
        add(w, params, "c.discharge_month >= :fromMonth", "fromMonth", from == null ? null : from.toString());
        add(w, params, "c.discharge_month <= :toMonth", "toMonth", to == null ? null : to.toString());
        add(w, params, "c.group_status = :status", "status", status);
        add(w, params, "c.outlier = :outlier", "outlier", outlier);
        if (severity != null) {
            w.append(switch (severity) {
                case "ERROR" -> " AND c.qc_errors > 0";
                case "WARNING" -> " AND c.qc_errors + c.qc_warnings > 0";
                default -> " AND c.qc_errors + c.qc_warnings + c.qc_infos > 0";
            });
        }
        if (changing) {
            w.append(" AND c.qc_group_changes > 0");
        }
        if (rule != null) {
            // the scope's institutions lead the index (institution_id, rule_id, case_row_id)
            w.append(" AND c.id IN (SELECT f.case_row_id FROM drg_qc_finding f WHERE f.rule_id = :rule AND f.institution_id IN (:scopeIds))");
            params.put("rule", rule);
        }
        return w.toString();
    }

    /** The institutions the filter reads: the scope, narrowed to the institution filter (outside the scope: none, as -1). */
    List<Long> institutions(List<Long> scopeIds) {
        List<Long> ids = institution == null ? scopeIds : scopeIds.contains(institution) ? List.of(institution) : List.of();
        return ids.isEmpty() ? List.of(-1L) : ids;
    }

    static void add(StringBuilder w, Map<String, Object> params, String condition, String name, Object value) {
        if (value != null) {
            w.append(" AND ").append(condition);
            params.put(name, value);
        }
    }

    /** The filters as request parameters (empty ones left out), for links and the next page. */
    Map<String, String> parameters() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "institution", institution);
        put(m, "department", department);
        put(m, "doctor", doctor);
        put(m, "coder", coder);
        put(m, "drg", drg);
        put(m, "adrg", adrg);
        put(m, "from", from);
        put(m, "to", to);
        put(m, "status", status);
        put(m, "outlier", outlier);
        put(m, "severity", severity);
        if (changing) {
            m.put("changing", "true");
        }
        put(m, "rule", rule);
        return m;
    }

    private static void put(Map<String, String> m, String name, Object v) {
        if (v != null) {
            m.put(name, v.toString());
        }
    }

    /** {@code path?a=1&b=2} with the filters and any extra parameters, URL-encoded. */
    String href(String path, Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(parameters());
        all.putAll(extra);
        StringBuilder b = new StringBuilder(path);
        char sep = '?';
        for (var e : all.entrySet()) {
            b.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return b.toString();
    }

    /** For the audit trail: which filters a read used. */
    String describe() {
        return parameters().toString();
    }
}
