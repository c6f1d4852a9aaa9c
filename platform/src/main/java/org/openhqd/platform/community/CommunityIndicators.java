package org.openhqd.platform.community;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openhqd.platform.organization.Institution;
import org.openhqd.platform.organization.InstitutionLevel;
import org.openhqd.platform.outpatient.MonthlyVisits;
import org.openhqd.platform.outpatient.VisitCounts;
import org.openhqd.platform.security.DataScope;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Computes the county medical-community indicators of a year for the caller's community: the
 * COMPUTED ones from the imported settlements and the outpatient module's visit totals, the
 * REFERRAL ones through {@link ReferralCounts} when a referral module provides it, the EXTERNAL ones
 * from imported figures. County-level figures: only callers who see the whole community get them.
 */
@Service
public class CommunityIndicators {

    private final CommunityIndicatorDefinitions definitions;
    private final Settlements settlements;
    private final VisitCounts visitCounts;
    private final CommunityMembers members;
    private final IndicatorFigures figures;
    private final ObjectProvider<ReferralCounts> referrals;
    private final PaymentAccess access;

    CommunityIndicators(CommunityIndicatorDefinitions definitions, Settlements settlements, VisitCounts visitCounts,
                        CommunityMembers members, IndicatorFigures figures, ObjectProvider<ReferralCounts> referrals,
                        PaymentAccess access) {
        this.definitions = definitions;
        this.settlements = settlements;
        this.visitCounts = visitCounts;
        this.members = members;
        this.figures = figures;
        this.referrals = referrals;
        this.access = access;
    }

    /** Whether the caller may see the county figures. */
    public boolean available(StaffPrincipal caller) {
        return access.seesWholeCommunity(caller);
    }

    /**
     * @throws AccessDeniedException for callers who do not see the whole community
     */
    public CommunityIndicatorReport report(StaffPrincipal caller, int year) {
        if (!available(caller)) {
            throw new AccessDeniedException("county indicators are shown to the community's administrators and lead offices");
        }
        long community = caller.communityId();
        Set<Long> primary = new HashSet<>();
        for (Institution i : members.institutions(community)) {
            if (i.level() == InstitutionLevel.PRIMARY) {
                primary.add(i.id());
            }
        }
        CountySums[] months = new CountySums[13]; // 0: the year, 1–12: the months
        for (int m = 0; m <= 12; m++) {
            months[m] = new CountySums();
        }
        collect(community, year, primary, months);
        CountySums[] previous = {new CountySums(), new CountySums()};
        collect(community, year - 1, primary, new CountySums[] {previous[0], previous[1], previous[1], previous[1], previous[1],
            previous[1], previous[1], previous[1], previous[1], previous[1], previous[1], previous[1], previous[1]});
        Map<String, List<IndicatorFigures.Figure>> imported = figures.of(community, year).stream()
                .collect(Collectors.groupingBy(IndicatorFigures.Figure::indicatorId));
        ReferralCounts counts = referrals.getIfAvailable(() -> ReferralCounts.NOT_AVAILABLE);

        List<IndicatorResult> out = new ArrayList<>();
        for (CommunityIndicatorDefinition d : definitions.all()) {
            out.add(switch (d.platform()) {
                case "COMPUTED" -> computed(d, year, months, previous[0]);
                case "REFERRAL" -> referral(d, year, community, counts);
                case "EXTERNAL" -> external(d, year, imported.getOrDefault(d.id(), List.of()));
                default -> new IndicatorResult(d.id(), d.nameZh(), d.unit(), d.platform(),
                        IndicatorValue.status(String.valueOf(year), "QUALITATIVE"), null, null, List.of());
            });
        }
        return new CommunityIndicatorReport(year, definitions.version(), out);
    }

    /** Adds the year's settlements and visit totals into sums[0] (the year) and sums[month]. */
    private void collect(long community, int year, Set<Long> primary, CountySums[] sums) {
        for (SpendCell c : settlements.spend(community, year)) {
            sums[0].add(c, primary);
            sums[c.month()].add(c, primary);
        }
        for (MonthlyVisits v : visitCounts.monthlyVisits(DataScope.community(community), year)) {
            sums[0].add(v, primary);
            sums[v.month()].add(v, primary);
        }
    }

    private static IndicatorResult computed(CommunityIndicatorDefinition d, int year, CountySums[] sums, CountySums previous) {
        IndicatorValue value = value(d.key(), String.valueOf(year), sums[0]);
        IndicatorValue last = value(d.key(), String.valueOf(year - 1), previous);
        Double growth = value.value() != null && last.value() != null && last.value() != 0
                ? IndicatorValue.round(100 * (value.value() - last.value()) / last.value()) : null;
        List<IndicatorValue> monthly = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            monthly.add(value(d.key(), YearMonth.of(year, m).toString(), sums[m]));
        }
        return new IndicatorResult(d.id(), d.nameZh(), d.unit(), d.platform(), value, last, growth, monthly);
    }

    private static IndicatorValue value(String key, String period, CountySums s) {
        double[] p = s.parts(key);
        return IndicatorValue.ratio(period, p[0], p[1], p[2]);
    }

    private static IndicatorResult referral(CommunityIndicatorDefinition d, int year, long community, ReferralCounts counts) {
        List<IndicatorValue> monthly = new ArrayList<>();
        Optional<IndicatorValue> value = referralValue(d.key(), String.valueOf(year), counts.count(community,
                LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)));
        if (value.isPresent()) {
            for (int m = 1; m <= 12; m++) {
                YearMonth ym = YearMonth.of(year, m);
                referralValue(d.key(), ym.toString(), counts.count(community, ym.atDay(1), ym.plusMonths(1).atDay(1)))
                        .ifPresent(monthly::add);
            }
        }
        return new IndicatorResult(d.id(), d.nameZh(), d.unit(), d.platform(),
                value.orElse(IndicatorValue.status(String.valueOf(year), "PENDING_REFERRAL_MODULE")), null, null, monthly);
    }

    private static Optional<IndicatorValue> referralValue(String key, String period, Optional<ReferralCounts.Counts> counts) {
        return counts.map(c -> key.equals("upReferrals")
                ? new IndicatorValue(period, (double) c.up(), null, (double) c.up(), "OK", null)
                : IndicatorValue.ratio(period, c.down(), c.up(), 100));
    }

    private static IndicatorResult external(CommunityIndicatorDefinition d, int year, List<IndicatorFigures.Figure> imported) {
        IndicatorValue value = IndicatorValue.status(String.valueOf(year), "NEEDS_IMPORT");
        List<IndicatorValue> monthly = new ArrayList<>();
        for (IndicatorFigures.Figure f : imported) {
            IndicatorValue v = new IndicatorValue(f.period(), null, null, f.value().doubleValue(), "IMPORTED", f.source());
            if (f.period().length() == 4) {
                value = v;
            } else {
                monthly.add(v);
            }
        }
        return new IndicatorResult(d.id(), d.nameZh(), d.unit(), d.platform(), value, null, null, monthly);
    }
}
