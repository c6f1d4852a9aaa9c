package org.openhqd.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped rule fires on its fixture and stays silent on its near-miss (rule-fixtures.tsv). */
class ShippedRulesTest {

    record Row(int line, String ruleId, boolean fires, String field, String changes) {
        @Override
        public String toString() {
            return ruleId + " " + (fires ? "fires" : "clean") + " [" + changes + "] (line " + line + ")";
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(ShippedRulesTest.class
                .getResourceAsStream("rule-fixtures.tsv"), StandardCharsets.UTF_8))) {
            int n = 0;
            boolean header = true;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] c = line.split("\t", -1);
                rows.add(new Row(n, c[0], c[1].equals("fires"), c[2], c[3]));
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void ruleFiresOnItsFixtureAndNotOnItsNearMiss(Row row) {
        QcReport report = Fixtures.CHECKER.check(Fixtures.edited(row.changes()));
        List<Finding> hits = report.findingsOf(row.ruleId());
        if (row.fires()) {
            assertThat(hits).as("findings of %s; all: %s", row.ruleId(), report.findings()).isNotEmpty();
            String expected = row.field().equals("-") ? "" : row.field();
            assertThat(hits).extracting(Finding::field).contains(expected);
            Finding f = hits.get(0);
            QcRule rule = Fixtures.CHECKER.rules().rules().stream().filter(r -> r.id().equals(row.ruleId())).findFirst().orElseThrow();
            assertThat(f.severity()).isEqualTo(rule.severity());
            assertThat(f.messageZh()).doesNotContain("{field}", "{value}", "{detail}");
            assertThat(f.messageEn()).doesNotContain("{field}", "{value}", "{detail}");
        } else {
            assertThat(hits).as("findings of %s", row.ruleId()).isEmpty();
        }
    }

    @Test
    void everyShippedRuleHasAFiringAndACleanFixture() throws IOException {
        Set<String> shipped = Fixtures.CHECKER.rules().rules().stream().map(QcRule::id).collect(Collectors.toCollection(TreeSet::new));
        Map<Boolean, Set<String>> covered = rows().stream().collect(Collectors.partitioningBy(Row::fires,
                Collectors.mapping(Row::ruleId, Collectors.toCollection(TreeSet::new))));
        assertThat(covered.get(true)).isEqualTo(shipped);
        assertThat(covered.get(false)).isEqualTo(shipped);
    }

    @Test
    void atLeastFortyRulesAcrossAllFourCategories() {
        List<QcRule> rules = Fixtures.CHECKER.rules().rules();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(40);
        assertThat(rules.stream().map(QcRule::category).collect(Collectors.toSet())).containsExactlyInAnyOrder(Category.values());
        assertThat(Fixtures.CHECKER.skipped()).isEmpty();
    }

    @Test
    void theCleanRecordHasNoFindingAndGroups() {
        QcReport report = Fixtures.CHECKER.check(Fixtures.clean());
        assertThat(report.findings()).isEmpty();
        assertThat(report.group().drg()).isEqualTo("GD15");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"chs-drg-1.1", "beijing-2022"})
    void everyDictionaryCodeOfTheShippedSchemesPassesTheCodeFormRules(String schemeId) {
        org.openhqd.casemix.drg.Scheme scheme = org.openhqd.casemix.drg.SchemeCatalog.builtIn().get(schemeId);
        java.util.regex.Pattern dx = java.util.regex.Pattern.compile(param("QC-201", "regex"));
        java.util.regex.Pattern proc = java.util.regex.Pattern.compile(param("QC-202", "regex"));
        assertThat(scheme.diagnosisDictionary()).isNotEmpty().allMatch(c -> dx.matcher(c).matches());
        assertThat(scheme.procedureDictionary()).isNotEmpty().allMatch(c -> proc.matcher(c).matches());
        // and no dictionary code is an asterisk code standing alone (QC-226)
        java.util.regex.Pattern alone = java.util.regex.Pattern.compile(param("QC-226", "regex"));
        assertThat(scheme.diagnosisDictionary()).noneMatch(c -> alone.matcher(c).matches());
    }

    @Test
    void theModuleReadmeListsEveryShippedRuleAndRuleType() throws IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        for (QcRule r : Fixtures.CHECKER.rules().rules()) {
            assertThat(readme).as(r.id()).contains("| " + r.id() + " | " + r.category() + " | " + r.type() + " | " + r.severity() + " |");
        }
        for (String type : RuleSet.ruleTypes()) {
            assertThat(readme).as(type).contains("| `" + type + "` |");
        }
    }

    private static String param(String ruleId, String key) {
        return Fixtures.CHECKER.rules().rules().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow()
                .params().get(key);
    }
}
