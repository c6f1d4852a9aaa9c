package org.openhqd.casemix.drg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationTest {

    static final DrgGrouper MINI;

    static {
        try {
            MINI = DrgGrouper.of(SchemeCatalog.builtIn().get(DataOnlySchemeTest.miniFolder().toString()));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static final DrgGrouper CHS11 = DrgGrouper.of(ConformanceTest.CATALOG.get("chs-drg-1.1"));

    @Test
    void withoutAskingThereIsNoExplanation() {
        GroupingResult r = MINI.group(InpatientCase.builder("x").male().age(60).diagnoses("I63.900", "I50.000").build());
        assertThat(r.explanation()).isEmpty();
        assertThat(r.drg()).isEqualTo("BR19");
        assertThat(r.drgName()).isEqualTo("脑卒中");
    }

    @Test
    void namesTheMdcTheEntryRuleAndEachComplicationWithItsExclusion() {
        GroupingResult r = MINI.explain(InpatientCase.builder("x").male().age(60)
                .diagnoses("I63.900", "I50.000", "I10.x00", "J96.000").procedures("60.5x00").build());
        List<Step> steps = r.explanation().orElseThrow().steps();
        assertThat(steps).extracting(Step::kind).containsSubsequence(
                Step.Kind.CHECK, Step.Kind.MDC, Step.Kind.MDC, Step.Kind.MDC, Step.Kind.ADRG,
                Step.Kind.COMPLICATION, Step.Kind.COMPLICATION, Step.Kind.COMPLICATION, Step.Kind.DRG, Step.Kind.RESULT);
        // MDC A entered on the valid principal procedure, then left: no rule of A holds
        assertThat(steps).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo(Step.Kind.MDC);
            assertThat(s.code()).isEqualTo("60.5x00");
            assertThat(s.zh()).contains("进入 MDCA");
        });
        assertThat(steps).anySatisfy(s -> assertThat(s.zh()).contains("MDCA 内无入组规则符合"));
        Step adrg = steps.stream().filter(s -> s.kind() == Step.Kind.ADRG).findFirst().orElseThrow();
        assertThat(adrg.rule()).isEqualTo("BR1");
        assertThat(adrg.code()).isEqualTo("I63.900");
        assertThat(adrg.en()).contains("principal diagnosis I63.900 is on the BR1 diagnosis list");
        List<Step> complications = steps.stream().filter(s -> s.kind() == Step.Kind.COMPLICATION).toList();
        assertThat(complications).extracting(Step::code).containsExactly("I50.000", "I10.x00", "J96.000");
        assertThat(complications.get(0).zh()).contains("被主要诊断 I63.900 的排除表 1 排除");
        assertThat(complications.get(1).zh()).contains("CC").contains("计入");
        assertThat(complications.get(2).en()).contains("MCC (exclusion table 2), counted");
        Step drg = steps.stream().filter(s -> s.kind() == Step.Kind.DRG).findFirst().orElseThrow();
        assertThat(drg.rule()).isEqualTo("BR11");
        assertThat(r.drg()).isEqualTo("BR11");
    }

    @Test
    void explainsAlternativeRulesTagsAndLengthOfStay() {
        GroupingResult r = MINI.explain(InpatientCase.builder("x").male().age(50).los(0)
                .diagnoses("I63.900").procedures("01.2400", "02.3400").build());
        assertThat(r.drg()).isEqualTo("BB1");
        String zh = r.explanation().orElseThrow().toChinese();
        assertThat(zh).contains("ADRG BB1（规则 BB1_2）").contains("满足标签规则 1+2").contains("以 ADRG 编码作为 DRG");
    }

    @Test
    void explainsMultipleTraumaAndFallThrough() {
        GroupingResult r = MINI.explain(InpatientCase.builder("x").male().age(30)
                .diagnoses("S01.000", "S36.000").procedures("01.2400").build());
        String en = r.explanation().orElseThrow().toEnglish();
        assertThat(en).contains("multiple trauma in 2 regions [头颈部创伤, 腹部创伤]")
                .contains("no entry rule of MDCZ holds; trying the next MDC")
                .contains("grouped to BR19");
    }

    @Test
    void explainsAmbiguousAndUngroupable() {
        GroupingResult qy = MINI.explain(InpatientCase.builder("x").male().age(70)
                .diagnoses("N40.x00").procedures("01.2400").build());
        assertThat(qy.status()).isEqualTo(GroupingStatus.AMBIGUOUS);
        assertThat(qy.explanation().orElseThrow().toChinese()).contains("歧义检查点 MQY").contains("歧义病案 MQY");

        GroupingResult none = MINI.explain(InpatientCase.builder("x").female().age(70).diagnoses("N40.x00").build());
        assertThat(none.status()).isEqualTo(GroupingStatus.UNGROUPABLE);
        assertThat(none.problems()).extracting(Problem::code).contains(ProblemCode.NO_MDC);
        assertThat(none.explanation().orElseThrow().steps()).last().extracting(Step::kind).isEqualTo(Step.Kind.RESULT);
    }

    @Test
    void realCaseOfTheReferenceIsExplained() {
        // 22058878 of the OpenDRG real samples: expected GZ13
        InpatientCase c = InpatientCase.builder("22058878").female().age(88).ageDays(32460).los(94)
                .diagnoses("K22.301", "K11.901", "E11.900", "I10.x05").procedures("96.0800x005").build();
        GroupingResult r = CHS11.explain(c);
        assertThat(r).hasToString("22058878,ok,MDCG,GZ1,GZ13");
        assertThat(r.explanation().orElseThrow().steps())
                .anySatisfy(s -> assertThat(s.zh()).startsWith("进入 MDCG：主要诊断 K22.301 在其诊断表中"))
                .anySatisfy(s -> assertThat(s.rule()).isEqualTo("GZ1"));
    }
}
