package org.openhqd.platform.drg.payment;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.drg.DrgPaymentSettings;
import org.openhqd.platform.drg.DrgSchemes;
import org.openhqd.platform.drg.WeightRow;
import org.openhqd.platform.drg.WeightSet;
import org.openhqd.platform.organization.Organizations;
import org.openhqd.platform.security.DataScope;
import org.openhqd.platform.security.StaffPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What managers do with weights and payment settings — compute a set from the cases, load the
 * insurer's table, activate a set, save a year's settings — each checked, audited and followed by
 * repricing the community's cases in the same transaction, so figures never lag the settings. Also
 * the automatic first set: when cases change and a community has no active set for their scheme,
 * one is computed from all its cases and activated, so hospitals without an official table still
 * see figures (flagged on the page as computed).
 */
@Service
class DrgPaymentActions {

    private static final Logger log = LoggerFactory.getLogger(DrgPaymentActions.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final DrgWeightSets sets;
    private final WeightPopulation population;
    private final Repricing repricing;
    private final DrgPaymentSettingsStore settings;
    private final DrgPaymentAccess access;
    private final DrgSchemes schemes;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final WeightParameters defaults = WeightParameters.defaults();

    DrgPaymentActions(DrgWeightSets sets, WeightPopulation population, Repricing repricing, DrgPaymentSettingsStore settings,
                      DrgPaymentAccess access, DrgSchemes schemes, AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.sets = sets;
        this.population = population;
        this.repricing = repricing;
        this.settings = settings;
        this.access = access;
        this.schemes = schemes;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    WeightParameters defaultParameters() {
        return defaults;
    }

    PaymentDefaults settingsDefaults() {
        return settings.defaults();
    }

    /**
     * Computes a set from the cases in the actor's scope and stores it (activated and the community
     * repriced when asked).
     *
     * @throws PaymentRequestException for a bad parameter, an unknown scheme or no grouped cases
     */
    @Transactional
    WeightSet compute(StaffPrincipal actor, String schemeId, WeightParameters p, String name, String versionLabel,
                      boolean activate) {
        access.manager(actor);
        scheme(schemeId);
        p.check();
        WeightCalculator.Result r = population.compute(access.population(actor), schemeId, p);
        if (r.rows().isEmpty() || r.referenceCost() == null) {
            throw PaymentRequestException.of("scheme", "您的范围内没有该方案已入组且有费用的病例，无法测算权重",
                    "there are no grouped cases with a cost for this scheme in your scope to compute weights from");
        }
        String stamp = LocalDateTime.now(clock.withZone(CHINA)).format(STAMP);
        long id = sets.store(new DrgWeightSets.NewSet(actor.communityId(), schemeId,
                text("name", name, 128, "本地测算权重 " + stamp), text("versionLabel", versionLabel, 64, r.years() + " @ " + stamp),
                WeightSet.Source.COMPUTED, access.describePopulation(actor), p.describe(), r.years(), r.referenceCost(),
                r.casesTotal(), r.casesUsed(), r.casesTrimmed(), r.rows()), actor.username());
        audit.record(AuditAction.CREATE, "drg_weight_set", id, null, "computed weights " + schemeId + ": " + r.drgsWeighted()
                + " DRGs weighted, " + r.drgsFlagged() + " flagged, " + r.casesUsed() + "/" + r.casesTotal() + " cases used; "
                + p.describe());
        return activate ? activate(actor, id) : sets.set(actor.communityId(), id).orElseThrow();
    }

    /**
     * Loads the insurer's table (CSV) as a set; risk levels the table lacks are derived from the
     * scope's cases, as are mortality and the reference cost (total cost ÷ total weight).
     *
     * @throws WeightImportException naming every bad line and field; nothing is stored then
     */
    @Transactional
    WeightSet loadOfficial(StaffPrincipal actor, String schemeId, String csv, String name, String versionLabel, boolean activate) {
        access.manager(actor);
        DrgSchemes.Engine engine = scheme(schemeId);
        Map<String, String> adrgOf = new java.util.HashMap<>();
        engine.grouper().scheme().drgs().forEach(d -> adrgOf.put(d.drg().toUpperCase(Locale.ROOT), d.adrg()));
        OfficialWeightCsv.Table table = OfficialWeightCsv.parse(csv, adrgOf.keySet());
        DataScope scope = access.population(actor);
        Map<String, MortalityRisk.Counts> mortality = population.mortality(scope, schemeId, defaults.yearWeights().size());
        Map<String, Integer> derived = MortalityRisk.levels(mortality);
        List<WeightRow> rows = new ArrayList<>();
        for (OfficialWeightCsv.Row r : table.rows()) {
            MortalityRisk.Counts m = mortality.get(r.drg());
            Integer risk = table.hasRiskLevels() ? r.riskLevel() : derived.get(r.drg());
            rows.add(new WeightRow(r.drg(), adrgOf.get(r.drg()), r.rw(), r.avgCost(), r.avgLos(), m == null ? 0 : m.cases(), 0, 0,
                    m == null ? 0 : m.deaths(), m == null ? null
                    : java.math.BigDecimal.valueOf((double) m.deaths() / m.cases()).setScale(6, java.math.RoundingMode.HALF_UP),
                    risk, WeightRow.Basis.OFFICIAL));
        }
        String stamp = LocalDateTime.now(clock.withZone(CHINA)).format(STAMP);
        long id = sets.store(new DrgWeightSets.NewSet(actor.communityId(), schemeId, text("name", name, 128, "医保部门权重表 " + stamp),
                text("versionLabel", versionLabel, 64, stamp), WeightSet.Source.OFFICIAL, access.describePopulation(actor),
                table.hasRiskLevels() ? "risk_level=OFFICIAL" : "risk_level=DERIVED(" + defaults.yearWeights().size() + " years)",
                null, null, 0, 0, 0, rows), actor.username());
        long cases = mortality.values().stream().mapToLong(MortalityRisk.Counts::cases).sum();
        sets.setReferenceCost(id, population.costPerWeight(scope, schemeId, id), cases);
        audit.record(AuditAction.CREATE, "drg_weight_set", id, null, "official weights " + schemeId + " loaded: " + rows.size()
                + " DRGs" + (table.hasRiskLevels() ? ", with risk levels" : ", risk levels derived from the cases"));
        return activate ? activate(actor, id) : sets.set(actor.communityId(), id).orElseThrow();
    }

    /** Makes a set of the actor's community the active one for its scheme and reprices the community. */
    @Transactional
    WeightSet activate(StaffPrincipal actor, long setId) {
        access.manager(actor);
        WeightSet s = sets.set(actor.communityId(), setId).orElseThrow(Organizations.NotInScopeException::new);
        sets.activate(s, actor.username());
        audit.record(AuditAction.UPDATE, "drg_weight_set", setId, null, "activated for " + s.schemeId() + " (" + s.source() + ")");
        repricing.repriceCommunity(actor.communityId());
        return sets.set(actor.communityId(), setId).orElseThrow();
    }

    /** Saves a year's payment settings of the actor's community and reprices it. */
    @Transactional
    DrgPaymentSettings saveSettings(StaffPrincipal actor, DrgPaymentSettings s) {
        access.manager(actor);
        DrgPaymentSettingsStore.check(s);
        settings.save(actor.communityId(), s, actor.username());
        audit.record(AuditAction.UPDATE, "drg_payment_settings", actor.communityId() + "/" + s.year(), null,
                "DRG payment settings " + s.year() + ": rates " + s.rateEmployee() + "/" + s.rateResident() + "/" + s.rateOther()
                        + ", low " + s.lowRatio() + ", high " + s.highMultiple1() + "/" + s.highMultiple2() + "/"
                        + s.highMultiple3() + " by RW " + s.tier1MaxRw() + "/" + s.tier2MaxRw() + ", high " + s.highRule()
                        + " ×" + s.highExtraRatio() + ", low " + s.lowRule());
        repricing.repriceCommunity(actor.communityId());
        return settings.effective(actor.communityId(), s.year());
    }

    /**
     * After cases changed: computes and activates a first set where a community has none for the
     * cases' scheme and enough grouped cases, then reprices — the whole community when a set was
     * activated, else the cases of the import batch (the others did not change), else (a
     * re-grouping) the institutions' cases.
     */
    @Transactional
    void casesChanged(Set<Long> institutionIds, Long batchId) {
        if (institutionIds == null || institutionIds.isEmpty()) {
            return;
        }
        List<Object[]> pairs = jdbc.sql("""
                        SELECT DISTINCT i.community_id, c.scheme_id FROM drg_case c JOIN institution i ON i.id = c.institution_id
                         WHERE c.institution_id IN (:ids)""" + (batchId == null ? "" : " AND c.batch_id = :batch"))
                .param("ids", institutionIds).param("batch", batchId == null ? 0L : batchId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        Set<Long> activatedIn = new HashSet<>();
        for (Object[] pair : pairs) {
            long community = (Long) pair[0];
            String scheme = (String) pair[1];
            if (sets.activeSet(community, scheme).isEmpty()) {
                autoCompute(community, scheme).ifPresent(s -> activatedIn.add(community));
            }
        }
        if (activatedIn.isEmpty()) {
            repricing.reprice(institutionIds, batchId);
            return;
        }
        Set<Long> ids = new HashSet<>(institutionIds);
        for (long community : activatedIn) {
            ids.addAll(jdbc.sql("SELECT id FROM institution WHERE community_id = :c").param("c", community).query(Long.class).list());
        }
        repricing.reprice(ids, null);
    }

    private Optional<WeightSet> autoCompute(long community, String scheme) {
        DataScope scope = DataScope.community(community);
        long cases = schemes.find(scheme).isEmpty() ? 0 : population.cases(scope, scheme);
        if (cases < defaults.autoMinCases()) {
            log.info("DRG 权重未自动测算：医共体 {} 方案 {} 仅 {} 例已入组病例（需 {} 例）/ too few cases for automatic weights",
                    community, scheme, cases, defaults.autoMinCases());
            return Optional.empty();
        }
        WeightCalculator.Result r = population.compute(scope, scheme, defaults);
        if (r.drgsWeighted() == 0 || r.referenceCost() == null) {
            log.info("DRG 权重未自动测算：医共体 {} 方案 {} 没有病例数达到 {} 例的 DRG / no DRG has enough cases", community, scheme,
                    defaults.minCases());
            return Optional.empty();
        }
        String stamp = LocalDateTime.now(clock.withZone(CHINA)).format(STAMP);
        long id = sets.store(new DrgWeightSets.NewSet(community, scheme, "自动测算权重（导入病例后）" + stamp, r.years() + " @ " + stamp,
                WeightSet.Source.COMPUTED, "医共体全部机构（自动）/ all institutions of the community (automatic)", defaults.describe(),
                r.years(), r.referenceCost(), r.casesTotal(), r.casesUsed(), r.casesTrimmed(), r.rows()), "system");
        WeightSet s = sets.set(community, id).orElseThrow();
        sets.activate(s, "system");
        audit.recordSystem(AuditAction.CREATE, "drg_weight_set", id, null, "no active weights for " + scheme
                + ": computed from " + r.casesTotal() + " cases and activated; " + defaults.describe());
        log.info("DRG 权重自动测算：医共体 {} 方案 {}，{} 个 DRG 有权重 / weights computed automatically", community, scheme,
                r.drgsWeighted());
        return Optional.of(s);
    }

    private DrgSchemes.Engine scheme(String schemeId) {
        return schemes.find(schemeId).orElseThrow(() -> PaymentRequestException.of("scheme", "未知的分组方案 “" + schemeId + "”",
                "unknown grouping scheme \"" + schemeId + "\""));
    }

    private static String text(String field, String value, int max, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw PaymentRequestException.of(field, "最多 " + max + " 字", "at most " + max + " characters");
        }
        return v;
    }
}
