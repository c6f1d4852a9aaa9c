package org.openhqd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemesCommandTest {

    @Test
    void listsTheShippedSchemesWithTheirDrgCounts() {
        CliRun r = CliRun.run("drg", "schemes");

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains("id").contains("name").contains("version").contains("region").contains("DRGs");
        assertThat(lines.get(1)).startsWith("chs-drg-1.1 ").contains("全国").containsPattern("\\s\\d{3,}$");
        assertThat(lines.get(2)).startsWith("beijing-2022 ").contains("北京").containsPattern("\\s\\d{3,}$");
        assertThat(lines.get(3)).startsWith("chs-drg-2.0 ").contains("全国").endsWith(" 634");
        // aligned: the version column starts at the same display column on every line
        int col = Table.width(lines.get(0).substring(0, lines.get(0).indexOf("版本")));
        assertThat(Table.width(lines.get(1).substring(0, lines.get(1).lastIndexOf(" 1.1 ") + 1))).isEqualTo(col);
        assertThat(Table.width(lines.get(2).substring(0, lines.get(2).lastIndexOf(" 2022 ") + 1))).isEqualTo(col);
        assertThat(Table.width(lines.get(3).substring(0, lines.get(3).lastIndexOf(" 2.0 ") + 1))).isEqualTo(col);
    }

    @Test
    void displayWidthCountsChineseAsTwo() {
        assertThat(Table.width("abc")).isEqualTo(3);
        assertThat(Table.width("全国")).isEqualTo(4);
        assertThat(Table.width("（CHS-DRG）")).isEqualTo(11);
    }
}
