package org.openhqd.casemix.drg;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups inpatient cases with one {@link Scheme}, exactly as the scheme's README defines the
 * algorithm (case reading, code checks of the principal codes, MDC loop with fall-through or stop,
 * ADRG entry rules in step order with the optional QY redirect, DRG splits by MCC/CC with the
 * principal diagnosis' exclusion table, and the optional age and length-of-stay clauses).
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
    /** The scheme's case reading is CHS-DRG 2.0's (README §3 of that scheme). */
    private final boolean reading20;
    /** Step 0 of CHS-DRG 2.0 applies: the 2.0 reading or some code-check list. */
    private final boolean checksCodes;

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
        this.reading20 = scheme.caseReading == CaseReading.CHS_DRG_20;
        this.checksCodes = reading20 || scheme.checks != CodeChecks.NONE;
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

    /**
     * Whether a scheme with this case reading reads the text as a number: for the 1.1 reading as
     * {@link #readsAsNumber(String)}; for the 2.0 reading empty or blank, or a JavaScript numeric
     * string after trimming (whether it is also in range is a separate check).
     */
    public static boolean readsAsNumber(String text, CaseReading reading) {
        if (reading == CaseReading.CHS_DRG_11) {
            return readsAsNumber(text);
        }
        String t = jsTrim(text);
        return t.isEmpty() || !Double.isNaN(jsNumber(t));
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

    /** Marks a number of the 2.0 reading that is absent, and one that made the case invalid. */
    private static final int ABSENT_NUMBER = -1;
    private static final int BAD_NUMBER = -2;

    private static String zh(int value, boolean present, String unit) {
        return present ? value + unit : "空";
    }

    private static String en(int value, boolean present, String unit) {
        return present ? value + unit : "empty";
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
        /** Whether each number was given; always true with the 1.1 reading, where empty is 0. */
        private boolean hasAge = true;
        private boolean hasAgeDays = true;
        private boolean hasWeight = true;
        private boolean hasLos = true;
        /** Normalised sex; null when absent (2.0 reading). */
        private String sex;
        /** The codes as grouped: the case's lists, trimmed and without empty items in the 2.0 reading. */
        private List<String> dxCodes;
        private List<String> procCodes;
        private int[] dx;
        private int[] procs;
        private int pdx;
        /** The MDCs whose principal-diagnosis list holds the principal diagnosis (bit = position). */
        private long pdxMdcs;
        /**
         * The case has an (effective) principal procedure: the procedure list is not empty and its
         * first slot was not emptied by the scheme's invalid_proc.tsv.
         */
        private boolean hasPproc;
        /** 0 = not computed, 1 = false, 2 = true. */
        private byte mcc;
        private byte cc;

        Run(InpatientCase c, List<Step> trace) {
            this.c = c;
            this.trace = trace;
        }

        GroupingResult run() {
            this.dxCodes = c.diagnoses();
            this.procCodes = c.procedures();
            if (!(reading20 ? read20() : read())) {
                if (trace != null) {
                    step(Step.Kind.RESULT, "", "", "信息校验不通过，未分组", "invalid input, not grouped");
                }
                return finish(GroupingStatus.INVALID, "", "", "", "");
            }
            resolveCodes();
            if (checksCodes) {
                GroupingResult rejected = checkCodes();
                if (rejected != null) {
                    return rejected;
                }
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
                if (mdc.stopWhenNoAdrg) {
                    Problem p = problem(ProblemCode.NO_ADRG_IN_FINAL_MDC, "", -1, mdc.code, "");
                    if (trace != null) {
                        step(Step.Kind.MDC, mdc.code, "", p.zh(), p.en());
                        step(Step.Kind.RESULT, "", "", "无法入组（0000）", "ungroupable (0000)");
                    }
                    return finish(GroupingStatus.UNGROUPABLE, mdc.code, "", "", "");
                }
                if (trace != null) {
                    step(Step.Kind.MDC, mdc.code, "", mdc.code + " 内无入组规则符合，继续下一 MDC",
                            "no entry rule of " + mdc.code + " holds; trying the next MDC");
                }
                if (!mdc.unconditional()) {
                    // an MDC that every case enters (CHS-DRG 2.0's MDC A) says nothing about this case
                    problem(ProblemCode.NO_ADRG_IN_ENTERED_MDC, "", -1, mdc.code, "");
                }
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

        /** The CHS-DRG 1.1 reading (its README §3). */
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
                return false;
            }
            sex = normaliseSex(c.sex());
            if (!"1".equals(sex) && !"2".equals(sex)) {
                problem(ProblemCode.SEX_UNRECOGNISED, "sex", -1, c.sex(), "");
            }
            return true;
        }

        /**
         * The CHS-DRG 2.0 reading (README §3 of chs-drg-2.0): empty numbers are absent, JavaScript
         * number syntax with minimums, age_days only with age 0, sex 1, 2 or empty, lists trimmed
         * without empty items.
         */
        private boolean read20() {
            int a = number20("age", c.age(), 0);
            int d = number20("age_days", c.ageDays(), 0);
            int w = number20("birth_weight", c.birthWeight(), 1);
            int l = number20("los", c.los(), 0);
            boolean valid = a != BAD_NUMBER && d != BAD_NUMBER && w != BAD_NUMBER && l != BAD_NUMBER;
            if (d >= 0 && a != BAD_NUMBER) {
                if (a == ABSENT_NUMBER) {
                    a = 0;
                } else if (a != 0) {
                    problem(ProblemCode.AGE_WITH_AGE_DAYS, "age", -1, c.age(), Integer.toString(d));
                    valid = false;
                }
            }
            String s = jsTrim(c.sex());
            if (s.isEmpty()) {
                sex = null;
            } else if (s.equals("1") || s.equals("2")) {
                sex = s;
            } else {
                problem(ProblemCode.SEX_INVALID, "sex", -1, c.sex(), "");
                valid = false;
            }
            if (!valid) {
                return false;
            }
            hasAge = a >= 0;
            hasAgeDays = d >= 0;
            hasWeight = w >= 0;
            hasLos = l >= 0;
            age = Math.max(a, 0);
            ageDays = Math.max(d, 0);
            birthWeight = Math.max(w, 0);
            los = Math.max(l, 0);
            dxCodes = jsCleaned(dxCodes);
            procCodes = jsCleaned(procCodes);
            return true;
        }

        /** A number of the 2.0 reading: its truncated value, {@link #ABSENT_NUMBER} or {@link #BAD_NUMBER}. */
        private int number20(String field, String text, int min) {
            String t = jsTrim(text);
            if (t.isEmpty()) {
                return ABSENT_NUMBER;
            }
            double v = t.length() <= 9 ? plainDigits(t) : Double.NaN;
            if (Double.isNaN(v)) {
                v = jsNumber(t);
            }
            if (Double.isNaN(v)) {
                problem(ProblemCode.NUMBER_UNPARSEABLE, field, -1, text, "");
                return BAD_NUMBER;
            }
            if (Double.isInfinite(v) || v < min) {
                problem(ProblemCode.NUMBER_OUT_OF_RANGE, field, -1, text, Integer.toString(min));
                return BAD_NUMBER;
            }
            return (int) v; // >= 0: truncated toward zero, saturated
        }

        /** Resolves the codes to ids once; names codes outside the scheme's dictionary, if it has one. */
        private void resolveCodes() {
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
            procs = new int[procCodes.size()];
            for (int i = 0; i < procs.length; i++) {
                procs[i] = scheme.proc.id(procCodes.get(i));
                if (!scheme.proc.inDictionary(procs[i]) && scheme.proc.hasDictionary()) {
                    unknownCode(ProblemCode.PROCEDURE_NOT_IN_DICTIONARY, "procedures", i, procCodes.get(i));
                }
            }
            hasPproc = procs.length > 0;
            if (trace != null) {
                step(Step.Kind.CHECK, "", "", "读取：性别 " + (sex == null ? "空" : sex) + "，年龄 " + zh(age, hasAge, " 岁")
                                + "，日龄 " + zh(ageDays, hasAgeDays, " 天") + "，出生体重 " + zh(birthWeight, hasWeight, " 克")
                                + "，住院 " + zh(los, hasLos, " 天") + "，诊断 " + dx.length + " 个，手术操作 " + procs.length + " 个",
                        "read: sex " + (sex == null ? "empty" : sex) + ", age " + en(age, hasAge, " years") + ", "
                                + (hasAgeDays ? ageDays + " days" : "age in days empty") + ", birth weight " + en(birthWeight, hasWeight, " g")
                                + ", stay " + en(los, hasLos, " days") + ", " + dx.length + " diagnoses, " + procs.length
                                + " procedures");
            }
        }

        // ---- code checks of the principal codes (CHS-DRG 2.0 README §4 step 0) ----

        /** The ungroupable result when a check rejects the case, else null (the case goes on to the MDCs). */
        private GroupingResult checkCodes() {
            CodeChecks k = scheme.checks;
            if (reading20 && dx.length == 0) {
                return rejected(null); // PRINCIPAL_DIAGNOSIS_EMPTY is already recorded
            }
            if (dx.length > 0 && k.grayDx().contains(pdx)) {
                return rejected(problem(ProblemCode.PRINCIPAL_DIAGNOSIS_GRAY, "diagnoses", 0, dxCode(0), scheme.info.id()));
            }
            if (dx.length > 0 && k.invalidDx().contains(pdx)) {
                return rejected(problem(ProblemCode.PRINCIPAL_DIAGNOSIS_NOT_ALLOWED, "diagnoses", 0, dxCode(0),
                        scheme.info.id()));
            }
            if (procs.length > 0 && k.grayProc().contains(procs[0])) {
                return rejected(problem(ProblemCode.PRINCIPAL_PROCEDURE_GRAY, "procedures", 0, procCode(0), scheme.info.id()));
            }
            if (procs.length > 0 && k.invalidProc().contains(procs[0])) {
                // the slot is emptied, not removed: the other procedures keep their positions
                procs[0] = CodeTable.UNKNOWN;
                hasPproc = false;
                Problem p = problem(ProblemCode.PRINCIPAL_PROCEDURE_NOT_SURGICAL, "procedures", 0, procCode(0),
                        scheme.info.id());
                if (trace != null) {
                    step(Step.Kind.CHECK, "invalid_proc", procCode(0), p.zh(), p.en());
                }
            }
            return null;
        }

        private GroupingResult rejected(Problem p) {
            if (trace != null) {
                if (p == null) {
                    step(Step.Kind.CHECK, "", "", "无诊断（去除空项后），不能入组", "no diagnosis (after dropping empty items); not groupable");
                } else {
                    String list = switch (p.code()) {
                        case PRINCIPAL_DIAGNOSIS_GRAY -> "gray_dx";
                        case PRINCIPAL_DIAGNOSIS_NOT_ALLOWED -> "invalid_dx";
                        default -> "gray_proc";
                    };
                    step(Step.Kind.CHECK, list, p.value(), p.zh(), p.en());
                }
                step(Step.Kind.RESULT, "", "", "无法入组（0000）", "ungroupable (0000)");
            }
            return finish(GroupingStatus.UNGROUPABLE, "", "", "", "");
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
            if (mdc.anyDxInList && firstInMdc(mdc) < 0) {
                return false;
            }
            if (mdc.principalProcValid && !(hasPproc && scheme.validProcs.contains(procs[0]))) {
                return false;
            }
            if (mdc.sex != null && !mdc.sex.equals(sex)) {
                return false;
            }
            if (mdc.sexNot != null && mdc.sexNot.equals(sex)) {
                return false;
            }
            if (mdc.ageYearsEq != Drg.ABSENT && (!hasAge || age != mdc.ageYearsEq)) {
                return false;
            }
            if (mdc.ageDaysMax != Drg.ABSENT && (!hasAgeDays || ageDays > mdc.ageDaysMax)) {
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
            List<String> zh = new ArrayList<>();
            List<String> en = new ArrayList<>();
            String code = "";
            if (mdc.principalDxInList) {
                code = dxCode(0);
                zh.add("主要诊断 " + code + " 在其诊断表中");
                en.add("principal diagnosis " + code + " is on its list");
            }
            if (mdc.anyDxInList) {
                int i = firstInMdc(mdc);
                code = dxCode(i);
                zh.add((i == 0 ? "主要诊断 " : "第 " + (i + 1) + " 诊断 ") + code + " 在其诊断表中");
                en.add((i == 0 ? "principal" : "secondary") + " diagnosis " + code + " (position " + (i + 1) + ") is on its list");
            }
            if (mdc.principalProcValid) {
                code = procCode(0);
                zh.add("主手术 " + code + " 为有效（手术室）操作");
                en.add("principal procedure " + code + " is a valid (OR) procedure");
            }
            if (mdc.sex != null) {
                zh.add("性别 " + sex);
                en.add("sex " + sex);
            }
            if (mdc.sexNot != null) {
                zh.add("性别 " + (sex == null ? "空" : sex) + " 不是 " + mdc.sexNot);
                en.add("sex " + (sex == null ? "empty" : sex) + " is not " + mdc.sexNot);
            }
            if (mdc.ageYearsEq != Drg.ABSENT) {
                zh.add("年龄 " + age + " 岁");
                en.add("age " + age + " years");
            }
            if (mdc.ageDaysMax != Drg.ABSENT) {
                zh.add("日龄 " + ageDays + " ≤ " + mdc.ageDaysMax);
                en.add("age in days " + ageDays + " <= " + mdc.ageDaysMax);
            }
            if (mdc.minTraumaRegions > 0) {
                List<String> names = new ArrayList<>();
                for (int i = 0; i < mdc.traumaRegionNames.size(); i++) {
                    if ((regions & (1L << i)) != 0) {
                        names.add(mdc.traumaRegionNames.get(i));
                    }
                }
                zh.add("多发创伤部位 " + names.size() + " 个 " + names);
                en.add("multiple trauma in " + names.size() + " regions " + names);
            }
            if (zh.isEmpty()) {
                zh.add("无进入条件（每例都尝试）");
                en.add("no entry condition (tried for every case)");
            }
            step(Step.Kind.MDC, mdc.code, code, "进入 " + mdc.code + "：" + String.join("，", zh),
                    "entered " + mdc.code + ": " + String.join(", ", en));
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
            switch (r.dx2Scope) {
                case PRINCIPAL -> {
                    if (!r.dx2List.contains(pdx)) {
                        return false;
                    }
                }
                case ANY -> {
                    if (firstIn(r.dx2List, dx, 0) < 0) {
                        return false;
                    }
                }
                case SECONDARY -> {
                    if (firstIn(r.dx2List, dx, 1) < 0) {
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
                case PRINCIPAL_PRESENT -> {
                    if (!hasPproc) {
                        return false;
                    }
                }
                case NONE -> { }
            }
            // a numeric clause on a value the case does not have fails (2.0 reading)
            return (r.ageDaysMax == Drg.ABSENT || (hasAgeDays && ageDays <= r.ageDaysMax))
                    && (r.ageDaysMin == Drg.ABSENT || (hasAgeDays && ageDays >= r.ageDaysMin))
                    && (r.weightMin == Drg.ABSENT || (hasWeight && birthWeight >= r.weightMin))
                    && (r.weightMaxExcl == Drg.ABSENT || (hasWeight && birthWeight < r.weightMaxExcl));
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
            if (rule.qyRedirect && hasPproc) {
                String drg = mdc.letter + "QY";
                Problem p = problem(ProblemCode.MEDICAL_ADRG_WITH_PROCEDURE, "procedures", 0, procCode(0), rule.adrgCode);
                if (trace != null) {
                    step(Step.Kind.RESULT, rule.id, procCode(0), p.zh() + " → " + drg, p.en() + " -> " + drg);
                }
                return finish(GroupingStatus.AMBIGUOUS, mdc.code, "", drg, "");
            }
            for (Drg drg : rule.drgs) {
                if (drg.demographicsHold(age, hasAge, los, hasLos) && complicationHolds(drg.complication)) {
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
            if (r.dx2Scope != EntryRule.DxScope.NONE) {
                int i = firstIn(r.dx2List, dx, r.dx2Scope == EntryRule.DxScope.SECONDARY ? 1 : 0);
                String which = i == 0 ? "主要诊断" : "第 " + (i + 1) + " 诊断（其他诊断）";
                zh.add(which + " " + dxCode(i) + " 在 " + r.id + " 第二诊断表（B）中");
                en.add((i == 0 ? "principal" : "secondary") + " diagnosis " + dxCode(i) + " (position " + (i + 1)
                        + ") is on the second diagnosis list (B) of " + r.id);
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
                case PRINCIPAL_PRESENT -> {
                    zh.add("有主要手术操作 " + procCode(0));
                    en.add("principal procedure " + procCode(0) + " counts");
                }
                case NONE -> { }
            }
            if (r.ageDaysMax != Drg.ABSENT) {
                zh.add("日龄 " + ageDays + " ≤ " + r.ageDaysMax);
                en.add("age in days " + ageDays + " <= " + r.ageDaysMax);
            }
            if (r.ageDaysMin != Drg.ABSENT) {
                zh.add("日龄 " + ageDays + " ≥ " + r.ageDaysMin);
                en.add("age in days " + ageDays + " >= " + r.ageDaysMin);
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

        /** Position of the first diagnosis on the MDC's list, or -1. */
        private int firstInMdc(Mdc mdc) {
            long bit = 1L << mdc.position;
            for (int i = 0; i < dx.length; i++) {
                if ((lists.mdcsOf(dx[i]) & bit) != 0) {
                    return i;
                }
            }
            return -1;
        }

        private String dxCode(int i) {
            return i >= 0 && i < dxCodes.size() ? dxCodes.get(i) : "";
        }

        private String procCode(int i) {
            return i >= 0 && i < procCodes.size() ? procCodes.get(i) : "";
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

    // ---- CHS-DRG 2.0 reading helpers (README §3 of chs-drg-2.0) ----

    /** The characters JavaScript's {@code String.trim} removes. */
    static boolean jsSpace(char ch) {
        if (ch <= ' ') {
            return ch == ' ' || (ch >= '\t' && ch <= '\r');
        }
        return ch == '\u00A0' || ch == '\u1680' || (ch >= '\u2000' && ch <= '\u200A') || ch == '\u2028'
                || ch == '\u2029' || ch == '\u202F' || ch == '\u205F' || ch == '\u3000' || ch == '\uFEFF';
    }

    /** {@code String.prototype.trim} of JavaScript. */
    static String jsTrim(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && jsSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && jsSpace(s.charAt(to - 1))) {
            to--;
        }
        return from == 0 && to == s.length() ? s : s.substring(from, to);
    }

    /**
     * The value of a trimmed, non-empty JavaScript numeric string ({@code Number(text)}), or NaN
     * when it is not one: an optional sign, then {@code Infinity} or a decimal number ({@code 12},
     * {@code 12.}, {@code .5}, {@code 1.5e3}, leading zeros allowed), or an unsigned {@code 0x},
     * {@code 0o} or {@code 0b} integer. No digit separators, suffixes or inner spaces.
     */
    static double jsNumber(String t) {
        int n = t.length();
        if (n > 2 && t.charAt(0) == '0') {
            char k = t.charAt(1);
            int radix = k == 'x' || k == 'X' ? 16 : k == 'o' || k == 'O' ? 8 : k == 'b' || k == 'B' ? 2 : 0;
            if (radix != 0) {
                for (int i = 2; i < n; i++) {
                    if (digit(t.charAt(i), radix) < 0) {
                        return Double.NaN;
                    }
                }
                return new java.math.BigInteger(t.substring(2), radix).doubleValue();
            }
        }
        int i = 0;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        if (t.startsWith("Infinity", i) && i + 8 == n) {
            return t.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        int digits = 0;
        while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return Double.NaN;
            }
        }
        return i == n ? Double.parseDouble(t) : Double.NaN;
    }

    /** The value of a string of ASCII digits (at most 9), or NaN: the common case, without parsing a double. */
    private static double plainDigits(String t) {
        int v = 0;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch < '0' || ch > '9') {
                return Double.NaN;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private static int digit(char ch, int radix) {
        int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'z' ? ch - 'a' + 10
                : ch >= 'A' && ch <= 'Z' ? ch - 'A' + 10 : Integer.MAX_VALUE;
        return d < radix ? d : -1;
    }

    /** The list with every item trimmed (JavaScript) and empty items dropped; the same list when nothing changes. */
    static List<String> jsCleaned(List<String> items) {
        boolean clean = true;
        for (String s : items) {
            if (s.isEmpty() || jsSpace(s.charAt(0)) || jsSpace(s.charAt(s.length() - 1))) {
                clean = false;
                break;
            }
        }
        if (clean) {
            return items;
        }
        List<String> out = new ArrayList<>(items.size());
        for (String s : items) {
            String t = jsTrim(s);
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
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
