package org.openhqd.platform.drg.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.drg.CaseStore;
import org.openhqd.platform.drg.DrgCasesRepriced;
import org.openhqd.platform.drg.DrgPayment;
import org.openhqd.platform.drg.DrgPaymentSettings;
import org.openhqd.platform.drg.DrgSchemes;
import org.openhqd.platform.drg.DrgWeights;
import org.openhqd.platform.drg.ProcessedCase;
import org.openhqd.platform.drg.WeightSet;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Weights and payment with the services wired as in production, each test in a community of its
 * own; run on H2 ({@link DrgPaymentTest}) and on PostgreSQL ({@link PostgresDrgPaymentTest}).
 */
abstract class DrgPaymentScenarios {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    CaseStore store;
    @Autowired
    DrgSchemes schemes;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    ApplicationEvents events;
    @Autowired
    DrgWeightSets sets;
    @Autowired
    DrgWeights weights;
    @Autowired
    DrgPayment payment;
    @Autowired
    DrgPaymentSettingsStore settings;
    @Autowired
    DrgPaymentActions actions;
    @Autowired
    DrgPaymentQueries queries;

    private PaymentFixture fixture(String code) {
        return new PaymentFixture(jdbc, tx, store, schemes, publisher, code);
    }

    private <T> T as(StaffPrincipal p, java.util.function.Supplier<T> work) {
        return CurrentUser.runAs(p, work);
    }

    /** Two years of synthetic discharges (2024: 500, 2025: 700) of the fixture's hospital. */
    static List<ProcessedCase> twoYears(PaymentFixture f) {
        List<ProcessedCase> cases = new ArrayList<>(f.generate(11, 2024, 500));
        cases.addAll(f.generate(12, 2025, 700));
        return cases;
    }

    @Test
    void theListenerComputesAFirstSetAndPricesTheCasesAfterAnImport() {
        PaymentFixture f = fixture("PAYL");
        events.clear();
        f.importCases(f.hospital, twoYears(f));

        WeightSet set = weights.activeSet(f.community, "chs-drg-1.1").orElseThrow();
        assertThat(set.source()).isEqualTo(WeightSet.Source.COMPUTED);
        assertThat(set.status()).isEqualTo(WeightSet.Status.ACTIVE);
        assertThat(set.createdBy()).isEqualTo("system");
        assertThat(set.years()).isEqualTo("2024:2,2025:7");
        assertThat(set.method()).isEqualTo(WeightParameters.defaults().describe());
        assertThat(events.stream(DrgCasesRepriced.class)).anyMatch(e -> e.institutionIds().contains(f.hospital));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity = 'drg_weight_set' AND entity_id = :id AND actor = 'system'")
                .param("id", String.valueOf(set.id())).query(Long.class).single()).isEqualTo(1);

        PaymentAgreement.Seen seen = PaymentAgreement.check(jdbc, sets, settings, f.community);
        assertThat(seen.cases()).isEqualTo(1200);
        // CHS-DRG has some 600 groups: with 1,200 cases many DRGs are too small even pooled by ADRG (flagged, not priced)
        assertThat(seen.priced()).isGreaterThan(400);
        assertThat(seen.flagged()).isPositive();
        assertThat(seen.ungrouped()).isPositive();
        assertThat(seen.high()).isPositive();
        assertThat(seen.low()).isPositive();
        assertThat(seen.normal()).isGreaterThan(seen.high() + seen.low());
        assertThat(seen.drgs()).isGreaterThan(20);

        // importing again replaces the cases: they are priced again with the same set (no second automatic set)
        f.importCases(f.hospital, f.generate(12, 2025, 50));
        assertThat(weights.sets(f.community, "chs-drg-1.1")).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM drg_case WHERE institution_id = :i AND group_status = 'ok' AND drg IS NOT NULL "
                + "AND weight_set_id IS NULL").param("i", f.hospital).query(Long.class).single()).isZero();
        assertThat(PaymentAgreement.check(jdbc, sets, settings, f.community).cases()).isEqualTo(1200);

        // 2025 settled differently from 2024 (rates entered, outliers by items): each year's cases by its own settings
        StaffPrincipal admin = f.principal("admin");
        as(admin, () -> actions.saveSettings(admin, new PaymentSettingsRequest(2025, new BigDecimal("12000"),
                new BigDecimal("8800.50"), null, new BigDecimal("0.35"), null, null, new BigDecimal("2.5"), null, null, "ITEMS",
                null, "ITEMS").toSettings(settings.defaults())));
        PaymentAgreement.Seen after = PaymentAgreement.check(jdbc, sets, settings, f.community);
        assertThat(after.priced()).isEqualTo(seen.priced());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM drg_case WHERE institution_id = :i AND payment_rule = 'ITEMS' "
                + "AND discharge_month LIKE '2025%'").param("i", f.hospital).query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM drg_case WHERE institution_id = :i AND payment_rule = 'ITEMS' "
                + "AND discharge_month LIKE '2024%'").param("i", f.hospital).query(Long.class).single()).isZero();
    }

    @Test
    void tooFewCasesComputeNoSetAutomatically() {
        PaymentFixture f = fixture("PAYF");
        f.importCases(f.hospital, f.generate(3, 2025, 40)); // below the 100 grouped cases the automatic set needs
        assertThat(weights.activeSet(f.community, "chs-drg-1.1")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM drg_case WHERE institution_id = :i AND expected_payment IS NOT NULL")
                .param("i", f.hospital).query(Long.class).single()).isZero();
    }

    /**
     * An official table (GZ13 RW 1.2 at 12,000; GD15 RW 0.8 at 8,000) and 2025 rates 职工 10,000, 居民
     * 9,000, others estimated; seven cases with their figures worked out by hand.
     */
    @Test
    void normalHighAndLowCasesArePricedAsWorkedOutByHand() {
        PaymentFixture f = fixture("PAYH");
        long normal = f.insertCase(f.hospital, "N", "GZ13", "ok", "2025-03", "10000.00", "职工", "1", 6);
        long high = f.insertCase(f.hospital, "H", "GZ13", "ok", "2025-03", "30000.00", "居民", "1", 20);
        long low = f.insertCase(f.hospital, "L", "GZ13", "ok", "2025-04", "4000.00", "城乡居民", "1", 1);
        long ungrouped = f.insertCase(f.hospital, "U", null, "ungroupable", "2025-04", "5000.00", "职工", "1", 3);
        long noWeight = f.insertCase(f.hospital, "W", "ES25", "ok", "2025-05", "7000.00", "职工", "1", 5);
        long selfPay = f.insertCase(f.hospital, "S", "GZ13", "ok", "2025-05", "12000.00", "自费", "1", 6);
        long other = f.insertCase(f.hospital, "O", "GD15", "ok", "2025-06", "8000.00", "310", "1", 4);
        StaffPrincipal admin = f.principal("admin");

        WeightSet set = as(admin, () -> actions.loadOfficial(admin, "chs-drg-1.1",
                "DRG编码,权重,例均费用,平均住院日\nGZ13,1.2,12000,6.5\nGD15,0.8,8000,4\n", "省医保局 2025 权重", "2025", true));
        assertThat(set.source()).isEqualTo(WeightSet.Source.OFFICIAL);
        assertThat(set.status()).isEqualTo(WeightSet.Status.ACTIVE);
        // reference cost: total cost ÷ total weight of the cases with a weight = 64,000 ÷ 5.6 = 11,428.57
        assertThat(set.referenceCost()).isEqualByComparingTo("11428.57");
        assertThat(weights.row(set.id(), "GZ13").orElseThrow().riskLevel()).isZero(); // derived: no deaths

        as(admin, () -> actions.saveSettings(admin, new PaymentSettingsRequest(2025, new BigDecimal("10000"),
                new BigDecimal("9000"), null, null, null, null, null, null, null, null, null, null)
                .toSettings(settings.defaults())));

        // 职工 10,000 × 1.2 = 12,000 against a cost of 10,000
        PaymentFixture.Figures n = f.figures(normal);
        assertThat(n.outlier()).isEqualTo("NORMAL");
        assertThat(n.expected()).isEqualByComparingTo("12000.00");
        assertThat(n.profitLoss()).isEqualByComparingTo("2000.00");
        assertThat(n.benchmarkCost()).isEqualByComparingTo("12000.00");
        assertThat(n.benchmarkLos()).isEqualByComparingTo("6.50");
        assertThat(n.setId()).isEqualTo(set.id());
        // 居民 9,000 × 1.2 = 10,800; 30,000 > 2 × 12,000: 10,800 + 10,800 × (30,000 − 24,000) ÷ 12,000 = 16,200
        PaymentFixture.Figures h = f.figures(high);
        assertThat(h.outlier()).isEqualTo("HIGH");
        assertThat(h.rule()).isEqualTo("RATIO");
        assertThat(h.baseRate()).isEqualByComparingTo("9000.00");
        assertThat(h.expected()).isEqualByComparingTo("16200.00");
        assertThat(h.profitLoss()).isEqualByComparingTo("-13800.00");
        // 4,000 < 0.4 × 12,000: 10,800 × 4,000 ÷ 12,000 = 3,600
        PaymentFixture.Figures l = f.figures(low);
        assertThat(l.outlier()).isEqualTo("LOW");
        assertThat(l.expected()).isEqualByComparingTo("3600.00");
        assertThat(l.profitLoss()).isEqualByComparingTo("-400.00");
        // not grouped: nothing; a DRG the table lacks: the set, no figures
        PaymentFixture.Figures u = f.figures(ungrouped);
        assertThat(u.setId()).isNull();
        assertThat(u.expected()).isNull();
        PaymentFixture.Figures w = f.figures(noWeight);
        assertThat(w.setId()).isEqualTo(set.id());
        assertThat(w.rw()).isNull();
        assertThat(w.expected()).isNull();
        assertThat(w.outlier()).isNull();
        // 自费: the estimated rate 11,428.57 × 1.2 = 13,714.28
        PaymentFixture.Figures s = f.figures(selfPay);
        assertThat(s.baseRate()).isEqualByComparingTo("11428.57");
        assertThat(s.expected()).isEqualByComparingTo("13714.28");
        assertThat(s.profitLoss()).isEqualByComparingTo("1714.28");
        // insurance code 310 is 职工: 10,000 × 0.8 = 8,000
        assertThat(f.figures(other).expected()).isEqualByComparingTo("8000.00");

        // the year's figures and their sensitivity: −10,485.72 in all; +10 %: 53,514.28 × 1.1 − 64,000 = −5,134.29
        DrgPaymentQueries.Figures fig = queries.figures(admin, 2025);
        assertThat(fig.cases()).isEqualTo(7);
        assertThat(fig.priced()).isEqualTo(5);
        assertThat(fig.ungrouped()).isEqualTo(1);
        assertThat(fig.withoutWeight()).isEqualTo(1);
        assertThat(fig.highOutliers()).isEqualTo(1);
        assertThat(fig.lowOutliers()).isEqualTo(1);
        assertThat(fig.profitLoss()).isEqualByComparingTo("-10485.72");
        assertThat(fig.sensitivity()).extracting(DrgPaymentQueries.SensitivityPoint::percent).containsExactly(-10, -5, 0, 5, 10);
        assertThat(fig.sensitivity().get(2).profitLoss()).isEqualByComparingTo("-10485.72");
        assertThat(fig.sensitivity().get(4).profitLoss()).isEqualByComparingTo("-5134.29");

        // high outliers paid by items from now on: the high case is paid its cost and no longer moves with the rate
        as(admin, () -> actions.saveSettings(admin, new PaymentSettingsRequest(2025, new BigDecimal("10000"),
                new BigDecimal("9000"), null, null, null, null, null, null, null, "ITEMS", null, null)
                .toSettings(settings.defaults())));
        assertThat(f.figures(high).expected()).isEqualByComparingTo("30000.00");
        assertThat(f.figures(high).rule()).isEqualTo("ITEMS");
        DrgPaymentQueries.Figures items = queries.figures(admin, 2025);
        // 12,000 + 30,000 + 3,600 + 13,714.28 + 8,000 = 67,314.28; rate-dependent 37,314.28; +10 %: 71,045.708 − 64,000
        assertThat(items.profitLoss()).isEqualByComparingTo("3314.28");
        assertThat(items.sensitivity().get(4).profitLoss()).isEqualByComparingTo("7045.71");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity = 'drg_payment_settings' AND entity_id = :id")
                .param("id", f.community + "/2025").query(Long.class).single()).isEqualTo(2);

        // re-grouped in place (GZ13 → GD15, RW 0.8 at 8,000): the case follows its new DRG, the others are not written
        jdbc.sql("UPDATE drg_case SET drg = 'GD15', adrg = 'GD1' WHERE id = :id").param("id", normal).update();
        assertThat(payment.reprice(Set.of(f.hospital))).isEqualTo(1);
        assertThat(f.figures(normal).rw()).isEqualByComparingTo("0.8");
        assertThat(f.figures(normal).expected()).isEqualByComparingTo("8000.00");
        assertThat(f.figures(normal).profitLoss()).isEqualByComparingTo("-2000.00");
        assertThat(payment.reprice(Set.of(f.hospital))).isZero();
    }

    @Test
    void settingsOfAYearApplyToLaterYearsUntilChanged() {
        PaymentFixture f = fixture("PAYS");
        StaffPrincipal admin = f.principal("admin");
        assertThat(payment.settings(f.community, 2025).origin()).isEqualTo(DrgPaymentSettings.Origin.DEFAULT);
        assertThat(payment.settings(f.community, 2025).lowRatio()).isEqualByComparingTo("0.4");
        assertThat(payment.settings(f.community, 2025).highMultiple(new BigDecimal("1.5"))).isEqualByComparingTo("2");
        as(admin, () -> actions.saveSettings(admin, new PaymentSettingsRequest(2024, new BigDecimal("9500"), null, null,
                new BigDecimal("0.3"), null, null, null, null, null, null, null, "ITEMS").toSettings(settings.defaults())));
        DrgPaymentSettings later = payment.settings(f.community, 2026);
        assertThat(later.origin()).isEqualTo(DrgPaymentSettings.Origin.INHERITED);
        assertThat(later.fromYear()).isEqualTo(2024);
        assertThat(later.rateEmployee()).isEqualByComparingTo("9500");
        assertThat(later.lowRule()).isEqualTo(DrgPaymentSettings.OutlierRule.ITEMS);
        assertThat(payment.settings(f.community, 2023).origin()).isEqualTo(DrgPaymentSettings.Origin.DEFAULT);

        assertThatThrownBy(() -> as(admin, () -> actions.saveSettings(admin, new PaymentSettingsRequest(2025, null, null, null,
                new BigDecimal("1.5"), null, null, null, null, null, null, null, null).toSettings(settings.defaults()))))
                .isInstanceOf(PaymentRequestException.class).hasMessageContaining("lowRatio");
        assertThatThrownBy(() -> PaymentSettingsRequest.fromForm(java.util.Map.of("year", "2025", "rateEmployee", "一万")))
                .isInstanceOf(PaymentRequestException.class)
                .satisfies(e -> assertThat(((PaymentRequestException) e).message()).contains("rateEmployee").contains("应为数字"));
    }

    @Test
    void onlyTheCommunitysManagersComputeAndActivate() {
        PaymentFixture f = fixture("PAYA");
        f.importCases(f.hospital, f.generate(21, 2025, 60)); // too few for an automatic set
        StaffPrincipal town = f.principal("town-ins");
        StaffPrincipal head = f.principal("head");
        StaffPrincipal doctor = f.principal("doctor");
        StaffPrincipal office = f.principal("ins");
        WeightParameters p = WeightParameters.defaults();
        assertThatThrownBy(() -> as(town, () -> actions.compute(town, "chs-drg-1.1", p, null, null, true)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(head, () -> actions.compute(head, "chs-drg-1.1", p, null, null, true)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> queries.sets(doctor, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(queries.sets(head, null).active()).isNull();
        assertThat(queries.sets(town, null).sets()).isEmpty();

        // the hospital's insurance office computes from its own cases, as a draft, then activates it
        WeightSet draft = as(office, () -> actions.compute(office, "chs-drg-1.1",
                new WeightParameters(WeightParameters.Trimming.SD, 1.5, 3, 60, 3, List.of(1), 100), "试算", "v1", false));
        assertThat(draft.status()).isEqualTo(WeightSet.Status.DRAFT);
        assertThat(draft.method()).contains("trimming=SD").contains("min_cases=3").contains("year_weights=1");
        assertThat(draft.population()).contains(f.code + " 县医院");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM drg_case WHERE institution_id = :i AND weight_set_id IS NOT NULL")
                .param("i", f.hospital).query(Long.class).single()).isZero();
        as(office, () -> actions.activate(office, draft.id()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM drg_case WHERE institution_id = :i AND weight_set_id = :s")
                .param("i", f.hospital).param("s", draft.id()).query(Long.class).single()).isPositive();

        // a second set replaces it: the first is retired and every case moves to the second
        WeightSet second = as(office, () -> actions.compute(office, "chs-drg-1.1", WeightParameters.defaults(), null, null, true));
        assertThat(sets.set(f.community, draft.id()).orElseThrow().status()).isEqualTo(WeightSet.Status.RETIRED);
        assertThat(second.status()).isEqualTo(WeightSet.Status.ACTIVE);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM drg_case WHERE institution_id = :i AND weight_set_id = :s")
                .param("i", f.hospital).param("s", draft.id()).query(Long.class).single()).isZero();
        // the township reads the community's set, not the hospital's cases
        assertThat(queries.sets(town, null).active().id()).isEqualTo(second.id());
        assertThat(queries.figures(town, 2025).cases()).isZero();
        // another community's set is not found
        PaymentFixture other = fixture("PAYB");
        assertThatThrownBy(() -> queries.set(other.principal("admin"), second.id()))
                .isInstanceOf(org.openhqd.platform.organization.Organizations.NotInScopeException.class);
        assertThatThrownBy(() -> as(other.principal("admin"), () -> actions.activate(other.principal("admin"), second.id())))
                .isInstanceOf(org.openhqd.platform.organization.Organizations.NotInScopeException.class);
        // computing where there are no cases says so
        assertThatThrownBy(() -> as(other.principal("admin"), () -> actions.compute(other.principal("admin"), "chs-drg-1.1", p,
                null, null, true))).isInstanceOf(PaymentRequestException.class).hasMessageContaining("没有");
    }

    @Test
    void anOfficialTableWithUnknownDrgsIsRefusedWhole() {
        PaymentFixture f = fixture("PAYO");
        StaffPrincipal admin = f.principal("admin");
        assertThatThrownBy(() -> as(admin, () -> actions.loadOfficial(admin, "chs-drg-1.1",
                "drg,rw\nGZ13,1.2\nXX99,1.0\n", null, null, true)))
                .isInstanceOf(WeightImportException.class)
                .satisfies(e -> assertThat(((WeightImportException) e).problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).contains("第 3 行 drg").contains("XX99")));
        assertThat(weights.sets(f.community, "chs-drg-1.1")).isEmpty();
        // with risk levels given, they are the table's
        WeightSet set = as(admin, () -> actions.loadOfficial(admin, "chs-drg-1.1", "drg,rw,risk_level\nGZ13,1.2,2\n", null, null,
                false));
        assertThat(weights.row(set.id(), "GZ13").orElseThrow().riskLevel()).isEqualTo(2);
        assertThat(set.referenceCost()).isNull(); // no cases to derive it from
        assertThat(payment.reprice(Set.of(f.hospital))).isZero();
    }
}
