package org.openhqd.quality;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DUPLICATE_CODES — a code repeated in the list (R-P7). Each repetition is a finding whose fix is
 * to remove it. {@code distinct_by=code_and_date} (procedures) lets the same procedure repeat on
 * different dates. Parameters: {@code list}, {@code distinct_by} ({@code code} or {@code code_and_date}).
 */
final class DuplicateCodesCheck implements Check {

    private final CodeList list;
    private final boolean byDate;

    DuplicateCodesCheck(Params p) {
        this.list = p.list("list");
        this.byDate = p.choice("distinct_by", "code", "code_and_date").equals("code_and_date");
        if (byDate && list != CodeList.PROCEDURES) {
            throw new IllegalArgumentException("distinct_by=code_and_date applies to procedures only");
        }
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        List<String> codes = list.codes(ctx);
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (Text.blank(code)) {
                continue;
            }
            String key = byDate ? code + "\t" + ctx.record.procedures().get(i).date().strip() : code;
            Integer earlier = first.putIfAbsent(key, i);
            if (earlier != null) {
                hits.add(list.label(i), code, list.label(earlier), new SuggestedFix(
                        "删除重复的" + list.lineZh(i) + " '" + code + "'",
                        "remove the repeated " + list.label(i) + " '" + code + "'",
                        CaseEdits.remove(ctx.inpatientCase(), list, i)));
            }
        }
    }
}
