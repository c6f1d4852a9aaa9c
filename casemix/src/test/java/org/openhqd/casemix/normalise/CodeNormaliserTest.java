package org.openhqd.casemix.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openhqd.casemix.drg.DrgGrouper;
import org.openhqd.casemix.drg.GroupingStatus;
import org.openhqd.casemix.drg.InpatientCase;
import org.openhqd.casemix.drg.SchemeCatalog;
import org.openhqd.casemix.drg.Step;

class CodeNormaliserTest {

    static final DrgGrouper CHS11 = DrgGrouper.of(SchemeCatalog.builtIn().get("chs-drg-1.1"));
    static final CodeNormaliser NORMALISER = new CodeNormaliser(CHS11);

    @Test
    void aCleanCaseIsLeftAlone() {
        InpatientCase c = InpatientCase.builder("a").female().age(88).los(94)
                .diagnoses("K22.301", "K11.901", "E11.900", "I10.x05").procedures("96.0800x005").build();
        Normalisation n = NORMALISER.normalise(c, false);
        assertThat(n.changes()).isEmpty();
        assertThat(n.normalised()).isEqualTo(c);
        assertThat(n.changesGroup()).isFalse();
        assertThat(n.after().drg()).isEqualTo("GZ13");
    }

    @Test
    void aSchemeWithoutDictionariesGetsTheRepairsThatNeedNone() {
        // CHS-DRG 2.0 ships no dictionary: full-width characters and units are still fixed
        CodeNormaliser chs20 = new CodeNormaliser(DrgGrouper.of(SchemeCatalog.builtIn().get("chs-drg-2.0")));
        InpatientCase c = InpatientCase.builder("u").male().age("45岁")
                .diagnoses("Ｋ80.101", "I50.900").procedures("51.2300").build();
        Normalisation n = chs20.normalise(c, false);
        assertThat(n.before().status()).isEqualTo(GroupingStatus.INVALID);
        assertThat(n.after()).hasToString("u,ok,MDCH,HC2,HC23");
        assertThat(n.changes()).extracting(Change::rule).containsExactly(Change.Rule.UNIT, Change.Rule.FULL_WIDTH);
    }

    @Test
    void fixesPaddingCaseFullWidthAndUnitsAndShowsTheEffect() {
        InpatientCase c = InpatientCase.builder("a").sex("女性").age("８８岁").los(" 94 ")
                .diagnoses(" k22.301", "Ｋ11.901", "E11.900", "I10.x05\u3000").procedures("96.0800X005").build();
        Normalisation n = NORMALISER.normalise(c, true);
        assertThat(n.before().status()).isEqualTo(GroupingStatus.INVALID);
        assertThat(n.after()).hasToString("a,ok,MDCG,GZ1,GZ13");
        assertThat(n.changesGroup()).isTrue();
        assertThat(n.normalised().diagnoses()).containsExactly("K22.301", "K11.901", "E11.900", "I10.x05");
        assertThat(n.normalised().procedures()).containsExactly("96.0800x005");
        assertThat(n.normalised().sex()).isEqualTo("2");
        assertThat(n.normalised().age()).isEqualTo("88");
        assertThat(n.changes()).extracting(Change::rule).containsExactly(
                Change.Rule.SEX, Change.Rule.UNIT, Change.Rule.TRIM, Change.Rule.CASE,
                Change.Rule.FULL_WIDTH, Change.Rule.FULL_WIDTH, Change.Rule.TRIM, Change.Rule.CASE);
        assertThat(n.changes().get(3).describe()).isEqualTo("diagnoses[0]: 'k22.301' → 'K22.301' (CASE)");
        // the explanation of the fixed grouping starts with the changes
        assertThat(n.after().explanation().orElseThrow().steps().get(0).kind()).isEqualTo(Step.Kind.MAPPING);
    }

    @Test
    void convertsOtherCodeVersionsThroughTheSchemesMap() {
        // A01.000x002 (an older national-extension code, not in the 1.1 dictionary) maps to A01.003
        assertThat(CHS11.scheme().diagnosisName("A01.000x002")).isEmpty();
        Normalisation n = NORMALISER.normalise(InpatientCase.builder("m").male().age(50)
                .diagnoses("A01.000x002", "A02.100").procedures("37.8300x002").build(), true);
        assertThat(n.normalised().diagnoses()).containsExactly("A01.003", "A02.100");
        assertThat(n.normalised().procedures()).containsExactly("00.5000x004");
        assertThat(n.changes()).extracting(Change::rule).containsExactly(Change.Rule.CODE_MAP, Change.Rule.CODE_MAP);
        assertThat(n.changes().get(0).zh()).contains("按方案编码对照表转换");
        assertThat(n.after().explanation().orElseThrow().steps())
                .filteredOn(s -> s.kind() == Step.Kind.MAPPING).extracting(Step::rule).containsExactly("CODE_MAP", "CODE_MAP");
        assertThat(n.before().status()).isEqualTo(GroupingStatus.UNGROUPABLE);
        assertThat(n.after().status()).isEqualTo(GroupingStatus.OK);
    }

    @Test
    void dotlessCodesAreRepairedOnlyWhenUnique() {
        Normalisation n = NORMALISER.normalise(InpatientCase.builder("d").female().age(88)
                .diagnoses("K22301").build(), false);
        assertThat(n.changes()).extracting(Change::rule).containsExactly(Change.Rule.DOT);
        assertThat(n.normalised().diagnoses()).containsExactly("K22.301");
    }

    @Test
    void halfWidth() {
        assertThat(CodeNormaliser.halfWidth("Ｉ２１．０００")).isEqualTo("I21.000");
        assertThat(CodeNormaliser.halfWidth("I21。000")).isEqualTo("I21.000");
        assertThat(CodeNormaliser.halfWidth("plain")).isSameAs("plain");
    }
}
