package org.openhqd.quality;

import java.util.List;
import java.util.Optional;
import org.openhqd.casemix.drg.InpatientCase;
import org.openhqd.casemix.drg.Scheme;

/** The two coded lists of a record, with their dictionary, map and grouping-case counterparts. */
enum CodeList {
    DIAGNOSES("diagnoses", "诊断"),
    PROCEDURES("procedures", "手术操作");

    final String field;
    final String zh;

    CodeList(String field, String zh) {
        this.field = field;
        this.zh = zh;
    }

    /** The codes of a record, principal first (the grouping case's lists, built once per record). */
    List<String> codes(CheckContext ctx) {
        return codes(ctx.inpatientCase());
    }

    List<String> codes(InpatientCase c) {
        return this == DIAGNOSES ? c.diagnoses() : c.procedures();
    }

    String label(int index) {
        return field + "[" + index + "].code";
    }

    boolean hasDictionary(Scheme s) {
        return this == DIAGNOSES ? s.hasDiagnosisDictionary() : s.hasProcedureDictionary();
    }

    boolean hasMap(Scheme s) {
        return this == DIAGNOSES ? s.hasDiagnosisMap() : s.hasProcedureMap();
    }

    Optional<String> dictionaryName(Scheme s, String code) {
        return this == DIAGNOSES ? s.diagnosisName(code) : s.procedureName(code);
    }

    Optional<String> mapping(Scheme s, String code) {
        return this == DIAGNOSES ? s.diagnosisMapping(code) : s.procedureMapping(code);
    }

    /** "主要诊断" / "第 3 诊断" for messages about one line. */
    String lineZh(int index) {
        if (this == DIAGNOSES) {
            return index == 0 ? "主要诊断" : "第 " + (index + 1) + " 诊断";
        }
        return index == 0 ? "主手术" : "第 " + (index + 1) + " 手术操作";
    }
}
