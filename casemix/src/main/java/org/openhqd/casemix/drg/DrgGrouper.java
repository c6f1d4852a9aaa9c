package org.openhqd.casemix.drg;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups inpatient cases with one {@link Scheme}, exactly as the scheme's README defines the
 * algorithm (MDC loop with fall-through, ADRG entry rules in step order, DRG splits by MCC/CC with
 * the principal diagnosis' exclusion table, and the optional age and length-of-stay clauses).
 *
 * <p>Immutable and thread-safe: build one per scheme and share it. {@link #group(InpatientCase)}
 * never throws on bad input; it returns {@link GroupingStatus#INVALID} with the reason. Without
 * an explanation no trace is built at all.
 */
public final class DrgGrouper {

    private final Scheme scheme;
    private final Mdc[] mdcs;
    private final Membership lists;
    /** MDCs (bit = position) entered without a principal-diagnosis list test, e.g. MDC A. */
    private final long mdcsWithoutDxList;

    private DrgGrouper(Scheme scheme) {
        this.scheme = scheme;
        this.mdcs = scheme.mdcs.toArray(Mdc[]::new);
        this.lists = scheme.membership;
        long without = 0;
        for (Mdc m : mdcs) {
            if (!m.principalDxInList) {
                without |= 1L << m.position;
            }
        }
        this.mdcsWithoutDxList = without;
    }

    public static DrgGrouper of(Scheme scheme) {
        return new DrgGrouper(scheme);
    }

    public Scheme scheme() {
        return scheme;
    }

    /** Groups without an explanation (the fast path). */
    public GroupingResult group(InpatientCase c) {
        return new Run(c, null).run();
    }

    /** Groups and records every step that decided the result. */
    public GroupingResult explain(InpatientCase c) {
        return new Run(c, new ArrayList<>()).run();
    }

    public GroupingResult group(InpatientCase c, boolean explain) {
        return explain ? explain(c) : group(c);
    }

    /**
     * Whether the grouper reads this text as a number (see {@link InpatientCase}): empty, or a
     * Java double literal. Anything else makes a case invalid.
     */
    public static boolean readsAsNumber(String text) {
        return readNumber(text) != NOT_A_NUMBER;
    }

    /** Sentinel returned by {@link #readNumber} for text that is not a number. */
    private static final long NOT_A_NUMBER = Long.MIN_VALUE;

    /**
     * Reads a numeric field as the reference does: empty is 0; otherwise a Java double literal
     * (surrounding characters up to U+0020 ignored, sign, decimals, exponent, f/d suffix, NaN,
     * Infinity, hexadecimal) truncated toward zero and saturated to an int.
     */
    static long readNumber(String text) {
        int n = text.length();
        if (n == 0) {
            return 0;
        }
        if (n <= 9) { // fast path: plain digits, the common case
            int v = 0;
            boolean digits = true;
            for (int i = 0; i < n; i++) {
                char ch = text.charAt(i);
                if (ch < '0' || ch > '9') {
                    digits = false;
                    break;
                }
                v = v * 10 + (ch - '0');
            }
            if (digits) {
                return v;
            }
        }
        try {
            return (int) Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return NOT_A_NUMBER;
        }
    }

    /** The evaluation of one case; holds the case's resolved codes. */
    private final class Run {
        private final InpatientCase c;
        private final List<Step> trace;
        private List<Problem> problems;
        private int age;
        private int ageDays;
        private int birthWeight;
        private int los;
        private String sex;
        private int[] dx;
        private int[] procs;
        private int pdx;
        /** The MDCs whose principal-diagnosis list holds the principal diagnosis (bit = position). */
        private long pdxMdcs;
        private boolean hasPproc;
        /** 0 = not computed, 1 = false, 2 = true. */
        private byte mcc;
        private byte cc;

        Run(InpatientCase c, List<Step> trace) {
            this.c = c;
            this.trace = trace;
        }

        GroupingResult run() {
            if (!read()) {
                return finish(GroupingStatus.INVALID, "", "", "", "");
            }
            // only MDCs whose list holds the principal diagnosis, or that test no list, can be
            // entered: walk those bits in evaluation order instead of testing all 26 MDCs
            for (long candidates = pdxMdcs | mdcsWithoutDxList; candidates != 0; candidates &= candidates - 1) {
                Mdc mdc = mdcs[Long.numberOfTrailingZeros(candidates)];
                if (!enters(mdc)) {
                    continue;
                }
                for (EntryRule rule : mdc.enabledRules) {
                    if (holds(rule)) {
                        return chosen(mdc, rule);
                    }
                }
                if (trace != null) {
                    step(Step.Kind.MDC, mdc.code, "", mdc.code + " 内无入组规则符合，继续下一 MDC",
                            "no entry rule of " + mdc.code + " holds; trying the next MDC");
                }
                problem(ProblemCode.NO_ADRG_IN_ENTERED_MDC, "", -1, mdc.code, "");
            }
            if (problems == null || problems.stream().noneMatch(p -> p.code() == ProblemCode.NO_ADRG_IN_ENTERED_MDC)) {
                problem(ProblemCode.NO_MDC, "diagnoses", 0, dxCode(0), "");
            }
            if (trace != null) {
                step(Step.Kind.RESULT, "", "", "无法入组（0000）", "ungroupable (0000)");
            }
            return finish(GroupingStatus.UNGROUPABLE, "", "", "", "");
        }

        // ---- reading and validation (scheme README §3) ----

        private boolean read() {
            long a = number("age", c.age());
            long d = number("age_days", c.ageDays());
            long w = number("birth_weight", c.birthWeight());
            long l = number("los", c.los());
            boolean valid = a != NOT_A_NUMBER && d != NOT_A_NUMBER && w != NOT_A_NUMBER && l != NOT_A_NUMBER;
            if (valid) {
                age = (int) a;
                ageDays = (int) d;
                birthWeight = (int) w;
                los = (int) l;
                if (c.sex().isEmpty()) {
                    problem(ProblemCode.SEX_EMPTY, "sex", -1, "", "");
                    valid = false;
                } else if (age == 0 && ageDays <= 28 && birthWeight == 0) {
                    problem(ProblemCode.NEWBORN_WITHOUT_WEIGHT, "birth_weight", -1, c.birthWeight(), "");
                    valid = false;
                }
            }
            if (!valid) {
                if (trace != null) {
                    step(Step.Kind.RESULT, "", "", "信息校验不通过，未分组", "invalid input, not grouped");
                }
                return false;
            }
            sex = normaliseSex(c.sex());
            if (!"1".equals(sex) && !"2".equals(sex)) {
                problem(ProblemCode.SEX_UNRECOGNISED, "sex", -1, c.sex(), "");
            }
            List<String> dxCodes = c.diagnoses();
            dx = new int[dxCodes.size()];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = scheme.dx.id(dxCodes.get(i));
                if (!scheme.dx.inDictionary(dx[i]) && scheme.dx.hasDictionary()) {
                    unknownCode(ProblemCode.DIAGNOSIS_NOT_IN_DICTIONARY, "diagnoses", i, dxCodes.get(i));
                }
            }
            pdx = dx.length == 0 ? CodeTable.UNKNOWN : dx[0];
            pdxMdcs = lists.mdcsOf(pdx);
            if (dx.length == 0 || dxCodes.get(0).isEmpty()) {
                problem(ProblemCode.PRINCIPAL_DIAGNOSIS_EMPTY, "diagnoses", 0, "", "");
            }
            List<String> procCodes = c.procedures();
            procs = new int[procCodes.size()];
            for (int i = 0; i < procs.length; i++) {
                procs[i] = scheme.proc.id(procCodes.get(i));
                if (!scheme.proc.inDictionary(procs[i]) && scheme.proc.hasDictionary()) {
                    unknownCode(ProblemCode.PROCEDURE_NOT_IN_DICTIONARY, "procedures", i, procCodes.get(i));
                }
            }
            hasPproc = procs.length > 0;
            if (trace != null) {
                step(Step.Kind.CHECK, "", "", "读取：性别 " + sex + "，年龄 " + age + " 岁，日龄 " + ageDays + " 天，出生体重 "
                                + birthWeight + " 克，住院 " + los + " 天，诊断 " + dx.length + " 个，手术操作 " + procs.length + " 个",
                        "read: sex " + sex + ", age " + age + " years, " + ageDays + " days, birth weight " + birthWeight
                                + " g, stay " + los + " days, " + dx.length + " diagnoses, " + procs.length + " procedures");
            }
            return true;
        }

        private long number(String field, String text) {
            long v = readNumber(text);
            if (v == NOT_A_NUMBER) {
                problem(ProblemCode.NUMBER_UNPARSEABLE, field, -1, text, "");
            }
            return v;
        }

        private void unknownCode(ProblemCode code, String field, int index, String value) {
            Problem p = problem(code, field, index, value, scheme.info.id());
            if (trace != null) {
                step(Step.Kind.CHECK, "", value, p.zh(), p.en());
            }
        }

        // ---- MDC entry (README §4 step 1) ----

        private boolean enters(Mdc mdc) {
            if (mdc.principalDxInList && (pdxMdcs & (1L << mdc.position)) == 0) {
                return false;
            }
            if (mdc.principalProcValid && !(hasPproc && scheme.validProcs.contains(procs[0]))) {
                return false;
            }
            if (mdc.sex != null && !mdc.sex.equals(sex)) {
                return false;
            }
            if (mdc.ageYearsEq != Drg.ABSENT && age != mdc.ageYearsEq) {
                return false;
            }
            long regions = 0;
            if (mdc.minTraumaRegions > 0) {
                regions = mdc.traumaRegions(dx);
                if (Long.bitCount(regions) < mdc.minTraumaRegions) {
                    return false;
                }
            }
            if (trace != null) {
                traceEntry(mdc, regions);
            }
            return true;
        }

        private void traceEntry(Mdc mdc, long regions) {
            StringBuilder zh = new StringBuilder("进入 ").append(mdc.code).append("：");
            StringBuilder en = new StringBuilder("entered ").append(mdc.code).append(": ");
            String code = "";
            if (mdc.principalDxInList) {
                code = dxCode(0);
                zh.append("主要诊断 ").append(code).append(" 在其诊断表中");
                en.append("principal diagnosis ").append(code).append(" is on its list");
            }
            if (mdc.principalProcValid) {
                code = procCode(0);
                zh.append("主手术 ").append(code).append(" 为有效（手术室）操作");
                en.append("principal procedure ").append(code).append(" is a valid (OR) procedure");
            }
            if (mdc.sex != null) {
                zh.append("，性别 ").append(sex);
                en.append(", sex ").append(sex);
            }
            if (mdc.ageYearsEq != Drg.ABSENT) {
                zh.append("，年龄 ").append(age).append(" 岁");
                en.append(", age ").append(age).append(" years");
            }
            if (mdc.minTraumaRegions > 0) {
                List<String> names = new ArrayList<>();
                for (int i = 0; i < mdc.traumaRegionNames.size(); i++) {
                    if ((regions & (1L << i)) != 0) {
                        names.add(mdc.traumaRegionNames.get(i));
                    }
                }
                zh.append("，多发创伤部位 ").append(names.size()).append(" 个 ").append(names);
                en.append(", multiple trauma in ").append(names.size()).append(" regions ").append(names);
            }
            step(Step.Kind.MDC, mdc.code, code, zh.toString(), en.toString());
        }

        // ---- entry rules (README §4 step 2) ----

        private boolean holds(EntryRule r) {
            switch (r.dxScope) {
                case PRINCIPAL -> {
                    if (!lists.dxInRuleList(pdx, r)) {
                        return false;
                    }
                }
                case ANY -> {
                    if (!anyDxInRuleList(r, 0)) {
                        return false;
                    }
                }
                case SECONDARY -> {
                    if (!anyDxInRuleList(r, 1)) {
                        return false;
                    }
                }
                case NONE -> { }
            }
            switch (r.procScope) {
                case PRINCIPAL -> {
                    if (!hasPproc || !lists.procInRuleListA(procs[0], r)) {
                        return false;
                    }
                }
                case ANY -> {
                    if (!anyProcInRuleListA(r)) {
                        return false;
                    }
                }
                case ANY_A_AND_B -> {
                    if (!anyProcInRuleListA(r) || firstIn(r.procListB, procs, 0) < 0) {
                        return false;
                    }
                }
                case TAGS -> {
                    if (!r.tagRule.holds(r.tagRule.tagsOf(procs))) {
                        return false;
                    }
                }
                case NONE -> { }
            }
            switch (r.validProc) {
                case PRINCIPAL_VALID -> {
                    if (!hasPproc || !scheme.validProcs.contains(procs[0])) {
                        return false;
                    }
                }
                case NONE_VALID -> {
                    if (firstIn(scheme.validProcs, procs, 0) >= 0) {
                        return false;
                    }
                }
                case ANY_VALID -> {
                    if (firstIn(scheme.validProcs, procs, 0) < 0) {
                        return false;
                    }
                }
                case NONE -> { }
            }
            return (r.ageDaysMax == Drg.ABSENT || ageDays <= r.ageDaysMax)
                    && (r.weightMin == Drg.ABSENT || birthWeight >= r.weightMin)
                    && (r.weightMaxExcl == Drg.ABSENT || birthWeight < r.weightMaxExcl);
        }

        private GroupingResult chosen(Mdc mdc, EntryRule rule) {
            if (trace != null) {
                traceRule(mdc, rule);
            }
            if (rule.qy) {
                String drg = mdc.letter + "QY";
                if (trace != null) {
                    step(Step.Kind.RESULT, rule.id, "", "歧义病案 " + drg + "：手术室手术与主要诊断不相关",
                            "ambiguous " + drg + ": operating-room procedure unrelated to the principal diagnosis");
                }
                return finish(GroupingStatus.AMBIGUOUS, mdc.code, "", drg, "");
            }
            for (Drg drg : rule.drgs) {
                if (drg.demographicsHold(age, los) && complicationHolds(drg.complication)) {
                    if (trace != null) {
                        traceDrg(drg);
                    }
                    return finish(GroupingStatus.OK, mdc.code, rule.adrgCode, drg.code, drg.name);
                }
            }
            // the source reports the ADRG code itself when no DRG row holds (Beijing RC1/RC2/RE1, los < 1)
            if (trace != null) {
                step(Step.Kind.DRG, rule.adrgCode, "", "ADRG " + rule.adrgCode + " 的细分组条件均不满足（如住院天数 " + los
                                + "），按参考分组器以 ADRG 编码作为 DRG",
                        "no DRG of " + rule.adrgCode + " holds (e.g. stay of " + los
                                + " days); as the reference grouper does, the ADRG code is reported as the DRG");
            }
            return finish(GroupingStatus.OK, mdc.code, rule.adrgCode, rule.adrgCode, "");
        }

        private void traceRule(Mdc mdc, EntryRule r) {
            List<String> zh = new ArrayList<>();
            List<String> en = new ArrayList<>();
            String decisive = "";
            switch (r.dxScope) {
                case PRINCIPAL -> {
                    decisive = dxCode(0);
                    zh.add("主要诊断 " + decisive + " 在 " + r.id + " 诊断表中");
                    en.add("principal diagnosis " + decisive + " is on the " + r.id + " diagnosis list");
                }
                case ANY, SECONDARY -> {
                    int i = firstIn(r.dxList, dx, r.dxScope == EntryRule.DxScope.ANY ? 0 : 1);
                    decisive = dxCode(i);
                    String which = i == 0 ? "主要诊断" : "第 " + (i + 1) + " 诊断（其他诊断）";
                    zh.add(which + " " + decisive + " 在 " + r.id + " 诊断表中");
                    en.add((i == 0 ? "principal" : "secondary") + " diagnosis " + decisive + " (position " + (i + 1)
                            + ") is on the " + r.id + " diagnosis list");
                }
                case NONE -> { }
            }
            switch (r.procScope) {
                case PRINCIPAL -> {
                    decisive = decisive.isEmpty() ? procCode(0) : decisive;
                    zh.add("主手术 " + procCode(0) + " 在 " + r.id + " 手术表 A 中");
                    en.add("principal procedure " + procCode(0) + " is on list A of " + r.id);
                }
                case ANY -> {
                    String p = procCode(firstIn(r.procListA, procs, 0));
                    decisive = decisive.isEmpty() ? p : decisive;
                    zh.add("手术 " + p + " 在 " + r.id + " 手术表 A 中");
                    en.add("procedure " + p + " is on list A of " + r.id);
                }
                case ANY_A_AND_B -> {
                    String a = procCode(firstIn(r.procListA, procs, 0));
                    String b = procCode(firstIn(r.procListB, procs, 0));
                    decisive = decisive.isEmpty() ? a : decisive;
                    zh.add("手术 " + a + " 在表 A、" + b + " 在表 B 中");
                    en.add("procedure " + a + " is on list A and " + b + " on list B of " + r.id);
                }
                case TAGS -> {
                    long tags = r.tagRule.tagsOf(procs);
                    zh.add("手术标签 " + r.tagRule.describe(tags) + " 满足标签规则 " + r.tagRule.text);
                    en.add("procedure tags " + r.tagRule.describe(tags) + " satisfy tag rule " + r.tagRule.text);
                }
                case NONE -> { }
            }
            switch (r.validProc) {
                case PRINCIPAL_VALID -> {
                    zh.add("主手术 " + procCode(0) + " 为有效（手术室）操作");
                    en.add("principal procedure " + procCode(0) + " is a valid (OR) procedure");
                }
                case NONE_VALID -> {
                    zh.add("无有效（手术室）操作");
                    en.add("no valid (OR) procedure");
                }
                case ANY_VALID -> {
                    String p = procCode(firstIn(scheme.validProcs, procs, 0));
                    zh.add("手术 " + p + " 为有效（手术室）操作");
                    en.add("procedure " + p + " is a valid (OR) procedure");
                }
                case NONE -> { }
            }
            if (r.ageDaysMax != Drg.ABSENT) {
                zh.add("日龄 " + ageDays + " ≤ " + r.ageDaysMax);
                en.add("age in days " + ageDays + " <= " + r.ageDaysMax);
            }
            if (r.weightMin != Drg.ABSENT) {
                zh.add("出生体重 " + birthWeight + " ≥ " + r.weightMin);
                en.add("birth weight " + birthWeight + " >= " + r.weightMin);
            }
            if (r.weightMaxExcl != Drg.ABSENT) {
                zh.add("出生体重 " + birthWeight + " < " + r.weightMaxExcl);
                en.add("birth weight " + birthWeight + " < " + r.weightMaxExcl);
            }
            if (zh.isEmpty()) {
                zh.add("无条件");
                en.add("unconditional");
            }
            String target = r.qy ? "歧义检查点 " + r.id : "ADRG " + r.adrgCode + (r.id.equals(r.adrgCode) ? "" : "（规则 " + r.id + "）");
            String targetEn = r.qy ? "QY checkpoint " + r.id : "ADRG " + r.adrgCode + (r.id.equals(r.adrgCode) ? "" : " (rule " + r.id + ")");
            step(Step.Kind.ADRG, r.id, decisive, mdc.code + " 第 " + r.step + " 步 " + target + "：" + String.join("，", zh),
                    mdc.code + " step " + r.step + " " + targetEn + ": " + String.join(", ", en));
        }

        private void traceDrg(Drg drg) {
            if (drg.complication != Complication.ALWAYS || dx.length > 1) {
                traceComplications();
            }
            String cond = switch (drg.complication) {
                case ALWAYS -> "无并发症条件";
                case MCC -> "有严重并发症或合并症（MCC）";
                case MCC_OR_CC -> "有并发症或合并症（MCC 或 CC）";
            };
            String condEn = switch (drg.complication) {
                case ALWAYS -> "no complication condition";
                case MCC -> "has an MCC";
                case MCC_OR_CC -> "has an MCC or CC";
            };
            if (drg.ageYearsMax != Drg.ABSENT) {
                cond += "，年龄 " + age + " ≤ " + drg.ageYearsMax;
                condEn += ", age " + age + " <= " + drg.ageYearsMax;
            }
            if (drg.losMin != Drg.ABSENT) {
                cond += "，住院 " + los + " ≥ " + drg.losMin + " 天";
                condEn += ", stay " + los + " >= " + drg.losMin + " days";
            }
            if (drg.losMaxExcl != Drg.ABSENT) {
                cond += "，住院 " + los + " < " + drg.losMaxExcl + " 天";
                condEn += ", stay " + los + " < " + drg.losMaxExcl + " days";
            }
            step(Step.Kind.DRG, drg.code, "", "DRG " + drg.code + " " + drg.name + "：" + cond,
                    "DRG " + drg.code + ": " + condEn);
            step(Step.Kind.RESULT, "", "", "入组 " + drg.code, "grouped to " + drg.code);
        }

        /** One step per secondary diagnosis found on the MCC or CC table, counted or excluded. */
        private void traceComplications() {
            int e = scheme.pdxExclusion.length > 0 && pdx >= 0 ? scheme.pdxExclusion[pdx] : -1;
            for (int i = 1; i < dx.length; i++) {
                int id = dx[i];
                if (id < 0) {
                    continue;
                }
                int t = scheme.mccTable[id];
                String kind = "MCC";
                if (t == Scheme.NOT_LISTED) {
                    t = scheme.ccTable[id];
                    kind = "CC";
                }
                if (t == Scheme.NOT_LISTED) {
                    continue;
                }
                String code = dxCode(i);
                String table = t >= 0 ? scheme.exclusionTableNames[t] : "";
                if (e >= 0 && t == e) {
                    step(Step.Kind.COMPLICATION, "排除表 " + table, code,
                            "其他诊断 " + code + " 为 " + kind + "，但被主要诊断 " + dxCode(0) + " 的排除表 " + table + " 排除",
                            "secondary " + code + " is a " + kind + " but excluded by exclusion table " + table
                                    + " of principal " + dxCode(0));
                } else {
                    step(Step.Kind.COMPLICATION, kind, code,
                            "其他诊断 " + code + " 为 " + kind + (table.isEmpty() ? "" : "（排除表 " + table + "）") + "，计入",
                            "secondary " + code + " is a " + kind + (table.isEmpty() ? "" : " (exclusion table " + table + ")")
                                    + ", counted");
                }
            }
        }

        // ---- complications (README §4 step 3) ----

        private boolean complicationHolds(Complication c) {
            return switch (c) {
                case ALWAYS -> true;
                case MCC -> hasMcc();
                case MCC_OR_CC -> hasMcc() || hasCc();
            };
        }

        private boolean hasMcc() {
            if (mcc == 0) {
                mcc = has(scheme.mccTable) ? (byte) 2 : (byte) 1;
            }
            return mcc == 2;
        }

        private boolean hasCc() {
            if (cc == 0) {
                cc = has(scheme.ccTable) ? (byte) 2 : (byte) 1;
            }
            return cc == 2;
        }

        /** HAS(T): some secondary diagnosis on table T that the principal's exclusion table does not cancel. */
        private boolean has(int[] table) {
            if (dx.length < 2) {
                return false;
            }
            int e = pdx >= 0 ? scheme.pdxExclusion[pdx] : -1;
            for (int i = 1; i < dx.length; i++) {
                int id = dx[i];
                if (id < 0) {
                    continue;
                }
                int t = table[id];
                if (t != Scheme.NOT_LISTED && !(e >= 0 && t == e)) {
                    return true;
                }
            }
            return false;
        }

        // ---- helpers ----

        private boolean anyDxInRuleList(EntryRule r, int from) {
            for (int i = from; i < dx.length; i++) {
                if (lists.dxInRuleList(dx[i], r)) {
                    return true;
                }
            }
            return false;
        }

        private boolean anyProcInRuleListA(EntryRule r) {
            for (int id : procs) {
                if (lists.procInRuleListA(id, r)) {
                    return true;
                }
            }
            return false;
        }

        private int firstIn(CodeSet set, int[] ids, int from) {
            for (int i = from; i < ids.length; i++) {
                if (set.contains(ids[i])) {
                    return i;
                }
            }
            return -1;
        }

        private String dxCode(int i) {
            List<String> d = c.diagnoses();
            return i >= 0 && i < d.size() ? d.get(i) : "";
        }

        private String procCode(int i) {
            List<String> p = c.procedures();
            return i >= 0 && i < p.size() ? p.get(i) : "";
        }

        private void step(Step.Kind kind, String rule, String code, String zh, String en) {
            trace.add(new Step(kind, rule, code, zh, en));
        }

        private Problem problem(ProblemCode code, String field, int index, String value, String detail) {
            if (problems == null) {
                problems = new ArrayList<>(2);
            }
            Problem p = new Problem(code, field, index, value, detail);
            problems.add(p);
            return p;
        }

        private GroupingResult finish(GroupingStatus status, String mdc, String adrg, String drg, String name) {
            return new GroupingResult(c.caseId(), status, mdc, adrg, drg, name, problems,
                    trace == null ? null : new Explanation(trace));
        }
    }

    static String normaliseSex(String sex) {
        if (sex.length() == 1 && (sex.charAt(0) == '1' || sex.charAt(0) == '2')) {
            return sex; // the common case, without hashing the string for the switch below
        }
        int dot = sex.indexOf('.');
        if (dot >= 0) {
            return sex.substring(0, dot);
        }
        return switch (sex) {
            case "男" -> "1";
            case "女" -> "2";
            default -> sex;
        };
    }
}
