package org.openhqd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommandTest {

    static final String HEADER = "case_id,sex,age,age_days,birth_weight,dept,los,discharge_type,diagnoses,procedures";
    static final String A1 = "A1,1,71,26266,,50,10,1,I21.000|I10.x00,";
    static final Path CONFORMANCE = Path.of("..", "casemix", "src", "test", "resources", "conformance");

    @TempDir
    Path dir;

    private Path write(String name, String text, Charset charset) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, charset);
        return p;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text, StandardCharsets.UTF_8);
    }

    private static List<List<String>> csv(Path p) throws IOException {
        return CliRun.parseCsv(Files.readString(p, StandardCharsets.UTF_8));
    }

    @Test
    void malformedRowsAreWrittenAsInvalidAndEveryOtherRowIsGrouped() throws IOException {
        Path in = write("cases.csv", HEADER + "\n"
                + A1 + "\n"
                + "B2,\"1,71,26266,,50,10,1,I21.000,\n"      // line 3: unbalanced quote
                + "C3,1,71\n"                                 // line 4: too few fields
                + "D4,2,45,,,50,5,1,I21.000,\n");
        Path out = dir.resolve("result.csv");

        CliRun r = CliRun.run("drg", "group", "--in", in.toString(), "--out", out.toString());

        assertThat(r.exitCode()).isZero();
        List<List<String>> rows = csv(out);
        assertThat(rows.get(0)).containsExactly("case_id", "status", "mdc", "adrg", "drg", "drg_name", "problems");
        assertThat(rows).hasSize(5);
        assertThat(rows.subList(1, 5)).extracting(row -> row.get(0)).containsExactly("A1", "B2", "C3", "D4");
        assertThat(rows.subList(1, 5)).allSatisfy(row -> assertThat(row).hasSize(7));
        assertThat(rows.get(2).get(1)).isEqualTo("invalid");
        assertThat(rows.get(2).get(6)).contains("line 3").contains("第 3 行");
        assertThat(rows.get(3).get(1)).isEqualTo("invalid");
        assertThat(rows.get(3).get(6)).contains("line 4");
        assertThat(rows.get(1).get(1)).isIn("ok", "ambiguous", "ungroupable", "invalid");
        assertThat(r.err()).contains("已分组 4 例").contains("grouped 4 cases")
                .contains("格式错误行 2").contains("malformed rows 2")
                .containsPattern("invalid [2-4]")
                .contains("cases/s");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void firstColumnsEqualTheConformanceExpectations() throws IOException {
        for (String scheme : List.of("chs-drg-1.1", "beijing-2022", "chs-drg-2.0")) {
            Path out = dir.resolve(scheme + ".csv");
            CliRun r = CliRun.run("drg", "group", "--scheme", scheme,
                    "--in", CONFORMANCE.resolve(scheme).resolve("cases.csv").toString(), "--out", out.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            List<String> expected = Files.readAllLines(CONFORMANCE.resolve(scheme).resolve("expected.csv"));
            List<String> actual = csv(out).stream()
                    .map(row -> String.join(",", row.subList(0, 5)))
                    .collect(Collectors.toList());
            assertThat(actual).as(scheme).hasSize(expected.size()).isEqualTo(expected);
        }
    }

    @Test
    void chsDrg20ReadsCodeListsItsOwnWayAndExplainsItsChecks() throws IOException {
        // the upstream case of the CHS-DRG 2.0 reference; a quoted comma is part of a code in 2.0, a separator in 1.1
        Path in = write("v20.csv", HEADER + "\n"
                + "U1,1,45,,,,,,K80.101|I50.900,51.2300\n"
                + "U2,1,45,,,,,,\"K80.101,I50.900\",51.2300\n"
                + "U3,1,45,,,,,, K80.101 ||I50.900,90.5900|51.2300\n");
        Path out20 = dir.resolve("v20-out.csv");
        Path out11 = dir.resolve("v11-out.csv");

        CliRun r = CliRun.run("drg", "group", "--scheme", "chs-drg-2.0", "--explain", "--in", in.toString(),
                "--out", out20.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(CliRun.run("drg", "group", "--in", in.toString(), "--out", out11.toString()).exitCode()).isZero();

        List<List<String>> v20 = csv(out20);
        assertThat(String.join(",", v20.get(1).subList(0, 5))).isEqualTo("U1,ok,MDCH,HC2,HC23");
        assertThat(String.join(",", v20.get(2).subList(0, 5))).isEqualTo("U2,ungroupable,,,");
        assertThat(v20.get(2).get(6)).contains("HQD-DRG-301").contains("K80.101,I50.900");
        // trimmed codes, empty item dropped; 90.5900 (a non-surgical principal) is emptied, 51.2300 stays second
        assertThat(v20.get(3).get(1)).isEqualTo("ok");
        assertThat(v20.get(3).get(6)).contains("HQD-DRG-303").contains("90.5900");
        assertThat(v20.get(1).get(7)).contains("进入 MDCA：无进入条件");
        assertThat(String.join(",", csv(out11).get(2).subList(0, 3))).isEqualTo("U2,ok,MDCH");
    }

    @Test
    void aFewConformanceRowsGroupExactly() throws IOException {
        Path cases = CONFORMANCE.resolve("chs-drg-1.1").resolve("cases.csv");
        Path expected = CONFORMANCE.resolve("chs-drg-1.1").resolve("expected.csv");
        List<String> some;
        try (Stream<String> lines = Files.lines(cases)) {
            some = lines.limit(6).toList();
        }
        Path in = write("some.csv", String.join("\n", some) + "\n");
        Path out = dir.resolve("some-out.csv");

        assertThat(CliRun.run("drg", "group", "--in", in.toString(), "--out", out.toString()).exitCode()).isZero();

        List<String> want = Files.readAllLines(expected).subList(1, 6);
        List<List<String>> got = csv(out).subList(1, 6);
        for (int i = 0; i < 5; i++) {
            assertThat(String.join(",", got.get(i).subList(0, 5))).isEqualTo(want.get(i));
        }
    }

    @Test
    void utf8WithBomGroupsLikeWithout() throws IOException {
        String text = HEADER + "\n" + A1 + "\n";
        Path plain = write("plain.csv", text);
        Path bom = write("bom.csv", "\uFEFF" + text);
        Path outPlain = dir.resolve("plain-out.csv");
        Path outBom = dir.resolve("bom-out.csv");

        assertThat(CliRun.run("drg", "group", "--in", plain.toString(), "--out", outPlain.toString()).exitCode()).isZero();
        assertThat(CliRun.run("drg", "group", "--in", bom.toString(), "--out", outBom.toString()).exitCode()).isZero();

        assertThat(Files.readString(outBom)).isEqualTo(Files.readString(outPlain));
        assertThat(csv(outBom).get(1).get(0)).isEqualTo("A1");
    }

    @Test
    void gb18030NeedsTheEncodingOption() throws IOException {
        // Chinese header names and a Chinese department on line 3
        String text = "病案号,性别,年龄,年龄（天）,出生体重,科室,住院天数,离院方式,诊断,手术\n"
                + A1 + "\n"
                + "A2,2,45,,,心内科,5,1,I21.000|I10.x00,\n";
        Path utf8 = write("utf8.csv", text);
        Path gb = write("gb.csv", text, Charset.forName("GB18030"));
        Path outUtf8 = dir.resolve("utf8-out.csv");
        Path outGb = dir.resolve("gb-out.csv");

        assertThat(CliRun.run("drg", "group", "--in", utf8.toString(), "--out", outUtf8.toString()).exitCode()).isZero();
        CliRun ok = CliRun.run("drg", "group", "--encoding", "GB18030", "--in", gb.toString(), "--out", outGb.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(Files.readString(outGb)).isEqualTo(Files.readString(outUtf8));

        Path outBad = dir.resolve("bad-out.csv");
        CliRun bad = CliRun.run("drg", "group", "--in", gb.toString(), "--out", outBad.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("line 1").contains("第 1 行").contains("GB18030").contains(gb.toString())
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(bad.err().strip().lines()).hasSize(1);
        assertThat(outBad).doesNotExist();
    }

    @Test
    void badBytesInTheMiddleNameTheirLineAndLeaveNoOutput() throws IOException {
        String text = HEADER + "\n" + A1 + "\n" + "A2,2,45,,,心内科,5,1,I21.000|I10.x00,\n";
        Path gb = write("gb-mid.csv", text, Charset.forName("GB18030"));
        Path out = dir.resolve("mid-out.csv");

        CliRun r = CliRun.run("drg", "group", "--in", gb.toString(), "--out", out.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("line 3").contains("第 3 行");
        assertThat(out).doesNotExist();
        assertThat(dir.toFile().list()).allSatisfy(name -> assertThat(name).doesNotEndWith(".part"));
    }

    @Test
    void missingHeaderColumnFailsWithoutOutput() throws IOException {
        Path in = write("nohead.csv", "case_id,sex,age,age_days,birth_weight,dept,los,discharge_type,diagnoses\n"
                + "A1,1,71,26266,,50,10,1,I21.000\n");
        Path out = dir.resolve("nohead-out.csv");

        CliRun r = CliRun.run("drg", "group", "--in", in.toString(), "--out", out.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("hqd: ").contains("procedures").contains("表头");
        assertThat(out).doesNotExist();
    }

    @Test
    void unknownSchemeFails() throws IOException {
        Path in = write("cases.csv", HEADER + "\n" + A1 + "\n");
        Path out = dir.resolve("out.csv");

        CliRun r = CliRun.run("drg", "group", "--scheme", "no-such-scheme", "--in", in.toString(), "--out", out.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no-such-scheme").contains("unknown scheme").contains("未知的分组方案")
                .contains("chs-drg-1.1");
        assertThat(out).doesNotExist();
    }

    @Test
    void unknownEncodingAndMissingFileFail() throws IOException {
        Path in = write("cases.csv", HEADER + "\n" + A1 + "\n");
        Path out = dir.resolve("out.csv");

        CliRun enc = CliRun.run("drg", "group", "--encoding", "KLINGON-8", "--in", in.toString(), "--out", out.toString());
        assertThat(enc.exitCode()).isEqualTo(2);
        assertThat(enc.err()).contains("KLINGON-8").contains("unknown encoding");

        CliRun missing = CliRun.run("drg", "group", "--in", dir.resolve("absent.csv").toString(), "--out", out.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("absent.csv").contains("not found").contains("找不到");

        assertThat(out).doesNotExist();
    }

    @Test
    void aFailedRunKeepsThePreviousOutputFile() throws IOException {
        Path out = write("keep.csv", "previous result\n");

        CliRun r = CliRun.run("drg", "group", "--in", dir.resolve("absent.csv").toString(), "--out", out.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(Files.readString(out)).isEqualTo("previous result\n");
    }

    @Test
    void outputIntoAMissingFolderIsAnOutputError() throws IOException {
        Path in = write("cases.csv", HEADER + "\n" + A1 + "\n");

        CliRun r = CliRun.run("drg", "group", "--in", in.toString(), "--out", dir.resolve("nope/out.csv").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("output directory does not exist");
    }

    @Test
    void explainAddsBothExplanationColumns() throws IOException {
        Path in = write("cases.csv", HEADER + "\n" + A1 + "\nC3,1,71\n");
        Path out = dir.resolve("explained.csv");

        CliRun r = CliRun.run("drg", "group", "--explain", "--in", in.toString(), "--out", out.toString());

        assertThat(r.exitCode()).isZero();
        List<List<String>> rows = csv(out);
        assertThat(rows.get(0)).containsExactly("case_id", "status", "mdc", "adrg", "drg", "drg_name", "problems",
                "explanation", "explanation_en");
        assertThat(rows).hasSize(3);
        assertThat(rows.subList(1, 3)).allSatisfy(row -> assertThat(row).hasSize(9));
        assertThat(rows.get(1).get(7)).isNotBlank().containsPattern("\\p{IsHan}");
        assertThat(rows.get(1).get(8)).isNotBlank().containsPattern("[a-z]{3,}");
        assertThat(rows.get(2).get(1)).isEqualTo("invalid"); // the malformed row: no explanation, still a row
    }

    @Test
    void normaliseAddsTheChangeColumns() throws IOException {
        Path in = write("cases.csv", HEADER + "\n" + A1 + "\n"
                + "A2,1,71,26266,,50,10,1,i21.000 |I10.X00,\n"
                + "C3,1,71\n");
        Path out = dir.resolve("normalised.csv");

        CliRun r = CliRun.run("drg", "group", "--normalise", "--in", in.toString(), "--out", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<List<String>> rows = csv(out);
        assertThat(rows.get(0)).containsExactly("case_id", "status", "mdc", "adrg", "drg", "drg_name", "problems",
                "changes", "status_before", "drg_before");
        assertThat(rows).hasSize(4);
        assertThat(rows.subList(1, 4)).allSatisfy(row -> assertThat(row).hasSize(10));
        assertThat(rows.get(1).get(7)).isEmpty();
        assertThat(rows.get(2).get(7)).contains("diagnoses[0]").contains("I21.000");
        // once normalised, A2 is A1
        assertThat(rows.get(2).subList(1, 6)).isEqualTo(rows.get(1).subList(1, 6));
        assertThat(rows.get(3).get(8)).isEqualTo("invalid");
        assertThat(r.err()).contains("normalisation changed 1 cases");
    }

    @Test
    void explainAndNormaliseTogether() throws IOException {
        Path in = write("cases.csv", HEADER + "\n" + A1 + "\n");
        Path out = dir.resolve("both.csv");

        assertThat(CliRun.run("drg", "group", "--explain", "--normalise", "--in", in.toString(),
                "--out", out.toString()).exitCode()).isZero();

        assertThat(csv(out).get(0)).hasSize(12).endsWith("explanation", "explanation_en", "changes", "status_before",
                "drg_before");
        assertThat(csv(out).get(1)).hasSize(12);
    }

    @Test
    void readsStandardInputAndWritesStandardOutput() {
        byte[] in = (HEADER + "\n" + A1 + "\nC3,1,71\n").getBytes(StandardCharsets.UTF_8);

        CliRun r = CliRun.runWithStdin(in, "drg", "group");

        assertThat(r.exitCode()).isZero();
        List<List<String>> rows = CliRun.parseCsv(r.stdout());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(0)).isEqualTo("A1");
        assertThat(r.stdout()).doesNotContain("\r");
        assertThat(r.err()).contains("grouped 2 cases");
    }

    @Test
    void manyRowsKeepTheirOrderAcrossThreads() throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            text.append(i % 997 == 0 ? "X" + i + ",1,71\n" : "R" + i + A1.substring(2) + "\n");
        }
        Path in = write("many.csv", text.toString());
        Path out = dir.resolve("many-out.csv");

        CliRun r = CliRun.run("drg", "group", "--threads", "3", "--in", in.toString(), "--out", out.toString());

        assertThat(r.exitCode()).isZero();
        List<List<String>> rows = csv(out);
        assertThat(rows).hasSize(n + 1);
        for (int i = 0; i < n; i++) {
            assertThat(rows.get(i + 1).get(0)).isEqualTo((i % 997 == 0 ? "X" : "R") + i);
        }
        assertThat(r.err()).contains("grouped " + n + " cases").contains("malformed rows 21");
    }

    @Test
    void oneThreadGivesTheSameOutputAsThePipeline() throws IOException {
        Path in = CONFORMANCE.resolve("chs-drg-1.1").resolve("cases.csv");
        Path single = dir.resolve("single.csv");
        Path pipelined = dir.resolve("pipelined.csv");

        assertThat(CliRun.run("drg", "group", "--threads", "0", "--explain", "--in", in.toString(),
                "--out", single.toString()).exitCode()).isZero();
        assertThat(CliRun.run("drg", "group", "--threads", "2", "--explain", "--in", in.toString(),
                "--out", pipelined.toString()).exitCode()).isZero();

        assertThat(Files.readString(single)).isEqualTo(Files.readString(pipelined));
        assertThat(CliRun.run("drg", "group", "--threads", "-1", "--in", in.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void fieldsWithCommasAndQuotesAreQuoted() throws IOException {
        Path in = write("quotes.csv", HEADER + "\n" + "\"Q,1 \"\"x\"\"\",1,71\n");
        Path out = dir.resolve("quotes-out.csv");

        assertThat(CliRun.run("drg", "group", "--in", in.toString(), "--out", out.toString()).exitCode()).isZero();

        String text = Files.readString(out);
        assertThat(text).contains("\"Q,1 \"\"x\"\"\",invalid,");
        assertThat(csv(out).get(1).get(0)).isEqualTo("Q,1 \"x\"");
    }

    @Test
    void emptyFileIsUnreadable() throws IOException {
        Path in = write("empty.csv", "");
        Path out = dir.resolve("empty-out.csv");

        CliRun r = CliRun.run("drg", "group", "--in", in.toString(), "--out", out.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(out).doesNotExist();
    }

    @Test
    void headerOnlyGivesHeaderOnly() throws IOException {
        Path in = write("header.csv", HEADER + "\n");
        Path out = dir.resolve("header-out.csv");

        CliRun r = CliRun.run("drg", "group", "--in", in.toString(), "--out", out.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(Files.readString(out)).isEqualTo("case_id,status,mdc,adrg,drg,drg_name,problems\n");
        assertThat(r.err()).contains("grouped 0 cases");
    }
}
