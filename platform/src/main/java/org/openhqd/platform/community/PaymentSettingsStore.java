package org.openhqd.platform.community;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.community.PaymentRules.BudgetRule;
import org.openhqd.platform.community.PaymentRules.DistributionRule;
import org.openhqd.platform.community.PaymentRules.RetentionRule;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The yearly bundled-payment settings per community; saving replaces the year's settings and keys, audited. */
@Service
public class PaymentSettingsStore {

    private final JdbcClient jdbc;
    private final CommunityMembers members;
    private final AuditLog audit;
    private final Clock clock;

    PaymentSettingsStore(JdbcClient jdbc, CommunityMembers members, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<PaymentSettings> find(long communityId, int year) {
        List<MemberKey> keys = jdbc.sql("""
                        SELECT institution_id, attributed_population, assessment_score, fixed_share_pct FROM payment_member_key
                         WHERE community_id = :c AND budget_year = :y ORDER BY institution_id""")
                .param("c", communityId).param("y", year)
                .query((rs, n) -> new MemberKey(rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4))).list();
        return jdbc.sql("SELECT * FROM payment_settings WHERE community_id = :c AND budget_year = :y")
                .param("c", communityId).param("y", year)
                .query((rs, n) -> new PaymentSettings(rs.getInt("budget_year"), BudgetRule.valueOf(rs.getString("budget_rule")),
                        rs.getBigDecimal("budget_amount"), (Integer) rs.getObject("insured_population", Integer.class),
                        rs.getBigDecimal("per_capita_amount"), rs.getBigDecimal("risk_reserve_pct"),
                        rs.getBigDecimal("critical_illness_premium"), rs.getBigDecimal("carve_outs"),
                        rs.getBigDecimal("community_share_pct"), rs.getBigDecimal("audit_deduction"),
                        RetentionRule.valueOf(rs.getString("retention_rule")), rs.getBigDecimal("assessment_score"),
                        rs.getBigDecimal("retention_full_score"), rs.getBigDecimal("retention_floor_score"),
                        rs.getBigDecimal("retention_cap_pct"), rs.getBigDecimal("overspend_band_pct"),
                        rs.getBigDecimal("insurer_share_pct"), DistributionRule.valueOf(rs.getString("distribution_rule")),
                        rs.getBigDecimal("weight_workload_pct"), rs.getBigDecimal("weight_population_pct"),
                        rs.getBigDecimal("weight_score_pct"), rs.getBigDecimal("primary_min_pct"), keys))
                .optional();
    }

    /** The latest year with settings, if any. */
    Optional<Integer> latestYear(long communityId) {
        return jdbc.sql("SELECT MAX(budget_year) FROM payment_settings WHERE community_id = :c").param("c", communityId)
                .query(Integer.class).optional();
    }

    /**
     * Replaces the year's settings of the actor's community.
     *
     * @throws InvalidCommunityRequestException naming the bad field (a member key must name a top-level member)
     */
    @Transactional
    public void save(PaymentSettings s, StaffPrincipal actor) {
        s.check();
        long community = actor.communityId();
        Set<Long> memberIds = members.of(community).stream().map(CommunityMembers.Member::id).collect(Collectors.toSet());
        for (MemberKey k : s.members()) {
            if (!memberIds.contains(k.institutionId())) {
                throw PaymentSettings.invalid("members.institutionId", "机构 " + k.institutionId() + " 不是本医共体的成员单位（县医院或乡镇卫生院）",
                        "institution " + k.institutionId() + " is not a member (county hospital or township centre) of your community");
            }
        }
        if (s.members().stream().map(MemberKey::institutionId).distinct().count() != s.members().size()) {
            throw PaymentSettings.invalid("members.institutionId", "成员单位重复", "a member appears twice");
        }
        jdbc.sql("DELETE FROM payment_member_key WHERE community_id = :c AND budget_year = :y").param("c", community)
                .param("y", s.year()).update();
        jdbc.sql("DELETE FROM payment_settings WHERE community_id = :c AND budget_year = :y").param("c", community)
                .param("y", s.year()).update();
        jdbc.sql("""
                        INSERT INTO payment_settings (community_id, budget_year, budget_rule, budget_amount, insured_population,
                               per_capita_amount, risk_reserve_pct, critical_illness_premium, carve_outs, community_share_pct,
                               audit_deduction, retention_rule, assessment_score, retention_full_score, retention_floor_score,
                               retention_cap_pct, overspend_band_pct, insurer_share_pct, distribution_rule, weight_workload_pct,
                               weight_population_pct, weight_score_pct, primary_min_pct, updated_by, updated_at)
                        VALUES (:c, :y, :budgetRule, :budgetAmount, :population, :perCapita, :reserve, :premium, :carveOuts, :share,
                               :deduction, :retentionRule, :score, :fullScore, :floorScore, :cap, :band, :insurerShare,
                               :distributionRule, :wWorkload, :wPopulation, :wScore, :primaryMin, :by, :at)""")
                .param("c", community).param("y", s.year()).param("budgetRule", s.budgetRule().name())
                .param("budgetAmount", s.budgetAmount(), java.sql.Types.NUMERIC)
                .param("population", s.insuredPopulation(), java.sql.Types.INTEGER)
                .param("perCapita", s.perCapitaAmount(), java.sql.Types.NUMERIC).param("reserve", s.riskReservePct())
                .param("premium", s.criticalIllnessPremium()).param("carveOuts", s.carveOuts()).param("share", s.communitySharePct())
                .param("deduction", s.auditDeduction()).param("retentionRule", s.retentionRule().name())
                .param("score", s.assessmentScore(), java.sql.Types.NUMERIC)
                .param("fullScore", s.retentionFullScore(), java.sql.Types.NUMERIC)
                .param("floorScore", s.retentionFloorScore(), java.sql.Types.NUMERIC)
                .param("cap", s.retentionCapPct(), java.sql.Types.NUMERIC).param("band", s.overspendBandPct())
                .param("insurerShare", s.insurerSharePct()).param("distributionRule", s.distributionRule().name())
                .param("wWorkload", s.weightWorkloadPct()).param("wPopulation", s.weightPopulationPct())
                .param("wScore", s.weightScorePct()).param("primaryMin", s.primaryMinPct()).param("by", actor.username())
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        for (MemberKey k : s.members()) {
            jdbc.sql("""
                            INSERT INTO payment_member_key (community_id, budget_year, institution_id, attributed_population,
                                   assessment_score, fixed_share_pct) VALUES (:c, :y, :i, :p, :s, :f)""")
                    .param("c", community).param("y", s.year()).param("i", k.institutionId()).param("p", k.attributedPopulation())
                    .param("s", k.assessmentScore()).param("f", k.fixedSharePct()).update();
        }
        audit.record(AuditAction.UPDATE, "payment_settings", community + "/" + s.year(), null,
                "bundled-payment settings " + s.year() + ": budget " + s.budgetRule() + ", retention " + s.retentionRule()
                        + ", band " + s.overspendBandPct() + "% fund share " + s.insurerSharePct() + "%, distribution "
                        + s.distributionRule() + ", " + s.members().size() + " member keys");
    }
}
