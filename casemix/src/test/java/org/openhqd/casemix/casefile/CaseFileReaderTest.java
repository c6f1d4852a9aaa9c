package org.openhqd.casemix.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhqd.casemix.drg.ProblemCode;

class CaseFileReaderTest {

    static final String HEADER = "case_id,sex,age,age_days,birth_weight,dept,los,discharge_type,diagnoses,procedures\n";

    static List<CaseRow> read(CaseFileReader reader) {
        List<CaseRow> rows = new ArrayList<>();
        for (CaseRow r = reader.next(); r != null; r = reader.next()) {
            rows.add(r);
        }
        return rows;
    }

    @Test
    void readsRowsKeepsEmptyItemsAndSkipsBlankLines() {
        List<CaseRow> rows = read(CaseFileReader.of(new StringReader(HEADER
                + "A1,1,71,26266,,50,10,1,I21.000||I10.x00,\n\nA2,2,,,,,,,,36.0601|\n")));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(0).kase().diagnoses()).containsExactly("I21.000", "", "I10.x00");
        assertThat(rows.get(0).kase().procedures()).isEmpty();
        assertThat(rows.get(1).line()).isEqualTo(4);
        assertThat(rows.get(1).kase().diagnoses()).isEmpty();
        assertThat(rows.get(1).kase().procedures()).containsExactly("36.0601", "");
    }

    @Test
    void quotedListsSplitOnCommasAsTheReferenceDoes() {
        List<CaseRow> rows = read(CaseFileReader.of(new StringReader(HEADER
                + "A1,1,71,,,50,10,1,\"I21.000,I10.x00\",\"36.0601\"\n")));
        assertThat(rows.get(0).kase().diagnoses()).containsExactly("I21.000", "I10.x00");
        assertThat(rows.get(0).kase().procedures()).containsExactly("36.0601");
    }

    @Test
    void malformedRowsAreReportedWithTheirLineAndReadingGoesOn() {
        List<CaseRow> rows = read(CaseFileReader.of(new StringReader(HEADER
                + "A1,1,71\nA2,1,71,,,50,10,1,\"I21.000,\nA3,1,71,,,50,10,1,I21.000,\n")));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).readable()).isFalse();
        assertThat(rows.get(0).caseId()).isEqualTo("A1");
        assertThat(rows.get(0).problem().code()).isEqualTo(ProblemCode.TOO_FEW_FIELDS);
        assertThat(rows.get(0).problem().zh()).startsWith("第 2 行");
        assertThat(rows.get(1).problem().code()).isEqualTo(ProblemCode.MALFORMED_ROW);
        assertThat(rows.get(1).problem().en()).startsWith("line 3");
        assertThat(rows.get(2).readable()).isTrue();
    }

    @Test
    void chineseHeadersInAnyOrderWithExtraColumnsAndBom() {
        String text = "\uFEFF病案号,诊断,手术操作,性别,年龄,年龄（天）,出生体重,科室,住院天数,离院方式,备注\n"
                + "B1,I21.000|I10.x00,36.0601,1,65,,,0401,8,1,x\n";
        List<CaseRow> rows = read(CaseFileReader.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
        assertThat(rows.get(0).kase().caseId()).isEqualTo("B1");
        assertThat(rows.get(0).kase().age()).isEqualTo("65");
        assertThat(rows.get(0).kase().diagnoses()).containsExactly("I21.000", "I10.x00");
        assertThat(rows.get(0).kase().los()).isEqualTo("8");
    }

    @Test
    void gb18030FileReadsWithItsCharsetAndFailsClearlyAsUtf8() {
        String text = HEADER + "C1,男,45,,,内科,5,1,I21.000,\nC2,女,45,,,外科,5,1,I21.000,\n";
        byte[] gb = text.getBytes(Charset.forName("GB18030"));
        List<CaseRow> rows = read(CaseFileReader.of(new ByteArrayInputStream(gb), Charset.forName("GB18030")));
        assertThat(rows.get(0).kase().sex()).isEqualTo("男");
        assertThat(rows.get(1).kase().dept()).isEqualTo("外科");
        CaseFileReader asUtf8 = CaseFileReader.of(new ByteArrayInputStream(gb), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(asUtf8)).isInstanceOf(CaseFileException.class)
                .hasMessageContaining("第 2 行").hasMessageContaining("GB18030");
    }

    @Test
    void missingColumnsOrEmptyFileAreRefusedAsAWhole() {
        assertThatThrownBy(() -> CaseFileReader.of(new StringReader("case_id,sex,age\n")))
                .isInstanceOf(CaseFileException.class).hasMessageContaining("age_days").hasMessageContaining("header lacks");
        assertThatThrownBy(() -> CaseFileReader.of(new StringReader("")))
                .isInstanceOf(CaseFileException.class).hasMessageContaining("header line is required");
    }
}
