package org.openhqd.casemix.drg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bad input never throws; the result says what is wrong, in Chinese and English. */
class InputProblemsTest {

    static final DrgGrouper CHS11 = ExplanationTest.CHS11;

    @Test
    void unparseableNumberMakesTheCaseInvalidAndNamesTheField() {
        GroupingResult r = CHS11.group(InpatientCase.builder("a").male().age("45岁").los("3天")
                .diagnoses("I21.000").build());
        assertThat(r.status()).isEqualTo(GroupingStatus.INVALID);
        assertThat(r.problems()).extracting(Problem::field).containsExactly("age", "los");
        assertThat(r.problems().get(0).describe())
                .isEqualTo("[HQD-DRG-101] age: 年龄 '45岁' 不是数字 / age '45岁' is not a number");
    }

    @Test
    void javaNumberLiteralsAreReadAsTheReferenceDoes() {
        assertThat(DrgGrouper.readNumber("")).isZero();
        assertThat(DrgGrouper.readNumber("3.9")).isEqualTo(3);
        assertThat(DrgGrouper.readNumber("-3.9")).isEqualTo(-3);
        assertThat(DrgGrouper.readNumber(" 28.9 ")).isEqualTo(28);
        assertThat(DrgGrouper.readNumber("1e3")).isEqualTo(1000);
        assertThat(DrgGrouper.readNumber("12d")).isEqualTo(12);
        assertThat(DrgGrouper.readNumber("0x1p4")).isEqualTo(16);
        assertThat(DrgGrouper.readNumber("NaN")).isZero();
        assertThat(DrgGrouper.readNumber("1e30")).isEqualTo(Integer.MAX_VALUE);
        assertThat(DrgGrouper.readNumber("99999999999")).isEqualTo(Integer.MAX_VALUE);
        assertThat(DrgGrouper.readsAsNumber("1_0")).isFalse();
        assertThat(DrgGrouper.readsAsNumber(".")).isFalse();
        assertThat(DrgGrouper.readsAsNumber("4 5")).isFalse();
        assertThat(DrgGrouper.readsAsNumber("３")).isFalse();
    }

    @Test
    void emptySexAndNewbornWithoutWeightAreInvalid() {
        assertThat(CHS11.group(InpatientCase.builder("a").age(30).diagnoses("I21.000").build()).problems())
                .extracting(Problem::code).containsExactly(ProblemCode.SEX_EMPTY);
        GroupingResult newborn = CHS11.group(InpatientCase.builder("b").female().age(0).ageDays(3)
                .diagnoses("P07.100").build());
        assertThat(newborn.status()).isEqualTo(GroupingStatus.INVALID);
        assertThat(newborn.problems()).extracting(Problem::code).containsExactly(ProblemCode.NEWBORN_WITHOUT_WEIGHT);
    }

    @Test
    void codesOutsideTheDictionaryAreNamedButGroupedAsTheReferenceDoes() {
        // padded and lower-case codes match nothing: the bureau's grouper does the same
        GroupingResult r = CHS11.group(InpatientCase.builder("a").male().age(60)
                .diagnoses("i21.000", "I10.x00 ").procedures("XX.9").build());
        assertThat(r.status()).isEqualTo(GroupingStatus.UNGROUPABLE);
        assertThat(r.problems()).extracting(Problem::code).containsExactly(
                ProblemCode.DIAGNOSIS_NOT_IN_DICTIONARY, ProblemCode.DIAGNOSIS_NOT_IN_DICTIONARY,
                ProblemCode.PROCEDURE_NOT_IN_DICTIONARY, ProblemCode.NO_MDC);
        assertThat(r.problems().get(1).describe()).contains("diagnoses[1]").contains("'I10.x00 '")
                .contains("不在方案 chs-drg-1.1 的字典中").contains("not in the dictionary of scheme chs-drg-1.1");
    }

    @Test
    void emptyDiagnosesIsAnEmptyPrincipalAndStillGroupsByProcedure() {
        // MDC A is entered on the principal procedure alone (heart transplant)
        GroupingResult r = CHS11.group(InpatientCase.builder("a").male().age(50).procedures("37.5100").build());
        assertThat(r).hasToString("a,ok,MDCA,AA1,AA19");
        assertThat(r.problems()).extracting(Problem::code).contains(ProblemCode.PRINCIPAL_DIAGNOSIS_EMPTY);
    }

    @Test
    void nullFieldsAreEmpty() {
        InpatientCase c = new InpatientCase(null, null, null, null, null, null, null, null, null, null);
        assertThat(CHS11.group(c).status()).isEqualTo(GroupingStatus.INVALID);
    }

    @Test
    void everyProblemCodeIsInTheReadmeTableWithItsSeverity() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        for (ProblemCode code : ProblemCode.values()) {
            assertThat(readme).as(code.id())
                    .contains("| " + code.id() + " | " + code.severity().name().toLowerCase(java.util.Locale.ROOT) + " | ");
        }
    }

    @Test
    void unrecognisedSexIsAWarningNotAnError() {
        GroupingResult r = CHS11.group(InpatientCase.builder("a").sex("9").age(60).diagnoses("K22.301").build());
        assertThat(r.status()).isEqualTo(GroupingStatus.OK);
        assertThat(r.problems()).extracting(Problem::code).containsExactly(ProblemCode.SEX_UNRECOGNISED);
    }
}
