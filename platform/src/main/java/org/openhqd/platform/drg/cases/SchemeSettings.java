package org.openhqd.platform.drg.cases;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhqd.casemix.drg.SchemeCatalog;
import org.openhqd.casemix.drg.SchemeInfo;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.drg.DrgSchemes;
import org.openhqd.platform.security.DataScope;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 分组方案设置: which built-in scheme each institution's cases are grouped with (its insurer's),
 * stored in {@code drg_setting}; absent, the platform default. Changing it does not regroup the
 * stored cases by itself: a re-grouping run does (so the change and its effect are both visible).
 */
@Service
class SchemeSettings {

    /**
     * An institution of the scope, its scheme and how many cases it has stored.
     *
     * @param casesOutdated stored cases not grouped with the institution's scheme in its current version (the scheme
     *                      was changed, or the platform ships a newer version of it): a re-grouping run brings them over
     */
    record InstitutionScheme(@JsonProperty("institution_id") long institutionId, String code, String name,
                             @JsonProperty("scheme_id") String schemeId, boolean configured,
                             @JsonProperty("updated_by") String updatedBy, @JsonProperty("updated_at") OffsetDateTime updatedAt,
                             long cases, @JsonProperty("cases_outdated") long casesOutdated) {
    }

    /** A built-in scheme as the settings page lists it. */
    record Scheme(String id, String name, @JsonProperty("name_en") String nameEn, String version, String region,
                  @JsonProperty("based_on") String basedOn) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final DrgSchemes schemes;
    private final ScopeInstitutions institutions;
    private final Clock clock;
    private final List<Scheme> builtIn;

    SchemeSettings(JdbcClient jdbc, AuditLog audit, DrgSchemes schemes, ScopeInstitutions institutions, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.schemes = schemes;
        this.institutions = institutions;
        this.clock = clock;
        SchemeCatalog catalog = SchemeCatalog.builtIn();
        this.builtIn = schemes.ids().stream().map(id -> {
            SchemeInfo i = catalog.get(id).info();
            return new Scheme(i.id(), i.name(), i.nameEn(), i.version(), i.region(), i.basedOn());
        }).toList();
    }

    List<Scheme> builtIn() {
        return builtIn;
    }

    @Transactional(readOnly = true)
    public List<InstitutionScheme> list(DataScope scope) {
        Map<Long, Long> cases = new HashMap<>();
        Map<Long, Map<String, Long>> byScheme = new HashMap<>();    // institution → "scheme version" → cases
        jdbc.sql("SELECT c.institution_id, c.scheme_id, c.scheme_version, COUNT(*) FROM drg_case c JOIN institution i ON i.id = "
                        + "c.institution_id WHERE " + scope.sql("i") + " GROUP BY c.institution_id, c.scheme_id, c.scheme_version")
                .params(scope.params()).query((rs, n) -> {
                    cases.merge(rs.getLong(1), rs.getLong(4), Long::sum);
                    byScheme.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2) + " " + rs.getString(3), rs.getLong(4));
                    return null;
                }).list();
        return jdbc.sql("SELECT i.id, i.code, i.name, s.scheme_id, s.updated_by, s.updated_at FROM institution i "
                        + "LEFT JOIN drg_setting s ON s.institution_id = i.id WHERE " + scope.sql("i") + " ORDER BY i.path, i.id")
                .params(scope.params())
                .query((rs, n) -> {
                    String configured = rs.getString("scheme_id");
                    boolean known = configured != null && schemes.ids().contains(configured);
                    String scheme = known ? configured : schemes.defaultSchemeId();
                    long id = rs.getLong("id");
                    long total = cases.getOrDefault(id, 0L);
                    long current = byScheme.getOrDefault(id, Map.of()).getOrDefault(scheme + " " + schemes.engine(scheme).version(), 0L);
                    return new InstitutionScheme(id, rs.getString("code"), rs.getString("name"), scheme, known,
                            rs.getString("updated_by"), ChinaTime.of(rs.getObject("updated_at", OffsetDateTime.class)), total,
                            total - current);
                }).list();
    }

    /**
     * Sets an institution's scheme, audited.
     *
     * @throws DrgProblem 404 outside the scope, 400 for a scheme that is not built in
     */
    @Transactional
    public InstitutionScheme set(long institutionId, String schemeId, StaffPrincipal me) {
        ScopeInstitutions.Institution inst = institutions.find(institutionId, me.scope()).orElseThrow(DrgProblem::notFound);
        String scheme = schemeId == null ? "" : schemeId.strip();
        if (!schemes.ids().contains(scheme)) {
            throw DrgProblem.invalid("scheme", "只能选择平台内置的分组方案：" + schemes.ids(),
                    "only a built-in scheme can be chosen: " + schemes.ids());
        }
        write(inst.id(), scheme, me);
        return list(me.scope()).stream().filter(s -> s.institutionId() == inst.id()).findFirst().orElseThrow();
    }

    /** Writes the setting inside the caller's transaction (a re-grouping to another scheme sets it too). */
    @Transactional(propagation = Propagation.MANDATORY)
    void write(long institutionId, String scheme, StaffPrincipal me) {
        String before = schemes.schemeIdFor(institutionId);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE drg_setting SET scheme_id = :s, updated_by = :u, updated_at = :t WHERE institution_id = :i")
                .param("s", scheme).param("u", me.username()).param("t", now).param("i", institutionId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO drg_setting (institution_id, scheme_id, updated_by, updated_at) VALUES (:i, :s, :u, :t)")
                    .param("s", scheme).param("u", me.username()).param("t", now).param("i", institutionId).update();
        }
        audit.record(AuditAction.UPDATE, "drg_setting", institutionId, null, "DRG scheme " + before + " -> " + scheme);
    }
}
