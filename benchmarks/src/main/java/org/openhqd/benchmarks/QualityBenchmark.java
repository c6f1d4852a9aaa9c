package org.openhqd.benchmarks;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openhqd.casemix.drg.DrgGrouper;
import org.openhqd.casemix.drg.InpatientCase;
import org.openhqd.casemix.drg.SchemeCatalog;
import org.openhqd.casemix.synthetic.CaseGenerator;
import org.openhqd.quality.Diagnosis;
import org.openhqd.quality.DischargeRecord;
import org.openhqd.quality.Procedure;
import org.openhqd.quality.QcReport;
import org.openhqd.quality.QualityChecker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Quality control of settlement-list records on one thread, against grouping alone on the same
 * records: what the shipped rule pack (82 rules, including the regroupings of its "if fixed"
 * findings) adds to grouping. Records are 10,000 seeded synthetic cases of {@link CaseGenerator}
 * (with its share of input errors) turned into settlement-list records with dates, names,
 * admission conditions, surgery fields and costs that add up; a few carry further coding errors
 * (symptom as principal, repeated codes, wrong stay), as real exports do. One operation checks
 * all of them; JMH reports per record through OperationsPerInvocation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class QualityBenchmark {

    static final int RECORDS = 10_000;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private DrgGrouper grouper;
    private QualityChecker checker;
    private DischargeRecord[] records;
    private InpatientCase[] cases;

    @Setup
    public void setUp() {
        grouper = DrgGrouper.of(SchemeCatalog.builtIn().get("chs-drg-1.1"));
        checker = QualityChecker.of(grouper);
        CaseGenerator generator = new CaseGenerator(grouper.scheme(), 20261124L);
        SplittableRandom random = new SplittableRandom(7L);
        records = new DischargeRecord[RECORDS];
        cases = new InpatientCase[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            records[i] = record(generator.next(), random);
            cases[i] = records[i].toInpatientCase();
        }
    }

    private DischargeRecord record(InpatientCase c, SplittableRandom random) {
        int los = Math.max(0, readInt(c.los()));
        LocalDateTime in = LocalDateTime.of(2026, 1, 1, 8, 0).plusDays(random.nextInt(330)).plusMinutes(random.nextInt(600));
        LocalDateTime out = in.plusDays(los).plusHours(2);
        List<Diagnosis> dx = new ArrayList<>();
        for (String code : c.diagnoses()) {
            dx.add(new Diagnosis(code, grouper.scheme().diagnosisName(code).orElse(""), "1"));
        }
        List<Procedure> procs = new ArrayList<>();
        for (String code : c.procedures()) {
            procs.add(new Procedure(code, grouper.scheme().procedureName(code).orElse(""),
                    in.plusDays(Math.min(1, los)).toLocalDate().toString(), "3", "1", "1", "全身麻醉"));
        }
        int error = random.nextInt(100);
        if (error < 3 && dx.size() > 1) {
            dx.add(0, new Diagnosis("R10.400", "腹痛，其他和未特指的", "1"));
        } else if (error < 5 && dx.size() > 1) {
            dx.add(dx.get(dx.size() - 1));
        } else if (error < 7) {
            los++;
        }
        long drugs = 500 + random.nextInt(20_000);
        long materials = random.nextInt(30_000);
        long exams = 200 + random.nextInt(5_000);
        long services = 300 + random.nextInt(8_000);
        long other = random.nextInt(1_000);
        long total = drugs + materials + exams + services + other;
        return DischargeRecord.builder()
                .set("case_id", c.caseId()).set("patient_id_number", "11010519491231002X").set("institution", "H0001")
                .set("department", c.dept()).set("attending_doctor", "D" + random.nextInt(40)).set("coder", "B" + random.nextInt(4))
                .set("admission_time", in.format(MINUTE)).set("discharge_time", out.format(MINUTE)).set("los", Integer.toString(los))
                .set("sex", c.sex()).set("age", c.age()).set("age_days", c.ageDays()).set("birth_weight", c.birthWeight())
                .set("admission_weight", c.birthWeight()).set("discharge_type", c.dischargeType()).set("admission_route", "2")
                .set("transfer_institution", c.dischargeType().equals("2") || c.dischargeType().equals("3") ? "H0009" : "")
                .set("total_cost", total + ".00").set("drug_cost", drugs + ".00").set("material_cost", materials + ".00")
                .set("examination_cost", exams + ".00").set("service_cost", services + ".00").set("other_cost", other + ".00")
                .set("insurance_type", "310").set("fund_payment", (total * 7 / 10) + ".00")
                .diagnoses(dx).procedures(procs).build();
    }

    private static int readInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The baseline: grouping the same records' grouping cases. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void group(Blackhole bh) {
        for (InpatientCase c : cases) {
            bh.consume(grouper.group(c));
        }
    }

    /** Every shipped rule, grouping included (the checker groups each record once, plus its fixes). */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void check(Blackhole bh) {
        for (DischargeRecord r : records) {
            QcReport report = checker.check(r);
            bh.consume(report);
        }
    }
}
