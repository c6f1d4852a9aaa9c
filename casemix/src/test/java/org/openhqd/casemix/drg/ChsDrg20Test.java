package org.openhqd.casemix.drg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What CHS-DRG 2.0 adds (its README §2–§4), one construct at a time, with the problem codes and
 * explanation steps of each outcome; the conformance test checks all of it together on the samples.
 */
class ChsDrg20Test {

    static final Scheme SCHEME = ConformanceTest.CATALOG.get("chs-drg-2.0");
    static final DrgGrouper CHS20 = DrgGrouper.of(SCHEME);

    private static InpatientCase.Builder adult(String id) {
        return InpatientCase.builder(id).male().age(45);
    }

    @Test
    void theSchemeDeclaresItsReadingAndHasNoDictionaries() {
        assertThat(SCHEME.caseReading()).isEqualTo(CaseReading.CHS_DRG_20);
        assertThat(ConformanceTest.CATALOG.get("chs-drg-1.1").caseReading()).isEqualTo(CaseReading.CHS_DRG_11);
        assertThat(SCHEME.hasDiagnosisDictionary()).isFalse();
        assertThat(SCHEME.hasProcedureDictionary()).isFalse();
        assertThat(SCHEME.drgs()).hasSize(634);
        assertThat(SCHEME.info().name()).isEqualTo("国家医疗保障疾病诊断相关分组 2.0");
        assertThat(SCHEME.info().region()).isEqualTo("全国");
        assertThat(SCHEME.nonSurgicalProcedures()).hasSize(1822).contains("90.5900");
        assertThat(SCHEME.mdcs()).filteredOn(MdcDefinition::stopWhenNoAdrg).hasSize(22);
        assertThat(SCHEME.rules()).filteredOn(RuleDefinition::qyRedirect).hasSize(191);
    }

    @Test
    void listsAreSplitOnBarOnlyTrimmedAndEmptyItemsDropped() {
        assertThat(CaseReading.CHS_DRG_20.splitCodes("A,B| C ||")).containsExactly("A,B", " C ", "", "");
        assertThat(CaseReading.CHS_DRG_11.splitCodes("A,B| C ||")).containsExactly("A", "B", " C ", "", "");
        assertThat(CaseReading.CHS_DRG_20.splitCodes("")).isEmpty();
        GroupingResult r = CHS20.explain(adult("u").diagnoses("\u3000K80.101 ", "", "I50.900\t").procedures("", "51.2300").build());
        assertThat(r).hasToString("u,ok,MDCH,HC2,HC23");
        assertThat(r.explanation().orElseThrow().steps().get(0).zh()).contains("诊断 2 个，手术操作 1 个");
    }

    @Test
    void numbersAreJavaScriptNumericStrings() {
        for (String yes : List.of("12", "12.", ".5", "1.5e3", "1E+2", "007", "0x10", "0X1f", "0o17", "0b101", "-0",
                "+Infinity", "-1", " 45 ", "\u00A045\u3000", "")) {
            assertThat(DrgGrouper.readsAsNumber(yes, CaseReading.CHS_DRG_20)).as(yes).isTrue();
        }
        for (String no : List.of("1_0", "3f", "12d", "NaN", "1e1d", "4 5", "45岁", ".", "e5", "1e", "0x", "-0x10", "0x1p3",
                "0b2", "infinity", "１２")) {
            assertThat(DrgGrouper.readsAsNumber(no, CaseReading.CHS_DRG_20)).as(no).isFalse();
        }
        assertThat(DrgGrouper.jsNumber("0x10")).isEqualTo(16);
        assertThat(DrgGrouper.jsNumber("0b11")).isEqualTo(3);
        assertThat(DrgGrouper.jsNumber("0o7")).isEqualTo(7);
        assertThat(DrgGrouper.jsNumber("1e400")).isInfinite();
        // Java literals of the 1.1 reading that JavaScript refuses, and the other way round
        assertThat(DrgGrouper.readsAsNumber("12d")).isTrue();
        assertThat(DrgGrouper.readsAsNumber("0x10")).isFalse();
    }

    @Test
    void outOfRangeNumbersAgeWithAgeDaysAndUnknownSexAreInvalid() {
        assertThat(problems(adult("a").age("-1").diagnoses("K80.101").build()))
                .containsExactly("[HQD-DRG-106] age: 年龄 '-1' 超出范围：须为有限数且不小于 0 / age '-1' is out of range: must be finite and at least 0");
        assertThat(codes(adult("a").age("1e400").diagnoses("K80.101").build())).containsExactly(ProblemCode.NUMBER_OUT_OF_RANGE);
        assertThat(codes(adult("a").age("Infinity").diagnoses("K80.101").build())).containsExactly(ProblemCode.NUMBER_OUT_OF_RANGE);
        assertThat(codes(InpatientCase.builder("b").female().age(0).ageDays(3).birthWeight("0.5").diagnoses("P07.200").build()))
                .containsExactly(ProblemCode.NUMBER_OUT_OF_RANGE);
        assertThat(codes(adult("a").los("3天").diagnoses("K80.101").build())).containsExactly(ProblemCode.NUMBER_UNPARSEABLE);
        assertThat(problems(adult("c").age(62).ageDays(299).diagnoses("K80.101").build())).containsExactly(
                "[HQD-DRG-107] age: 填写了日龄（299 天）时年龄须为 0 或空，实为 '62' / "
                        + "age must be 0 or empty when the age in days is given (299 days), found '62'");
        for (String sex : List.of("1.0", "男", "M", "01", "3", "+1")) {
            assertThat(codes(adult("d").sex(sex).diagnoses("K80.101").build())).as(sex).containsExactly(ProblemCode.SEX_INVALID);
        }
        GroupingResult several = CHS20.group(adult("e").sex("9").age("x").diagnoses("K80.101").build());
        assertThat(several.status()).isEqualTo(GroupingStatus.INVALID);
        assertThat(several.problems()).extracting(Problem::code)
                .containsExactly(ProblemCode.NUMBER_UNPARSEABLE, ProblemCode.SEX_INVALID);
    }

    @Test
    void emptyNumbersAndSexAreAbsentNotZeroOrInvalid() {
        // no sex, no age: 1.1 would call this case invalid (sex empty; age 0 without a birth weight)
        GroupingResult r = CHS20.explain(InpatientCase.builder("u").diagnoses("K80.101", "I50.900").procedures("51.2300").build());
        assertThat(r).hasToString("u,ok,MDCH,HC2,HC23");
        assertThat(r.problems()).isEmpty();
        assertThat(r.explanation().orElseThrow().steps().get(0).zh()).startsWith("读取：性别 空，年龄 空，日龄 空，出生体重 空");
        // -0 is 0 and 28.9 is 28; an absent age with age_days is age 0
        assertThat(CHS20.group(InpatientCase.builder("p").male().age("-0").ageDays("28.9").birthWeight("1499.99")
                .diagnoses("P07.200").build()).mdc()).isEqualTo("MDCP");
        assertThat(CHS20.group(InpatientCase.builder("p").male().ageDays(3).birthWeight(1400)
                .diagnoses("P07.200").build()).adrg()).isEqualTo("PS1");
    }

    @Test
    void mdcPNeedsAgeInDaysAndTheWeightBandsNeedAWeight() {
        InpatientCase.Builder infant = InpatientCase.builder("p").female().age(0).diagnoses("P07.200");
        assertThat(CHS20.group(infant.ageDays(10).birthWeight(1400).build()).drg()).startsWith("PS1");
        assertThat(CHS20.group(infant.ageDays(10).birthWeight(1500).build()).drg()).startsWith("PS2");
        // without a weight every band fails (an absent value fails a numeric clause), and so does P
        GroupingResult noWeight = CHS20.explain(infant.ageDays(10).birthWeight("").build());
        assertThat(noWeight.status()).isNotEqualTo(GroupingStatus.INVALID);
        assertThat(noWeight.adrg()).isNotIn("PS1", "PS2", "PS3", "PS4");
        // without age in days MDC P is not entered at all
        GroupingResult noDays = CHS20.explain(infant.ageDays("").birthWeight(1400).build());
        assertThat(noDays.mdc()).isNotEqualTo("MDCP");
        assertThat(noDays.explanation().orElseThrow().toChinese()).doesNotContain("进入 MDCP");
        GroupingResult entered = CHS20.explain(infant.ageDays(364).birthWeight(3000).build());
        assertThat(entered.explanation().orElseThrow().toChinese()).contains("进入 MDCP：年龄 0 岁，日龄 364 ≤ 364");
        assertThat(CHS20.explain(infant.ageDays(365).build()).explanation().orElseThrow().toChinese())
                .doesNotContain("进入 MDCP");
    }

    @Test
    void grayAndInvalidPrincipalCodesAreUngroupableWithTheirList() {
        GroupingResult grayDx = CHS20.explain(adult("g").diagnoses("D48.400", "J18.900").build());
        assertThat(grayDx).hasToString("g,ungroupable,,,");
        assertThat(grayDx.problems()).extracting(Problem::code).containsExactly(ProblemCode.PRINCIPAL_DIAGNOSIS_GRAY);
        Step check = grayDx.explanation().orElseThrow().steps().get(1);
        assertThat(check.kind()).isEqualTo(Step.Kind.CHECK);
        assertThat(check.rule()).isEqualTo("gray_dx");
        assertThat(check.code()).isEqualTo("D48.400");
        // the same code as a secondary diagnosis is not checked
        assertThat(CHS20.group(adult("s").diagnoses("J18.900", "D48.400").build()).status()).isEqualTo(GroupingStatus.OK);

        GroupingResult invalidDx = CHS20.group(adult("i").diagnoses("B95.000").build());
        assertThat(invalidDx.status()).isEqualTo(GroupingStatus.UNGROUPABLE);
        assertThat(invalidDx.problems()).extracting(Problem::code).containsExactly(ProblemCode.PRINCIPAL_DIAGNOSIS_NOT_ALLOWED);

        GroupingResult grayProc = CHS20.group(adult("p").diagnoses("D33.308", "I74.504").procedures("86.2800", "04.0203").build());
        assertThat(grayProc).hasToString("p,ungroupable,,,");
        assertThat(grayProc.problems().get(0).describe()).contains("procedures[0]").contains("'86.2800'").contains("灰码");

        GroupingResult none = CHS20.explain(adult("n").diagnoses("", " ").build());
        assertThat(none).hasToString("n,ungroupable,,,");
        assertThat(none.problems()).extracting(Problem::code).containsExactly(ProblemCode.PRINCIPAL_DIAGNOSIS_EMPTY);
    }

    @Test
    void aNonSurgicalPrincipalProcedureIsEmptiedNotRemoved() {
        // 90.5900 (a lab test) does not count as principal procedure: K80.101 gets its medical ADRG, no QY,
        // and the cholecystectomy in second position cannot make the case surgical (README §7.2)
        GroupingResult r = CHS20.explain(adult("e").diagnoses("K80.101", "I50.900").procedures("90.5900", "51.2300").build());
        assertThat(r.status()).isEqualTo(GroupingStatus.OK);
        assertThat(r.adrg()).isNotEqualTo("HC2").matches("H[R-Z].");
        assertThat(r.problems()).extracting(Problem::code).containsExactly(ProblemCode.PRINCIPAL_PROCEDURE_NOT_SURGICAL);
        assertThat(r.explanation().orElseThrow().steps()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo(Step.Kind.CHECK);
            assertThat(s.rule()).isEqualTo("invalid_proc");
            assertThat(s.code()).isEqualTo("90.5900");
        });
        // with the operation first it is surgical
        assertThat(CHS20.group(adult("s").diagnoses("K80.101", "I50.900").procedures("51.2300", "90.5900").build()))
                .hasToString("s,ok,MDCH,HC2,HC23");
    }

    @Test
    void aMedicalAdrgWithAnEffectivePrincipalProcedureIsQy() {
        // any principal procedure outside invalid_proc counts, even one no list knows (README §7.2)
        GroupingResult r = CHS20.explain(adult("q").diagnoses("K80.101").procedures("99.9999x999").build());
        assertThat(r).hasToString("q,ambiguous,MDCH,,HQY");
        assertThat(r.problems()).extracting(Problem::code).containsExactly(ProblemCode.MEDICAL_ADRG_WITH_PROCEDURE);
        assertThat(r.problems().get(0).en()).contains("'99.9999x999'").contains("ambiguous (QY)");
        List<Step> steps = r.explanation().orElseThrow().steps();
        assertThat(steps.get(steps.size() - 1).kind()).isEqualTo(Step.Kind.RESULT);
        assertThat(steps.get(steps.size() - 1).zh()).endsWith("→ HQY");
        assertThat(CHS20.group(adult("m").diagnoses("K80.101").build()).status()).isEqualTo(GroupingStatus.OK);
    }

    @Test
    void anOrganMdcWithoutAFittingRuleStopsWithItsMdc() {
        // O75.700x001 has no rule in MDC O without a procedure (README §7.6)
        GroupingResult r = CHS20.explain(InpatientCase.builder("o").female().age(20)
                .diagnoses("O75.700x001", "I10.x05").build());
        assertThat(r).hasToString("o,ungroupable,MDCO,,");
        assertThat(r.problems()).extracting(Problem::code).containsExactly(ProblemCode.NO_ADRG_IN_FINAL_MDC);
        assertThat(r.explanation().orElseThrow().toEnglish()).contains("entered MDCO")
                .contains("this MDC does not fall through").doesNotContain("trying the next MDC; entered MDCO");
    }

    @Test
    void mdcAIsTriedForEveryCaseWithoutReportingIt() {
        GroupingResult r = CHS20.explain(adult("a").diagnoses("C51.800").build());
        assertThat(r).hasToString("a,ungroupable,,,");
        // MDC A, entered without condition, is in the explanation but not among the problems
        assertThat(r.problems()).extracting(Problem::code).containsExactly(ProblemCode.NO_MDC);
        assertThat(r.explanation().orElseThrow().toChinese()).contains("进入 MDCA：无进入条件").contains("MDCA 内无入组规则符合");
    }

    @Test
    void sexNotSendsCodesOfBothListsToMUnlessFemale() {
        assertThat(CHS20.group(InpatientCase.builder("x").age(40).diagnoses("I86.200").build()).mdc()).isEqualTo("MDCM");
        assertThat(CHS20.group(InpatientCase.builder("x").male().age(40).diagnoses("I86.200").build()).mdc()).isEqualTo("MDCM");
        GroupingResult female = CHS20.explain(InpatientCase.builder("x").female().age(40).diagnoses("I86.200").build());
        assertThat(female.mdc()).isEqualTo("MDCN");
        assertThat(female.explanation().orElseThrow().toChinese()).contains("性别 2 不是 1");
    }

    @Test
    void anyDiagnosisOnTheHivListEntersMdcY() {
        String hiv = SCHEME.mdcs().stream().filter(m -> m.letter().equals("Y")).findFirst().orElseThrow().diagnoses().get(0);
        GroupingResult r = CHS20.explain(adult("y").diagnoses("J18.900", hiv).build());
        assertThat(r.mdc()).isEqualTo("MDCY");
        assertThat(r.explanation().orElseThrow().toChinese()).contains("进入 MDCY：第 2 诊断 " + hiv + " 在其诊断表中");
    }

    private static List<ProblemCode> codes(InpatientCase c) {
        GroupingResult r = CHS20.group(c);
        assertThat(r.status()).isEqualTo(GroupingStatus.INVALID);
        return r.problems().stream().map(Problem::code).toList();
    }

    private static List<String> problems(InpatientCase c) {
        GroupingResult r = CHS20.group(c);
        assertThat(r.status()).isEqualTo(GroupingStatus.INVALID);
        return r.problems().stream().map(Problem::describe).toList();
    }
}
