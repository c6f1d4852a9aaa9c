package org.openhqd.platform.drg.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfficialWeightCsvTest {

    private static final Set<String> SCHEME = Set.of("GZ13", "GZ15", "FR13", "ES21");

    @Test
    void chineseHeadersInAnyOrderWithOptionalColumns() {
        OfficialWeightCsv.Table t = OfficialWeightCsv.parse("\uFEFF权重,DRG编码,病组名称,例均费用（元）,平均住院日,风险等级\n"
                + "0.8123,gz13,\"其他消化系统诊断，不伴并发症或合并症\",6543.219,6.5,1\n1.5,FR13,\"名称, 含逗号\",,,\n", SCHEME);
        assertThat(t.hasRiskLevels()).isTrue();
        assertThat(t.rows()).hasSize(2);
        OfficialWeightCsv.Row r = t.rows().get(0);
        assertThat(r.drg()).isEqualTo("GZ13");
        assertThat(r.rw()).isEqualByComparingTo("0.8123");
        assertThat(r.avgCost()).isEqualByComparingTo("6543.22");
        assertThat(r.avgLos()).isEqualByComparingTo("6.50");
        assertThat(r.riskLevel()).isEqualTo(1);
        assertThat(t.rows().get(1).avgCost()).isNull();
        assertThat(t.rows().get(1).riskLevel()).isNull();
    }

    @Test
    void englishHeadersWithoutRiskLevels() {
        OfficialWeightCsv.Table t = OfficialWeightCsv.parse("drg,rw,avg_cost,avg_los\nGZ15,0.6,5000,5\n", SCHEME);
        assertThat(t.hasRiskLevels()).isFalse();
        assertThat(t.rows().get(0).rw()).isEqualByComparingTo("0.6");
    }

    @Test
    void everyBadLineAndFieldIsNamedInChineseAndEnglish() {
        assertThatThrownBy(() -> OfficialWeightCsv.parse("""
                drg,rw,avg_cost,avg_los,risk_level
                GZ13,0.8,6000,6,1
                ZZ99,1.0,,,
                GZ13,0.9,,,
                FR13,-1,abc,0,7
                ES21,1.2
                """, SCHEME))
                .isInstanceOf(WeightImportException.class)
                .satisfies(e -> {
                    List<WeightImportException.Problem> p = ((WeightImportException) e).problems();
                    assertThat(p).extracting(WeightImportException.Problem::line)
                            .containsExactly(3, 4, 5, 5, 5, 5, 6);
                    assertThat(p).extracting(WeightImportException.Problem::field)
                            .containsExactly("drg", "drg", "rw", "avg_cost", "avg_los", "risk_level", "line");
                    assertThat(p.get(0).message()).contains("第 3 行 drg").contains("分组方案中没有 DRG “ZZ99”")
                            .contains("line 3, field drg").contains("the scheme has no DRG \"ZZ99\"");
                    assertThat(p.get(1).message()).contains("与第 2 行 DRG 重复").contains("same DRG as line 2");
                    assertThat(p.get(6).message()).contains("应有 5 列，实际 2 列");
                });
    }

    @Test
    void theHeaderMustNameTheRequiredColumnsAndNoUnknownOnes() {
        assertThatThrownBy(() -> OfficialWeightCsv.parse("drg,weight_x\nGZ13,1\n", SCHEME))
                .isInstanceOf(WeightImportException.class)
                .satisfies(e -> assertThat(((WeightImportException) e).problems()).extracting(WeightImportException.Problem::field)
                        .containsExactly("weight_x", "rw"));
        assertThatThrownBy(() -> OfficialWeightCsv.parse("", SCHEME)).isInstanceOf(WeightImportException.class);
        assertThatThrownBy(() -> OfficialWeightCsv.parse("drg,rw\n\n", SCHEME))
                .satisfies(e -> assertThat(((WeightImportException) e).problems().get(0).message()).contains("没有数据行"));
    }
}
