package org.openhqd.platform.drg.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.openhqd.platform.drg.DrgPaymentSettings;
import org.openhqd.platform.drg.DrgSchemes;
import org.openhqd.platform.drg.WeightSet;
import org.openhqd.platform.organization.Organizations;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the weights-and-payment page and API show a reader: the community's sets of a scheme, a
 * set's rows, the year's settings with the base rates in force (entered or estimated), and the
 * profit/loss of the caller's own cases at the base rate ±5 % and ±10 % (sensitivity). Weights and
 * settings are the community's; case figures are summed inside the caller's data scope only.
 */
@Service
class DrgPaymentQueries {

    /** The rate factors of the sensitivity line, in percent of the base rates. */
    static final List<Integer> FACTORS = List.of(-10, -5, 0, 5, 10);

    /** The profit/loss at the base rates changed by {@code percent}. */
    record SensitivityPoint(int percent, BigDecimal profitLoss) {
    }

    /** The caller's cases of a year, priced, and the sensitivity line. */
    record Figures(int year, long cases, long priced, long ungrouped, long withoutWeight, BigDecimal totalCost,
                   BigDecimal expectedPayment, BigDecimal profitLoss, long highOutliers, long lowOutliers,
                   List<SensitivityPoint> sensitivity) {
    }

    /** The settings of a year with the base rates in force under the scheme's active set. */
    record SettingsView(DrgPaymentSettings settings, String schemeId, BigDecimal referenceCost, BaseRates rates,
                        List<Integer> savedYears) {
    }

    /** The community's sets of a scheme and the active one. */
    record SetsView(String schemeId, List<String> schemes, WeightSet active, List<WeightSet> sets) {
    }

    private final DrgWeightSets sets;
    private final DrgPaymentSettingsStore settings;
    private final Repricing repricing;
    private final DrgPaymentAccess access;
    private final DrgSchemes schemes;
    private final JdbcClient jdbc;

    DrgPaymentQueries(DrgWeightSets sets, DrgPaymentSettingsStore settings, Repricing repricing, DrgPaymentAccess access,
                      DrgSchemes schemes, JdbcClient jdbc) {
        this.sets = sets;
        this.settings = settings;
        this.repricing = repricing;
        this.access = access;
        this.schemes = schemes;
        this.jdbc = jdbc;
    }

    /** The scheme asked for if known, else the caller's institution's scheme. */
    String scheme(StaffPrincipal me, String asked) {
        return asked != null && schemes.find(asked).isPresent() ? asked : schemes.schemeIdFor(me.institutionId());
    }

    @Transactional(readOnly = true)
    SetsView sets(StaffPrincipal me, String scheme) {
        access.reader(me);
        String s = scheme(me, scheme);
        TreeSet<String> known = new TreeSet<>(sets.schemesWithSets(me.communityId()));
        known.add(s);
        known.add(schemes.defaultSchemeId());
        return new SetsView(s, List.copyOf(known), sets.activeSet(me.communityId(), s).orElse(null), sets.sets(me.communityId(), s));
    }

    /** A set of the caller's community (404 for another community's). */
    @Transactional(readOnly = true)
    WeightSet set(StaffPrincipal me, long id) {
        access.reader(me);
        return sets.set(me.communityId(), id).orElseThrow(Organizations.NotInScopeException::new);
    }

    @Transactional(readOnly = true)
    DrgWeightSets.RowPage rows(StaffPrincipal me, long setId, String q, int page, int size) {
        set(me, setId);
        if (q != null && q.length() > 16) {
            throw PaymentRequestException.of("q", "检索词最多 16 个字符", "at most 16 characters");
        }
        return sets.page(setId, q, Math.max(0, page), Math.min(Math.max(size, 1), 500));
    }

    /** The latest discharge year among the caller's cases, else the current one. */
    @Transactional(readOnly = true)
    int defaultYear(StaffPrincipal me) {
        String month = jdbc.sql("SELECT MAX(c.discharge_month) FROM drg_case c JOIN institution i ON i.id = c.institution_id WHERE "
                + me.scope().sql("i")).params(me.scope().params()).query(String.class).optional().orElse(null);
        return month == null ? java.time.Year.now(java.time.ZoneId.of("Asia/Shanghai")).getValue() : Integer.parseInt(month.substring(0, 4));
    }

    @Transactional(readOnly = true)
    SettingsView settings(StaffPrincipal me, int year, String scheme) {
        access.reader(me);
        check(year);
        String s = scheme(me, scheme);
        DrgPaymentSettings effective = settings.effective(me.communityId(), year);
        BigDecimal reference = sets.activeSet(me.communityId(), s).map(WeightSet::referenceCost).orElse(null);
        return new SettingsView(effective, s, reference, BaseRates.of(effective, reference), settings.savedYears(me.communityId()));
    }

    /** The caller's cases discharged in the year, with the sensitivity of their profit/loss to the base rates. */
    @Transactional(readOnly = true)
    Figures figures(StaffPrincipal me, int year) {
        access.reader(me);
        check(year);
        Repricing.Sensitivity s = repricing.sensitivity(me.scope(), year);
        List<SensitivityPoint> line = new ArrayList<>();
        for (int percent : FACTORS) {
            line.add(new SensitivityPoint(percent, s.profitLossAt(BigDecimal.valueOf(100 + percent).movePointLeft(2))));
        }
        return new Figures(year, s.cases(), s.priced(), s.ungrouped(), s.withoutWeight(), s.totalCost(), s.expected(),
                s.profitLoss(), s.high(), s.low(), line);
    }

    Optional<WeightSet> active(StaffPrincipal me, String scheme) {
        return sets.activeSet(me.communityId(), scheme(me, scheme));
    }

    private static void check(int year) {
        if (year < 2000 || year > 2100) {
            throw PaymentRequestException.of("year", "年度应在 2000–2100 之间", "the year must be between 2000 and 2100");
        }
    }
}
