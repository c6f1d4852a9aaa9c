package org.openhqd.quality;

import java.util.List;

/**
 * SEX_SPECIFIC — codes restricted to one sex on a patient of the other (R-S1; 国家医保局 "两库"
 * diagnosis–sex lists). Always a warning at most: clinical exceptions and intersex patients exist.
 * Parameters: {@code list}, {@code sex} (the patient sex that makes the codes suspicious, {@code 1}
 * or {@code 2}), {@code codes}.
 */
final class SexSpecificCheck implements Check {

    private final CodeList list;
    private final String sex;
    private final CodeRanges codes;

    SexSpecificCheck(Params p) {
        this.list = p.list("list");
        this.sex = p.choice("sex", "1", "2");
        this.codes = p.codes("codes");
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        if (!sex.equals(ctx.sex())) {
            return;
        }
        List<String> all = list.codes(ctx);
        for (int i = 0; i < all.size(); i++) {
            if (codes.contains(all.get(i))) {
                hits.add(list.label(i), all.get(i), ctx.record.sex());
            }
        }
    }
}
