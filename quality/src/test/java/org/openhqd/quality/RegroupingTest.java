package org.openhqd.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openhqd.casemix.drg.InpatientCase;

/**
 * The "if fixed" regrouping of code and DRG findings. Expected groups were taken from the
 * CHS-DRG 1.1 grouper and each is checked again here by grouping the hand-fixed case directly.
 */
class RegroupingTest {

    private static Finding only(DischargeRecord r, String ruleId) {
        QcReport report = Fixtures.CHECKER.check(r);
        assertThat(report.findingsOf(ruleId)).as("%s in %s", ruleId, report.findings()).hasSize(1);
        return report.findingsOf(ruleId).get(0);
    }

    /** The regrouping equals grouping the record with the edits a coder would make. */
    private static void sameAsGrouping(Regrouping g, DischargeRecord fixedByHand) {
        InpatientCase c = fixedByHand.toInpatientCase();
        assertThat(g.after()).isEqualTo(GroupOutcome.of(Fixtures.GROUPER.group(c)));
    }

    @Test
    void symptomAsPrincipalWithAppendectomyMovesFromUngroupableToGd15() {
        Regrouping g = only(Fixtures.edited("diagnoses=R10.400|K35.300"), "QC-401").ifFixed().orElseThrow();
        assertThat(g.before().status()).isEqualTo("ungroupable");
        assertThat(g.after().drg()).isEqualTo("GD15");
        assertThat(g.after().drgName()).isEqualTo("伴穿孔、化脓、坏疽等阑尾切除术，不伴并发症或合并症");
        assertThat(g.changesGroup()).isTrue();
        assertThat(g.fixZh()).contains("K35.300", "主要诊断");
        sameAsGrouping(g, Fixtures.edited("diagnoses=K35.300|R10.400"));
    }

    @Test
    void symptomAsPrincipalWithoutOperationMovesToGz15() {
        Regrouping g = only(Fixtures.edited("diagnoses=R10.400|K35.300;procedures="), "QC-401").ifFixed().orElseThrow();
        assertThat(g.after().drg()).isEqualTo("GZ15");
        sameAsGrouping(g, Fixtures.edited("diagnoses=K35.300|R10.400;procedures="));
    }

    @Test
    void appendectomyAsSecondaryProcedureWouldMoveGz15ToGd15() {
        Finding f = only(Fixtures.edited("procedures=87.0100|47.0100"), "QC-403");
        assertThat(f.field()).isEqualTo("procedures[1].code");
        assertThat(f.messageEn()).contains("ADRG GD1");
        Regrouping g = f.ifFixed().orElseThrow();
        assertThat(g.before().drg()).isEqualTo("GZ15");
        assertThat(g.after().drg()).isEqualTo("GD15");
        assertThat(g.describe()).contains("GZ15", "→", "GD15");
        sameAsGrouping(g, Fixtures.edited("procedures=47.0100|87.0100"));
    }

    @Test
    void externalCauseAsPrincipalFixedByTheFractureGoesToIr29() {
        Regrouping g = only(Fixtures.edited("diagnoses=W01.x00|S72.000;procedures="), "QC-404").ifFixed().orElseThrow();
        assertThat(g.before().status()).isEqualTo("ungroupable");
        assertThat(g.after().drg()).isEqualTo("IR29");
        assertThat(g.after().drgName()).isEqualTo("股骨骨折");
        sameAsGrouping(g, Fixtures.edited("diagnoses=S72.000|W01.x00;procedures="));
    }

    @Test
    void mappedOldCodeConvertedGroupsToSr15() {
        Finding f = only(Fixtures.edited("diagnoses=A01.000x002|A02.100;procedures="), "QC-205");
        assertThat(f.messageZh()).contains("A01.003");
        Regrouping g = f.ifFixed().orElseThrow();
        assertThat(g.before().status()).isEqualTo("ungroupable");
        assertThat(g.after().drg()).isEqualTo("SR15");
        sameAsGrouping(g, Fixtures.edited("diagnoses=A01.003|A02.100;procedures="));
    }

    @Test
    void lowerCaseCodeRepairedByTheNormaliserGroupsToGd15() {
        Regrouping g = only(Fixtures.edited("diagnoses=k35.300|E11.900"), "QC-203").ifFixed().orElseThrow();
        assertThat(g.fixEn()).contains("'k35.300' → dictionary code 'K35.300'");
        assertThat(g.after().drg()).isEqualTo("GD15");
        assertThat(g.changesGroup()).isTrue();
    }

    @Test
    void droppingAnExcludedComplicationLeavesEs35Unchanged() {
        Regrouping g = only(Fixtures.edited("diagnoses=J18.900|J09.x00;procedures="), "QC-402").ifFixed().orElseThrow();
        assertThat(g.before().drg()).isEqualTo("ES35");
        assertThat(g.after().drg()).isEqualTo("ES35");
        assertThat(g.changesGroup()).isFalse();
        // while a complication the principal does not exclude does raise the group
        assertThat(Fixtures.CHECKER.check(Fixtures.edited("diagnoses=J18.900|N18.500;procedures=")).group().drg())
                .isNotEqualTo("ES35");
    }

    @Test
    void removingADuplicateComplicationKeepsGd13() {
        Regrouping g = only(Fixtures.edited("diagnoses=K35.300|E11.900|N18.500|N18.500"), "QC-313").ifFixed().orElseThrow();
        assertThat(g.before().drg()).isEqualTo("GD13");
        assertThat(g.after().drg()).isEqualTo("GD13");
        assertThat(g.changesGroup()).isFalse();
    }

    @Test
    void findingsWithoutAFixCarryNoRegrouping() {
        QcReport report = Fixtures.CHECKER.check(Fixtures.edited("coder=;sex=2;diagnoses=K35.300|N40.x00"));
        assertThat(report.findingsOf("QC-106").get(0).ifFixed()).isEmpty();
        assertThat(report.findingsOf("QC-306").get(0).ifFixed()).isEmpty();
    }

    @Test
    void identityNumbersAreMaskedInFindingsAndToString() {
        DischargeRecord r = Fixtures.edited("patient_id_number=110105194912310021");
        Finding f = only(r, "QC-218");
        assertThat(f.value()).isEqualTo("**************0021").doesNotContain("1101051949");
        assertThat(f.messageZh() + f.messageEn()).doesNotContain("1101051949");
        assertThat(r.toString()).doesNotContain("1101051949");
    }

    @Test
    void severityFilter() {
        QcReport report = Fixtures.CHECKER.check(Fixtures.edited("coder=;case_id=;diagnoses[0].name="));
        assertThat(report.findings(Severity.ERROR)).extracting(Finding::ruleId).containsExactly("QC-101");
        assertThat(report.findings(Severity.WARNING)).extracting(Finding::ruleId).containsExactly("QC-101", "QC-106");
        assertThat(report.findings(Severity.INFO)).hasSize(3);
        assertThat(report.hasErrors()).isTrue();
    }
}
