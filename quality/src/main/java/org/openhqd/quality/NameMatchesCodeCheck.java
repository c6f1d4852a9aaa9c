package org.openhqd.quality;

import org.openhqd.casemix.drg.Scheme;

/**
 * NAME_MATCHES_CODE — a filled name equals the dictionary name of its code (名称与编码一致). Clinical
 * wording differs legitimately, so the shipped rule is advice. Parameter: {@code list}.
 */
final class NameMatchesCodeCheck implements Check {

    private final CodeList list;

    NameMatchesCodeCheck(Params p) {
        this.list = p.list("list");
    }

    @Override
    public String skipReason(Scheme scheme) {
        return list.hasDictionary(scheme) ? null
                : "scheme " + scheme.info().id() + " ships no " + list.field + " dictionary";
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        DischargeRecord r = ctx.record;
        int n = list == CodeList.DIAGNOSES ? r.diagnoses().size() : r.procedures().size();
        for (int i = 0; i < n; i++) {
            String code = list == CodeList.DIAGNOSES ? r.diagnoses().get(i).code() : r.procedures().get(i).code();
            String name = list == CodeList.DIAGNOSES ? r.diagnoses().get(i).name() : r.procedures().get(i).name();
            if (Text.blank(name)) {
                continue;
            }
            String official = code.isEmpty() ? null : ctx.dictionaryName(list, i);
            if (official != null && !official.isEmpty() && !official.equals(name.strip())) {
                hits.add(list.field + "[" + i + "].name", name, official);
            }
        }
    }
}
