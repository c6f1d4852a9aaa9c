package org.openhqd.platform.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.openhqd.platform.outpatient.MonthRange;
import org.openhqd.platform.security.DataScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referral statistics of a medical community (read-only): the dashboard's figures per month and
 * institution, and the completed up/down counts the community indicators (MC16, MC17) are made of.
 * Months are Beijing-time calendar months; the definitions are {@code referral-dashboard.tsv}.
 */
@Service
public class ReferralStatistics {

    /** How many diagnosis categories each ranking shows. */
    static final int TOP = 10;

    /** A cell: view, institution (-1 for the scope as a whole), month index (-1 for the whole range). */
    private record Key(ReferralDashboard.View view, long institution, int period) {
    }

    private final ReferralStatisticsStore store;
    private final ReferralDashboardDefinitions definitions;

    ReferralStatistics(ReferralStatisticsStore store, ReferralDashboardDefinitions definitions) {
        this.store = store;
        this.definitions = definitions;
    }

    /** The dashboard for a scope: only referrals whose sender or receiver is inside it are counted. */
    @Transactional(readOnly = true)
    public ReferralDashboard dashboard(DataScope scope, MonthRange range, DashboardLevel level) {
        List<Instant> bounds = range.boundaries();
        List<ReferralFact> facts = store.facts(scope, bounds.get(0), bounds.get(bounds.size() - 1));
        boolean perInstitution = level == DashboardLevel.INSTITUTION;

        Map<Key, ReferralTally> cells = new LinkedHashMap<>();
        Map<Long, String> names = new TreeMap<>();
        for (ReferralFact f : facts) {
            names.put(f.fromInstitution(), f.fromName());
            names.put(f.toInstitution(), f.toName());
            List<Key> where = new ArrayList<>();
            where.add(new Key(ReferralDashboard.View.COMMUNITY, -1, -1));
            if (perInstitution) {
                where.add(new Key(ReferralDashboard.View.SENDING, f.fromInstitution(), -1));
                where.add(new Key(ReferralDashboard.View.RECEIVING, f.toInstitution(), -1));
            }
            // an emergency entered after the fact was never submitted nor decided in the workflow: it
            // counts as a completed referral only, never in the decision counts or response times
            if (!f.retroEntered()) {
                addEvent(cells, where, range, f.submittedAt(), f, ReferralTally::submitted);
                if (f.decidedAt() != null) {
                    addEvent(cells, where, range, f.decidedAt(), f, ReferralTally::decided);
                }
                if (f.expired()) {
                    addEvent(cells, where, range, f.closedAt(), f, ReferralTally::expired);
                }
            }
            if (f.arrived()) {
                addEvent(cells, where, range, f.arrivedAt(), f, ReferralTally::arrived);
            }
        }
        for (int p = 0; p < range.size(); p++) {
            cells.computeIfAbsent(new Key(ReferralDashboard.View.COMMUNITY, -1, p), k -> new ReferralTally());
        }
        cells.computeIfAbsent(new Key(ReferralDashboard.View.COMMUNITY, -1, -1), k -> new ReferralTally());

        Comparator<Key> order = Comparator.comparing(Key::view).thenComparing(Key::institution).thenComparing(Key::period);
        Function<Key, ReferralDashboard.Row> row = k -> new ReferralDashboard.Row(k.view(),
                k.period() < 0 ? null : range.month(k.period()).toString(), k.institution() < 0 ? null : k.institution(),
                k.institution() < 0 ? null : names.get(k.institution()), cells.get(k).figures());
        List<ReferralDashboard.Row> rows = cells.keySet().stream().sorted(order).map(row).toList();
        List<ReferralDashboard.Row> trend = rows.stream()
                .filter(r -> r.view() == ReferralDashboard.View.COMMUNITY && r.month() != null).toList();
        ReferralDashboard.Row total = rows.stream()
                .filter(r -> r.view() == ReferralDashboard.View.COMMUNITY && r.month() == null).findFirst().orElseThrow();
        return new ReferralDashboard(range.from().toString(), range.to().toString(), level.name().toLowerCase(java.util.Locale.ROOT),
                definitions.version(), rows, trend, total, topDiseases(facts, range, perInstitution),
                downReferralRates(cells, names, range, perInstitution));
    }

    /**
     * Completed referrals of a community whose arrival fell in {@code [from, to)} (Beijing dates),
     * per member institution — community-wide, for the community indicators (callers apply their own access rules).
     */
    @Transactional(readOnly = true)
    public CompletedReferrals counts(long communityId, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(MonthRange.CHINA).toInstant();
        Instant end = to.atStartOfDay(MonthRange.CHINA).toInstant();
        long up = 0;
        long down = 0;
        Map<Long, long[]> perInstitution = new TreeMap<>(); // upSent, upReceived, downSent, downReceived
        Map<Long, String> names = new TreeMap<>();
        for (ReferralFact f : store.facts(DataScope.community(communityId), start, end)) {
            if (!f.arrived() || f.arrivedAt().isBefore(start) || !f.arrivedAt().isBefore(end)) {
                continue;
            }
            names.put(f.fromInstitution(), f.fromName());
            names.put(f.toInstitution(), f.toName());
            int side = f.direction() == Direction.UP ? 0 : 2;
            perInstitution.computeIfAbsent(f.fromInstitution(), k -> new long[4])[side]++;
            perInstitution.computeIfAbsent(f.toInstitution(), k -> new long[4])[side + 1]++;
            if (f.direction() == Direction.UP) {
                up++;
            } else {
                down++;
            }
        }
        List<CompletedReferrals.Institution> institutions = perInstitution.entrySet().stream()
                .map(e -> new CompletedReferrals.Institution(e.getKey(), names.get(e.getKey()), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2], e.getValue()[3]))
                .toList();
        return new CompletedReferrals(up, down, institutions);
    }

    /** The months {@code from}–{@code to} inclusive. */
    public CompletedReferrals counts(long communityId, YearMonth from, YearMonth to) {
        return counts(communityId, from.atDay(1), to.plusMonths(1).atDay(1));
    }

    /** Adds an event inside the range to its month's cells and the range's cells. */
    private static void addEvent(Map<Key, ReferralTally> cells, List<Key> where, MonthRange range, Instant at, ReferralFact f,
                                 java.util.function.BiConsumer<ReferralTally, ReferralFact> event) {
        int period = at == null ? -1 : range.indexOf(YearMonth.from(at.atZone(MonthRange.CHINA)));
        if (period < 0) {
            return;
        }
        for (Key k : where) {
            event.accept(cells.computeIfAbsent(k, x -> new ReferralTally()), f);
            event.accept(cells.computeIfAbsent(new Key(k.view(), k.institution(), period), x -> new ReferralTally()), f);
        }
    }

    /**
     * Upward referrals sent in the range (by submission, or by arrival for an emergency entered
     * afterwards; drafts never count) by principal-diagnosis category: where the township needs capability.
     */
    private static List<ReferralDashboard.DiseaseRank> topDiseases(List<ReferralFact> facts, MonthRange range, boolean perInstitution) {
        Map<Long, Map<String, Map<String, Long>>> bySender = new TreeMap<>(); // -1: the scope as a whole
        Map<Long, String> names = new TreeMap<>();
        for (ReferralFact f : facts) {
            if (f.direction() != Direction.UP || f.principalDiagnosis() == null || f.sentAt() == null
                    || range.indexOf(YearMonth.from(f.sentAt().atZone(MonthRange.CHINA))) < 0) {
                continue;
            }
            names.put(f.fromInstitution(), f.fromName());
            String code = f.principalDiagnosis().strip().toUpperCase(java.util.Locale.ROOT);
            String category = code.length() <= 3 ? code : code.substring(0, 3);
            List<Long> senders = perInstitution ? List.of(-1L, f.fromInstitution()) : List.of(-1L);
            for (long s : senders) {
                bySender.computeIfAbsent(s, k -> new TreeMap<>()).computeIfAbsent(category, k -> new TreeMap<>())
                        .merge(code, 1L, Long::sum);
            }
        }
        List<ReferralDashboard.DiseaseRank> out = new ArrayList<>();
        bySender.forEach((sender, categories) -> {
            long all = categories.values().stream().flatMap(c -> c.values().stream()).mapToLong(Long::longValue).sum();
            List<Map.Entry<String, Map<String, Long>>> ranked = categories.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<String, Map<String, Long>> e) -> -sum(e.getValue()))
                            .thenComparing(Map.Entry::getKey))
                    .limit(TOP).toList();
            for (int i = 0; i < ranked.size(); i++) {
                var e = ranked.get(i);
                long n = sum(e.getValue());
                List<ReferralDashboard.CodeCount> codes = e.getValue().entrySet().stream()
                        .sorted(Comparator.comparingLong((Map.Entry<String, Long> c) -> -c.getValue()).thenComparing(Map.Entry::getKey))
                        .map(c -> new ReferralDashboard.CodeCount(c.getKey(), c.getValue())).toList();
                out.add(new ReferralDashboard.DiseaseRank(sender < 0 ? null : sender, sender < 0 ? null : names.get(sender), i + 1,
                        e.getKey(), n, all, ReferralFigures.round(100.0 * n / all, 1), codes));
            }
        });
        return out;
    }

    private static long sum(Map<String, Long> codes) {
        return codes.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * 下转率 (MC17 with the 同期上转人次 denominator): completed downward referrals sent ÷ completed
     * upward referrals received, for the scope and for every institution that received or sent any.
     */
    private static List<ReferralDashboard.DownReferralRate> downReferralRates(Map<Key, ReferralTally> cells, Map<Long, String> names,
                                                                              MonthRange range, boolean perInstitution) {
        List<ReferralDashboard.DownReferralRate> out = new ArrayList<>();
        for (int p = -1; p < range.size(); p++) {
            ReferralTally all = cells.get(new Key(ReferralDashboard.View.COMMUNITY, -1, p));
            out.add(rate(null, null, p, range, all.arrivedDown(), all.arrivedUp()));
        }
        if (perInstitution) {
            for (long institution : names.keySet()) {
                for (int p = -1; p < range.size(); p++) {
                    ReferralTally sent = cells.get(new Key(ReferralDashboard.View.SENDING, institution, p));
                    ReferralTally received = cells.get(new Key(ReferralDashboard.View.RECEIVING, institution, p));
                    long down = sent == null ? 0 : sent.arrivedDown();
                    long up = received == null ? 0 : received.arrivedUp();
                    if (p < 0 && down == 0 && up == 0) {
                        break; // neither receives upward nor sends downward referrals: not a referral centre
                    }
                    out.add(rate(institution, names.get(institution), p, range, down, up));
                }
            }
        }
        return out;
    }

    private static ReferralDashboard.DownReferralRate rate(Long institution, String name, int period, MonthRange range, long down,
                                                           long up) {
        return new ReferralDashboard.DownReferralRate(institution, name, period < 0 ? null : range.month(period).toString(), down, up,
                ReferralFigures.Rate.of(down, up).percent());
    }
}
