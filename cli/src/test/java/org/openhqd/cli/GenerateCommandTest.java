package org.openhqd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs the casemix CaseGenerator (implemented alongside this command). */
class GenerateCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheRequestedNumberOfCasesAsACaseFile() throws IOException {
        Path out = dir.resolve("g.csv");

        CliRun r = CliRun.run("drg", "generate", "--cases", "500", "--seed", "7", "--out", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<List<String>> rows = CliRun.parseCsv(Files.readString(out));
        assertThat(rows).hasSize(501);
        assertThat(String.join(",", rows.get(0))).isEqualTo(GroupCommandTest.HEADER);
        assertThat(rows.subList(1, 501)).allSatisfy(row -> assertThat(row).hasSize(10));
        assertThat(rows.get(1).get(0)).isEqualTo("G000000001");
        assertThat(rows.get(500).get(0)).isEqualTo("G000000500");
        assertThat(r.err()).contains("generated 500 cases").contains("已生成 500 例");
    }

    @Test
    void sameSeedSameCasesOtherSeedOtherCases() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path c = dir.resolve("c.csv");

        CliRun.run("drg", "generate", "--cases", "300", "--seed", "1", "--out", a.toString());
        CliRun.run("drg", "generate", "--cases", "300", "--seed", "1", "--out", b.toString());
        CliRun.run("drg", "generate", "--cases", "300", "--seed", "2", "--out", c.toString());

        assertThat(Files.readString(a)).isEqualTo(Files.readString(b)).isNotEqualTo(Files.readString(c));
    }

    @Test
    void generatedCasesGroupWithoutMalformedRows() throws IOException {
        Path cases = dir.resolve("g.csv");
        Path result = dir.resolve("r.csv");
        assertThat(CliRun.run("drg", "generate", "--cases", "2000", "--out", cases.toString()).exitCode()).isZero();

        CliRun r = CliRun.run("drg", "group", "--in", cases.toString(), "--out", result.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("grouped 2000 cases").contains("malformed rows 0");
        assertThat(CliRun.parseCsv(Files.readString(result))).hasSize(2001);
    }

    @Test
    void writesToStandardOutput() {
        CliRun r = CliRun.run("drg", "generate", "--cases", "3");

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout().lines()).hasSize(4).first().isEqualTo(GroupCommandTest.HEADER);
    }

    @Test
    void badArgumentsFail() {
        assertThat(CliRun.run("drg", "generate", "--cases", "-1").exitCode()).isEqualTo(2);
        assertThat(CliRun.run("drg", "generate").exitCode()).isEqualTo(2);
        Path out = dir.resolve("x.csv");
        CliRun r = CliRun.run("drg", "generate", "--cases", "5", "--scheme", "nope", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(out).doesNotExist();
    }
}
