package org.openhqd.platform.community;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.openhqd.platform.community.PaymentRules.BudgetRule;
import org.openhqd.platform.community.PaymentRules.DistributionRule;
import org.openhqd.platform.community.PaymentRules.RetentionRule;
import org.openhqd.platform.organization.Institution;
import org.openhqd.platform.organization.Organizations;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.DataScope;
import org.openhqd.platform.security.Role;
import org.openhqd.platform.security.StaffPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Synthetic settlements of last year for the demo community, and its budget and sharing rules: about
 * 10,000 cases of 15,000 pseudonymous insured residents — inpatient and outpatient at the county
 * hospital's sites, the township centres and their village clinics, a private hospital in the county,
 * and four hospitals outside it drawn until they account for about 12 % of the fund spend (88 % stays
 * in the county). The PER_CAPITA budget is set about 2.5 % above the spend, so the demo shows a surplus
 * split by weighted keys. Seeded: same seed, same data. No real person's data.
 */
@Component
public class CommunityPaymentDemo {

    private static final Logger log = LoggerFactory.getLogger(CommunityPaymentDemo.class);
    private static final String[][] OUTSIDE = {{"X-P001", "省人民医院"}, {"X-C001", "市第一人民医院"}, {"X-C002", "市中医院"},
        {"X-P002", "省肿瘤医院"}};
    private static final int INSURED = 15_000;

    private final Organizations organizations;
    private final Settlements settlements;
    private final PaymentSettingsStore settings;
    private final CommunityMembers members;
    private final Clock clock;

    CommunityPaymentDemo(Organizations organizations, Settlements settlements, PaymentSettingsStore settings,
                         CommunityMembers members, Clock clock) {
        this.organizations = organizations;
        this.settlements = settlements;
        this.settings = settings;
        this.members = members;
        this.clock = clock;
    }

    /** Loads last year's settlements and settings for the community whose lead hospital has this code. */
    @Transactional
    public void load(String leadHospitalCode, long seed) {
        long started = System.nanoTime();
        Institution lead = organizations.institutions(DataScope.everything()).stream().filter(i -> i.code().equals(leadHospitalCode))
                .findFirst().orElseThrow(() -> new IllegalStateException("no institution " + leadHospitalCode));
        long community = lead.communityId();
        int year = LocalDate.now(clock.withZone(Settlements.CHINA)).getYear() - 1;
        SplittableRandom random = new SplittableRandom(seed);
        List<Institution> all = members.institutions(community);
        List<Institution> hospitalSites = all.stream().filter(i -> i.path().startsWith(lead.path())).toList();
        List<Institution> primary = all.stream().filter(i -> !i.path().startsWith(lead.path())).toList();

        List<SettlementCsv.Row> rows = new ArrayList<>();
        BigDecimal inCounty = BigDecimal.ZERO;
        inCounty = inCounty.add(cases(rows, random, year, hospitalSites, 1_200, VisitType.INPATIENT, 6_000, 20_000, 0.65, 0.80));
        inCounty = inCounty.add(cases(rows, random, year, primary, 450, VisitType.INPATIENT, 2_000, 6_000, 0.80, 0.90));
        inCounty = inCounty.add(cases(rows, random, year, hospitalSites, 3_000, VisitType.OUTPATIENT, 150, 600, 0.50, 0.60));
        inCounty = inCounty.add(cases(rows, random, year, primary, 5_000, VisitType.OUTPATIENT, 40, 200, 0.60, 0.80));
        for (int i = 0; i < 75; i++) {
            inCounty = inCounty.add(add(rows, random, year, null, "PRIV01", "示范县仁济医院（民营）", true, VisitType.INPATIENT,
                    5_000, 12_000, 0.60, 0.70));
        }
        BigDecimal outsideTarget = inCounty.multiply(new BigDecimal("12")).divide(new BigDecimal("88"), 2, RoundingMode.HALF_UP);
        BigDecimal outside = BigDecimal.ZERO;
        while (outside.compareTo(outsideTarget) < 0) {
            String[] h = OUTSIDE[random.nextInt(OUTSIDE.length)];
            boolean inpatient = random.nextInt(4) > 0;
            outside = outside.add(add(rows, random, year, null, h[0], h[1], false, inpatient ? VisitType.INPATIENT : VisitType.OUTPATIENT,
                    inpatient ? 20_000 : 800, inpatient ? 60_000 : 3_000, 0.55, 0.70));
        }
        settlements.insert(community, rows, "demo", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));

        BigDecimal actual = inCounty.add(outside);
        BigDecimal premium = new BigDecimal("1500000");
        BigDecimal carveOuts = new BigDecimal("800000");
        // per-capita amount that gives a budget about 2.5 % above the spend after a 7 % risk reserve
        BigDecimal perCapita = actual.multiply(new BigDecimal("1.025")).add(premium).add(carveOuts)
                .divide(new BigDecimal(INSURED).multiply(new BigDecimal("0.93")), 0, RoundingMode.CEILING);
        List<MemberKey> keys = new ArrayList<>();
        for (CommunityMembers.Member m : members.of(community)) {
            keys.add(new MemberKey(m.id(), m.primary() ? 1_000 + random.nextInt(800) : 6_000,
                    BigDecimal.valueOf(80 + random.nextInt(16)), BigDecimal.ZERO));
        }
        PaymentSettings s = new PaymentSettings(year, BudgetRule.PER_CAPITA, null, INSURED, perCapita, new BigDecimal("7"), premium,
                carveOuts, new BigDecimal("100"), new BigDecimal("120000"), RetentionRule.SCORE_SCALED, new BigDecimal("92"),
                new BigDecimal("90"), new BigDecimal("60"), new BigDecimal("5"), new BigDecimal("10"), new BigDecimal("60"),
                DistributionRule.WEIGHTED_KEYS, new BigDecimal("40"), new BigDecimal("40"), new BigDecimal("20"),
                new BigDecimal("40"), keys);
        StaffPrincipal loader = new StaffPrincipal(null, "demo-loader", Role.COMMUNITY_ADMIN, lead.id(), community, lead.path());
        CurrentUser.runAs(loader, () -> {
            settings.save(s, loader);
            return null;
        });
        log.info("示范医共体 {} 年医保结算已载入：{} 笔，县域内基金占比 {}%，用时 {} ms / demo settlements loaded", year, rows.size(),
                inCounty.multiply(new BigDecimal("100")).divide(actual, 1, RoundingMode.HALF_UP), (System.nanoTime() - started) / 1_000_000);
    }

    private static BigDecimal cases(List<SettlementCsv.Row> rows, SplittableRandom random, int year, List<Institution> at, int count,
                                    VisitType type, int minCost, int maxCost, double minFund, double maxFund) {
        BigDecimal fund = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) {
            Institution inst = at.get(random.nextInt(at.size()));
            fund = fund.add(add(rows, random, year, inst.id(), inst.code(), null, true, type, minCost, maxCost, minFund, maxFund));
        }
        return fund;
    }

    private static BigDecimal add(List<SettlementCsv.Row> rows, SplittableRandom random, int year, Long institutionId, String code,
                                  String name, boolean inCounty, VisitType type, int minCost, int maxCost, double minFund,
                                  double maxFund) {
        BigDecimal cost = BigDecimal.valueOf(minCost + random.nextDouble() * (maxCost - minCost)).setScale(2, RoundingMode.HALF_UP);
        BigDecimal fund = cost.multiply(BigDecimal.valueOf(minFund + random.nextDouble() * (maxFund - minFund)))
                .setScale(2, RoundingMode.HALF_UP);
        LocalDate day = LocalDate.of(year, 1, 1).plusDays(random.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
        rows.add(new SettlementCsv.Row(rows.size() + 2, String.format("DEMO%d-%06d", year, rows.size() + 1),
                String.format("INS%05d", random.nextInt(INSURED)), institutionId, code, name, inCounty, type, day, cost, fund));
        return fund;
    }
}
