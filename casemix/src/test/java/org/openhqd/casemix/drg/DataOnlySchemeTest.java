package org.openhqd.casemix.drg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhqd.casemix.casefile.CaseFileReader;
import org.openhqd.casemix.casefile.CaseRow;

/**
 * A new scheme needs data only: the hand-written "mini" scheme (test resources) uses every clause
 * type, the Beijing extensions (alternative entry rules, secondary-diagnosis and any-procedure
 * clauses, age and length-of-stay DRG clauses, ADRG code as DRG) and an enabled QY checkpoint,
 * and groups its own sample exactly — through the same loader and engine, with no Java for it.
 */
class DataOnlySchemeTest {

    static Path miniFolder() throws URISyntaxException {
        return Path.of(DataOnlySchemeTest.class.getResource("/test-schemes/mini/scheme.tsv").toURI()).getParent();
    }

    @Test
    void aSchemeFolderOnDiskGroupsItsSamplesExactly() throws Exception {
        Scheme mini = SchemeCatalog.builtIn().get(miniFolder().toString());
        assertThat(mini.info().id()).isEqualTo("mini");
        assertThat(mini.info().name()).isEqualTo("测试方案（仅数据）");
        assertThat(mismatches(DrgGrouper.of(mini))).isEmpty();
    }

    @Test
    void aClasspathCatalogServesTheSameScheme() throws Exception {
        SchemeCatalog catalog = SchemeCatalog.classpath(getClass().getClassLoader(), "test-schemes");
        assertThat(catalog.ids()).containsExactly("mini");
        Scheme mini = catalog.get("mini");
        assertThat(catalog.get("mini")).as("loaded once per catalog").isSameAs(mini);
        assertThat(mismatches(DrgGrouper.of(mini))).isEmpty();
    }

    private List<String> mismatches(DrgGrouper grouper) throws Exception {
        Map<String, String> want = ConformanceTest.readExpected("/test-schemes/mini-samples/expected.csv");
        List<String> bad = new ArrayList<>();
        int n = 0;
        try (CaseFileReader reader = CaseFileReader.of(
                ConformanceTest.resource("/test-schemes/mini-samples/cases.csv"), StandardCharsets.UTF_8)) {
            for (CaseRow row = reader.next(); row != null; row = reader.next()) {
                n++;
                String got = grouper.group(row.kase()).toString();
                if (!got.equals(want.get(row.caseId()))) {
                    bad.add("expected " + want.get(row.caseId()) + " got " + got);
                }
            }
        }
        assertThat(n).isEqualTo(want.size()).isEqualTo(26);
        return bad;
    }

    // ---- a scheme that does not follow the format fails to load, naming file and line ----

    @Test
    void unknownClauseValueIsRefusedWithFileAndLine(@TempDir Path dir) throws Exception {
        Path copy = copyMini(dir);
        replace(copy.resolve("adrg.tsv"), "|principal|||||||\n".replace('|', '\t'), "\tprincipal_or_first\t\t\t\t\t\t\t\n");
        assertThatThrownBy(() -> SchemeLoader.load(SchemeSource.directory(copy), "copy"))
                .isInstanceOf(SchemeFormatException.class)
                .hasMessageContaining("adrg.tsv:")
                .hasMessageContaining("principal_or_first")
                .hasMessageContaining("不受支持")
                .hasMessageContaining("not supported");
    }

    @Test
    void filledColumnTheEngineDoesNotKnowIsRefused(@TempDir Path dir) throws Exception {
        Path copy = copyMini(dir);
        Path adrg = copy.resolve("adrg.tsv");
        List<String> lines = Files.readAllLines(adrg);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + "\tdx3_scope");
        for (int i = 1; i < lines.size(); i++) {
            out.add(lines.get(i) + (i == 3 ? "\t1" : "\t"));
        }
        Files.write(adrg, out);
        assertThatThrownBy(() -> SchemeLoader.load(SchemeSource.directory(copy), "copy"))
                .isInstanceOf(SchemeFormatException.class)
                .hasMessageContaining("adrg.tsv:4")
                .hasMessageContaining("dx3_scope");
    }

    @Test
    void anEmptyOptionalColumnIsAccepted(@TempDir Path dir) throws Exception {
        Path copy = copyMini(dir);
        Path adrg = copy.resolve("adrg.tsv");
        List<String> lines = Files.readAllLines(adrg);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + "\tsome_future_column");
        lines.stream().skip(1).forEach(l -> out.add(l + "\t"));
        Files.write(adrg, out);
        assertThat(mismatches(DrgGrouper.of(SchemeLoader.load(SchemeSource.directory(copy), "copy")))).isEmpty();
    }

    @Test
    void unknownOptionsAreRefusedRatherThanMisread(@TempDir Path dir) throws Exception {
        Path copy = copyMini(dir);
        Files.writeString(copy.resolve("options.tsv"), "option\tvalue\ncase_reading\tchs-drg-3.0\n");
        assertThatThrownBy(() -> SchemeLoader.load(SchemeSource.directory(copy), "copy"))
                .isInstanceOf(SchemeFormatException.class)
                .hasMessageContaining("options.tsv:2")
                .hasMessageContaining("case_reading");

        Files.writeString(copy.resolve("options.tsv"), "option\tvalue\ncase_reading\t\nround_numbers\tup\n");
        assertThatThrownBy(() -> SchemeLoader.load(SchemeSource.directory(copy), "copy"))
                .isInstanceOf(SchemeFormatException.class)
                .hasMessageContaining("options.tsv:3")
                .hasMessageContaining("round_numbers");
    }

    @Test
    void emptyOptionsAndEmptyCodeCheckFilesKeepTheOneOneBehaviour(@TempDir Path dir) throws Exception {
        Path copy = copyMini(dir);
        Files.writeString(copy.resolve("options.tsv"), "option\tvalue\ncase_reading\t\n");
        for (String file : List.of("invalid_dx.tsv", "gray_dx.tsv", "gray_proc.tsv", "invalid_proc.tsv")) {
            Files.writeString(copy.resolve(file), "code\n");
        }
        Scheme scheme = SchemeLoader.load(SchemeSource.directory(copy), "copy");
        assertThat(scheme.caseReading()).isEqualTo(CaseReading.CHS_DRG_11);
        assertThat(mismatches(DrgGrouper.of(scheme))).isEmpty();
    }

    @Test
    void missingRequiredFileAndDanglingReferencesAreNamed(@TempDir Path dir) throws Exception {
        Path copy = copyMini(dir);
        Files.delete(copy.resolve("drg.tsv"));
        assertThatThrownBy(() -> SchemeLoader.load(SchemeSource.directory(copy), "copy"))
                .isInstanceOf(SchemeFormatException.class).hasMessageContaining("drg.tsv").hasMessageContaining("missing");

        Path other = copyMini(dir.resolve("b"));
        Files.writeString(other.resolve("adrg_dx.tsv"), "XX9\t1\tA00.000\n", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> SchemeLoader.load(SchemeSource.directory(other), "copy"))
                .isInstanceOf(SchemeFormatException.class).hasMessageContaining("adrg_dx.tsv:9").hasMessageContaining("XX9");

        Path third = copyMini(dir.resolve("c"));
        Files.writeString(third.resolve("drg.tsv"), "B\tBR1\tx\tBR17\tALWAYS\tname\t\t\t\n", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> SchemeLoader.load(SchemeSource.directory(third), "copy"))
                .isInstanceOf(SchemeFormatException.class).hasMessageContaining("drg.tsv:18").hasMessageContaining("step");
    }

    @Test
    void unknownSchemeIdListsTheAvailableOnes() {
        assertThatThrownBy(() -> SchemeCatalog.builtIn().get("chs-drg-9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chs-drg-1.1").hasMessageContaining("beijing-2022").hasMessageContaining("未知");
    }

    static Path copyMini(Path target) throws IOException, URISyntaxException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(miniFolder())) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }
}
