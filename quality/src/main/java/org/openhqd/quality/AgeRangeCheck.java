package org.openhqd.quality;

import java.util.List;

/**
 * AGE_RANGE — codes that belong to an age band (perinatal P codes for the first 28 days, pregnancy
 * codes for 10–60 years, senile cataract from 40) on a patient outside it (R-S2). Ages that do not
 * read are left to the age rules. Parameters: {@code list}, {@code codes}, {@code position}
 * ({@code any}, the default, or {@code principal}), and at least one of {@code age_min}, {@code
 * age_max} (years) and {@code days_max} (age in days; years × 365 when no age in days is given).
 */
final class AgeRangeCheck implements Check {

    private final CodeList list;
    private final CodeRanges codes;
    private final boolean principalOnly;
    private final long ageMin;
    private final long ageMax;
    private final long daysMax;

    AgeRangeCheck(Params p) {
        this.list = p.list("list");
        this.codes = p.codes("codes");
        this.principalOnly = p.choice("position", "any", "principal").equals("principal");
        this.ageMin = (long) p.number("age_min", -1);
        this.ageMax = (long) p.number("age_max", -1);
        this.daysMax = (long) p.number("days_max", -1);
        if (ageMin < 0 && ageMax < 0 && daysMax < 0) {
            throw new IllegalArgumentException("give at least one of 'age_min', 'age_max', 'days_max'");
        }
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        long years = ctx.ageYears();
        long days = ctx.ageDays();
        boolean outside = (ageMin >= 0 && years >= 0 && years < ageMin)
                || (ageMax >= 0 && years >= 0 && years > ageMax)
                || (daysMax >= 0 && days >= 0 && days > daysMax);
        if (!outside) {
            return;
        }
        List<String> all = list.codes(ctx);
        int n = principalOnly ? Math.min(1, all.size()) : all.size();
        for (int i = 0; i < n; i++) {
            if (codes.contains(all.get(i))) {
                hits.add(list.label(i), all.get(i), years + "/" + days);
            }
        }
    }
}
