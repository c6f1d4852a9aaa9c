package org.openhqd.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.openhqd.casemix.drg.DrgGrouper;
import org.openhqd.casemix.drg.Scheme;
import org.openhqd.casemix.drg.SchemeCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The loader refuses bad rule files with file:line and the problem; good data-only rules just work. */
class RuleFileTest {

    static final String HEADER = "id\tversion\tcategory\ttype\tseverity\tparams\tbasis\tmessage_zh\tmessage_en\n";

    static RuleSet read(String body) {
        return RuleSet.read("local.tsv", new StringReader(HEADER + body));
    }

    static String row(String id, String category, String type, String severity, String params) {
        return id + "\t1\t" + category + "\t" + type + "\t" + severity + "\t" + params + "\t本院规定\t{field} 有误 '{value}'\t{field} is wrong '{value}'\n";
    }

    @Test
    void aNewRuleOfAnExistingTypeNeedsOnlyData() {
        // local rules: presbyopia (H52.4) under 40 is implausible; the department code must be 4 digits;
        // insurance types of this region only
        RuleSet local = read("# local rule pack\n\n"
                + row("LOCAL-1", "LOGIC", "AGE_RANGE", "WARNING", "list=diagnoses; codes=H52.4; age_min=40")
                + row("LOCAL-2", "VALIDITY", "PATTERN", "ERROR", "field=department; regex=[0-9]{4}")
                + row("LOCAL-3", "VALIDITY", "VALUE_SET", "INFO", "field=insurance_type; allowed=310,390"));
        QualityChecker checker = QualityChecker.of(Fixtures.GROUPER, local);
        assertThat(checker.rules().rules()).extracting(QcRule::id).containsExactly("LOCAL-1", "LOCAL-2", "LOCAL-3");

        QcReport bad = checker.check(Fixtures.edited("age=30;diagnoses=K35.300|H52.400;department=04;insurance_type=999"));
        assertThat(bad.findings()).extracting(Finding::ruleId).containsExactly("LOCAL-1", "LOCAL-2", "LOCAL-3");
        assertThat(bad.findings().get(0).field()).isEqualTo("diagnoses[1].code");
        assertThat(bad.findings().get(1).messageEn()).isEqualTo("department is wrong '04'");
        assertThat(bad.findings().get(1).basis()).isEqualTo("本院规定");

        assertThat(checker.check(Fixtures.edited("age=45;diagnoses=K35.300|H52.400")).findings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown type        | QC-1\t1\tLOGIC\tNO_SUCH\tERROR\tfield=sex\tb\tz\te | local.tsv:2: QC-1: unknown type 'NO_SUCH'
            unknown category    | QC-1\t1\tSTYLE\tREQUIRED\tERROR\tfield=sex\tb\tz\te | local.tsv:2: QC-1: unknown category 'STYLE'
            unknown severity    | QC-1\t1\tLOGIC\tREQUIRED\tFATAL\tfield=sex\tb\tz\te | local.tsv:2: QC-1: unknown severity 'FATAL'
            unknown field       | QC-1\t1\tLOGIC\tREQUIRED\tERROR\tfield=gender\tb\tz\te | local.tsv:2: QC-1 (REQUIRED): unknown field 'gender'
            unknown parameter   | QC-1\t1\tLOGIC\tREQUIRED\tERROR\tfield=sex; feild=age\tb\tz\te | local.tsv:2: QC-1 (REQUIRED): unknown parameter(s) [feild]
            missing parameter   | QC-1\t1\tLOGIC\tPATTERN\tERROR\tfield=sex\tb\tz\te | local.tsv:2: QC-1 (PATTERN): missing parameter 'regex'
            bad regex           | QC-1\t1\tLOGIC\tPATTERN\tERROR\tfield=sex; regex=[0-9\tb\tz\te | local.tsv:2: QC-1 (PATTERN): Unclosed character class
            bad choice          | QC-1\t1\tLOGIC\tCODE_MAPPED\tERROR\tlist=drugs\tb\tz\te | local.tsv:2: QC-1 (CODE_MAPPED): parameter 'list' must be one of [diagnoses, procedures], not 'drugs'
            bad number          | QC-1\t1\tLOGIC\tRANGE\tERROR\tfield=age; min=ten\tb\tz\te | local.tsv:2: QC-1 (RANGE): parameter 'min' is not a number: 'ten'
            bad code range      | QC-1\t1\tLOGIC\tPRINCIPAL_NOT_ALLOWED\tERROR\tcodes=Z99-Z00\tb\tz\te | local.tsv:2: QC-1 (PRINCIPAL_NOT_ALLOWED): code range 'Z99-Z00' ends before it starts
            not key=value       | QC-1\t1\tLOGIC\tREQUIRED\tERROR\tsex\tb\tz\te | local.tsv:2: QC-1 (REQUIRED): parameter 'sex' is not key=value
            bad line selector   | QC-1\t1\tLOGIC\tREQUIRED\tERROR\tfield=diagnoses[x].code\tb\tz\te | local.tsv:2: QC-1 (REQUIRED): bad line selector [x]
            bad id              | qc 1\t1\tLOGIC\tREQUIRED\tERROR\tfield=sex\tb\tz\te | local.tsv:2: bad rule id 'qc 1'
            empty version       | QC-1\t\tLOGIC\tREQUIRED\tERROR\tfield=sex\tb\tz\te | local.tsv:2: QC-1: empty version
            no message          | QC-1\t1\tLOGIC\tREQUIRED\tERROR\tfield=sex\tb\t\te | local.tsv:2: QC-1: basis, message_zh and message_en must all be given
            too few fields      | QC-1\t1\tLOGIC\tREQUIRED | local.tsv:2: too few fields: 4 of 9
            """)
    void refusesABadRuleWithFileLineAndProblem(String what, String line, String message) {
        String body = line.replace("\\t", "\t") + "\n";
        assertThatThrownBy(() -> read(body)).isInstanceOf(RuleFileException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> assertThat(((RuleFileException) e).line()).isEqualTo(2));
    }

    @Test
    void refusesADuplicateIdNamingBothLines() {
        String r = row("QC-1", "LOGIC", "REQUIRED", "ERROR", "field=sex");
        assertThatThrownBy(() -> read(r + "# comment\n" + r)).isInstanceOf(RuleFileException.class)
                .hasMessage("local.tsv:4: rule id QC-1 already defined on line 2");
    }

    @Test
    void refusesAFileWithoutHeaderOrColumn() {
        assertThatThrownBy(() -> RuleSet.read("empty.tsv", new StringReader("# nothing\n")))
                .hasMessageStartingWith("empty.tsv:1: no header line");
        assertThatThrownBy(() -> RuleSet.read("cols.tsv", new StringReader("id\tversion\tcategory\n")))
                .hasMessageStartingWith("cols.tsv:1: missing column 'type'");
    }

    @Test
    void aRuleWhoseReferenceTableIsMissingIsSkippedNotPassed() {
        // a copy of casemix's mini test scheme without its dictionaries (as CHS-DRG 2.0 ships none)
        Scheme bare = SchemeCatalog.classpath(RuleFileTest.class.getClassLoader(), "test-schemes").get("no-dictionaries");
        assertThat(bare.hasProcedureDictionary()).isFalse();
        QualityChecker checker = QualityChecker.of(DrgGrouper.of(bare));
        // the dictionary rules and the name check; the code-map rules run (the copy keeps its maps)
        assertThat(checker.skipped()).extracting(QualityChecker.SkippedRule::ruleId)
                .containsExactly("QC-203", "QC-204", "QC-227", "QC-228");
        assertThat(checker.skipped().get(0).reason()).contains("no diagnoses dictionary");
        QcReport report = checker.check(Fixtures.edited("procedures=47.0199"));
        assertThat(report.findingsOf("QC-204")).isEmpty();
        // with the dictionary the same record is a finding
        assertThat(Fixtures.CHECKER.check(Fixtures.edited("procedures=47.0199")).findingsOf("QC-204")).hasSize(1);
    }

    @Test
    void withChsDrg20TheRulesOnTablesItLacksAreSkippedAndTheOthersRun() {
        // CHS-DRG 2.0 ships no dictionaries, no code maps and no list of operating-room procedures
        QualityChecker checker = QualityChecker.of(DrgGrouper.of(SchemeCatalog.builtIn().get("chs-drg-2.0")));
        assertThat(checker.skipped()).extracting(QualityChecker.SkippedRule::ruleId).containsExactly(
                "QC-117", "QC-118", "QC-119", "QC-120", "QC-203", "QC-204", "QC-205", "QC-206", "QC-227", "QC-228", "QC-403");
        assertThat(checker.skipped()).extracting(QualityChecker.SkippedRule::reason)
                .contains("scheme chs-drg-2.0 lists no valid (operating-room) procedures",
                        "scheme chs-drg-2.0 ships no procedures code map");
        QcReport clean = checker.check(Fixtures.clean());
        assertThat(clean.group().status()).isEqualTo("ok");
        assertThat(clean.findings()).isEmpty();
        // a record the 2.0 grouper cannot read is still a finding (GROUP_STATUS), with the grouper's problem code
        QcReport bad = checker.check(Fixtures.edited("sex=1.0"));
        assertThat(bad.group().status()).isEqualTo("invalid");
        assertThat(bad.findings()).anySatisfy(f -> assertThat(f.messageEn()).contains("HQD-DRG-108"));
    }

    @Test
    void shippedRulePackLoadsWithStableIdsAndVersions() {
        RuleSet shipped = RuleSet.builtIn();
        assertThat(shipped.name()).isEqualTo("settlement-qc.tsv");
        assertThat(shipped.rules()).allSatisfy(r -> {
            assertThat(r.id()).matches("QC-[1-4][0-9]{2}");
            assertThat(r.id().charAt(3)).isEqualTo(switch (r.category()) {
                case COMPLETENESS -> '1';
                case VALIDITY -> '2';
                case LOGIC -> '3';
                case DRG -> '4';
            });
            assertThat(r.basis()).isNotBlank();
        });
    }
}
