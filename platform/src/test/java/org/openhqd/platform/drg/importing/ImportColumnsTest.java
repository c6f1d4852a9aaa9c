package org.openhqd.platform.drg.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Header mapping, CSV cell splitting and XLSX value rendering, without a database. */
class ImportColumnsTest {

    @Test
    void numberedColumnsCountFromThePrincipalUnlessItHasItsOwnColumn() {
        ImportColumns withPrincipal = ImportColumns.of(new String[] {"病案号", "主要手术操作编码", "手术操作编码1", "其他诊断编码2"}, 1);
        assertThat(withPrincipal.target(1)).isEqualTo(new ImportColumns.Numbered(true, 0, "code"));
        assertThat(withPrincipal.target(2)).isEqualTo(new ImportColumns.Numbered(true, 1, "code"));
        assertThat(withPrincipal.target(3)).isEqualTo(new ImportColumns.Numbered(false, 2, "code"));
        ImportColumns without = ImportColumns.of(new String[] {"病案号", "手术操作编码1", "手术操作日期2", "诊断编码1"}, 1);
        assertThat(without.target(1)).isEqualTo(new ImportColumns.Numbered(true, 0, "code"));
        assertThat(without.target(2)).isEqualTo(new ImportColumns.Numbered(true, 1, "date"));
        assertThat(without.target(3)).isEqualTo(new ImportColumns.Numbered(false, 0, "code"));
    }

    @Test
    void headersMatchIgnoringSpacesCaseAndFullWidthBrackets() {
        ImportColumns c = ImportColumns.of(new String[] {" Case_ID ", "年龄（天）", "DIAGNOSES", "备注"}, 1);
        assertThat(c.target(0)).isEqualTo(new ImportColumns.Scalar("case_id"));
        assertThat(c.target(1)).isEqualTo(new ImportColumns.Scalar("age_days"));
        assertThat(c.target(2)).isEqualTo(new ImportColumns.Joined(false, "code"));
        assertThat(c.target(3)).isNull();
        assertThat(c.ignored()).containsExactly("备注");
        assertThat(c.hasInstitution()).isFalse();
    }

    @Test
    void badHeadersStopTheImportWithTheirReason() {
        assertThatThrownBy(() -> ImportColumns.of(new String[] {"性别", "年龄"}, 1)).isInstanceOf(ImportFileException.class)
                .hasMessageContaining("第 1 行").hasMessageContaining("case id");
        assertThatThrownBy(() -> ImportColumns.of(new String[] {"病案号", "case_id"}, 1)).hasMessageContaining("同一字段");
        assertThatThrownBy(() -> ImportColumns.of(new String[] {"病案号", "diagnoses", "其他诊断编码1"}, 1))
                .hasMessageContaining("numbered").hasMessageContaining("joined");
    }

    @Test
    void csvCellsFollowQuotesAndAnUnbalancedLineIsMarked() {
        assertThat(CsvRowSource.cells("a,\"b,c\",\"d\"\"e\",")).containsExactly("a", "b,c", "d\"e", "");
        assertThat(CsvRowSource.cells("a,\"b")).isNull();
        List<String[]> rows = new ArrayList<>();
        new CsvRowSource(new ByteArrayInputStream("\uFEFF病案号,x\r\n\r\nA1,\"1\r\nA2,2\r\n".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8).read(new RowSource.Handler() {
                    @Override
                    public void header(long line, String[] cells) {
                        rows.add(cells);
                    }

                    @Override
                    public void row(long line, String[] cells) {
                        rows.add(cells);
                    }
                });
        assertThat(rows.get(0)).containsExactly("病案号", "x");
        assertThat(rows.get(1)).containsExactly(CsvRowSource.UNBALANCED);
        assertThat(rows.get(2)).containsExactly("A2", "2");
    }

    @Test
    void xlsxNumbersAndColumnsRenderPlainly() {
        assertThat(XlsxRowSource.plain(1.0E7)).isEqualTo("10000000");
        assertThat(XlsxRowSource.plain(45.0)).isEqualTo("45");
        assertThat(XlsxRowSource.plain(1234.5)).isEqualTo("1234.5");
        assertThat(XlsxRowSource.plain(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(XlsxRowSource.looksRawNumber("1.0E7")).isTrue();
        assertThat(XlsxRowSource.looksRawNumber("-12.50")).isTrue();
        assertThat(XlsxRowSource.looksRawNumber("2025-03-05")).isFalse();
        assertThat(XlsxRowSource.looksRawNumber("I21.0")).isFalse();
        assertThat(XlsxRowSource.column("A1")).isZero();
        assertThat(XlsxRowSource.column("AB12")).isEqualTo(27);
        assertThat(XlsxRowSource.date(45721.354166666664)).isEqualTo("2025-03-05 08:30");
        assertThat(XlsxRowSource.date(45721.0)).isEqualTo("2025-03-05");
    }

    @Test
    void seenCaseIdsAreExactPerInstitution() {
        SeenCaseIds seen = new SeenCaseIds();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.putIfAbsent(1, "C" + i, i + 2)).isEqualTo(-1);
        }
        assertThat(seen.putIfAbsent(1, "C500", 999_999)).isEqualTo(502);
        assertThat(seen.putIfAbsent(2, "C500", 999_999)).isEqualTo(-1);
        assertThat(seen.putIfAbsent(1, "病案C500", 3)).isEqualTo(-1);
        assertThat(seen.size()).isEqualTo(100_002);
    }
}
