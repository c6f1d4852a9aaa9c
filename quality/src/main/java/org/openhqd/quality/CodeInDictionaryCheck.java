package org.openhqd.quality;

import java.util.List;
import org.openhqd.casemix.drg.Scheme;

/**
 * CODE_IN_DICTIONARY — every filled code is in the scheme's dictionary (the settlement list must use
 * the insurance code version). When the normaliser can repair the code (letter case, blanks,
 * full-width characters, dots) the repair is the suggested fix and the case is regrouped with it.
 * Parameters: {@code list}; {@code except_mapped=true} leaves codes the scheme's map converts to
 * CODE_MAPPED.
 */
final class CodeInDictionaryCheck implements Check {

    private final CodeList list;
    private final boolean exceptMapped;

    CodeInDictionaryCheck(Params p) {
        this.list = p.list("list");
        this.exceptMapped = p.choice("except_mapped", "false", "true").equals("true");
    }

    @Override
    public String skipReason(Scheme scheme) {
        return list.hasDictionary(scheme) ? null
                : "scheme " + scheme.info().id() + " ships no " + list.field + " dictionary";
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        List<String> codes = list.codes(ctx);
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code.isEmpty() || ctx.dictionaryName(list, i) != null) {
                continue;
            }
            if (exceptMapped && list.mapping(ctx.scheme, code).filter(t -> !t.equals(code)).isPresent()) {
                continue;
            }
            String repaired = list.codes(ctx.normalisation().normalised()).get(i);
            SuggestedFix fix = null;
            if (!repaired.equals(code) && list.dictionaryName(ctx.scheme, repaired).isPresent()) {
                fix = new SuggestedFix(list.lineZh(i) + "编码 '" + code + "' 改为字典编码 '" + repaired + "'",
                        list.label(i) + " '" + code + "' → dictionary code '" + repaired + "'",
                        CaseEdits.replace(ctx.inpatientCase(), list, i, repaired));
            }
            hits.add(list.label(i), code, ctx.scheme.info().id(), fix);
        }
    }
}
