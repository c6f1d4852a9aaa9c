package org.openhqd.quality;

import java.util.List;
import java.util.Optional;
import org.openhqd.casemix.drg.Scheme;

/**
 * CODE_MAPPED — a code outside the dictionary that the scheme's code map converts (a clinical or
 * older code version on a settlement list). The converted code is the suggested fix. Parameter:
 * {@code list}.
 */
final class CodeMappedCheck implements Check {

    private final CodeList list;

    CodeMappedCheck(Params p) {
        this.list = p.list("list");
    }

    @Override
    public String skipReason(Scheme scheme) {
        return list.hasMap(scheme) ? null : "scheme " + scheme.info().id() + " ships no " + list.field + " code map";
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        List<String> codes = list.codes(ctx);
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code.isEmpty() || ctx.dictionaryName(list, i) != null) {
                continue;
            }
            Optional<String> target = list.mapping(ctx.scheme, code).filter(t -> !t.equals(code));
            if (target.isPresent()) {
                String t = target.get();
                hits.add(list.label(i), code, t, new SuggestedFix(
                        list.lineZh(i) + "编码 '" + code + "' 按方案对照表改为 '" + t + "'",
                        list.label(i) + " '" + code + "' → '" + t + "' (scheme code map)",
                        CaseEdits.replace(ctx.inpatientCase(), list, i, t)));
            }
        }
    }
}
