package org.openhqd.cli;

import java.io.IOException;
import java.util.function.Supplier;
import org.openhqd.casemix.drg.InpatientCase;
import org.openhqd.casemix.drg.Scheme;
import org.openhqd.casemix.synthetic.CaseGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hqd drg generate}: synthetic cases as a case CSV, streaming. */
@Command(name = "generate",
        versionProvider = Hqd.Version.class,
        sortOptions = false,
        headerHeading = "%n",
        header = "生成合成病案（不含真实个人数据） / Generate synthetic cases (no real person's data)",
        synopsisHeading = "%n用法 / Usage: ",
        descriptionHeading = "%n",
        description = {
            "按方案自身的编码表生成 N 例病案，写成 hqd drg group 可读的病案 CSV；同一方案与种子生成相同的病案。",
            "Writes N cases drawn from the scheme's own lists as the case CSV that hqd drg group reads; "
                    + "the same scheme and seed give the same cases."},
        optionListHeading = "%n选项 / Options:%n")
final class GenerateCommand extends BaseCommand {

    @Mixin
    StandardOptions standard;

    static final String HEADER = "case_id,sex,age,age_days,birth_weight,dept,los,discharge_type,diagnoses,procedures";

    @Option(names = "--cases", required = true, paramLabel = "N",
            description = {"病案数", "number of cases"})
    long cases;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = {"随机种子，默认 ${DEFAULT-VALUE}", "random seed; default ${DEFAULT-VALUE}"})
    long seed;

    @Option(names = "--scheme", defaultValue = "chs-drg-1.1", paramLabel = "<id|folder>",
            description = {"取编码的方案，默认 ${DEFAULT-VALUE}", "scheme to draw codes from; default ${DEFAULT-VALUE}"})
    String scheme;

    @Option(names = "--out", defaultValue = Io.STD, paramLabel = "<file|->",
            description = {"病案 CSV 文件，- 为标准输出（默认）；成功后才生成",
                "case CSV file; - is standard output (default); created only on success"})
    String out;

    @Override
    int execute() throws IOException {
        if (cases < 0) {
            throw new Failure(Failure.INPUT, "--cases 不能为负数 / --cases must not be negative: " + cases);
        }
        Scheme s = Io.scheme(scheme);
        CaseGenerator generator = new CaseGenerator(s, seed);
        Progress progress = new Progress(err(), "已生成", "generated");
        try (Prefetch<InpatientCase> source = new Prefetch<>(new Limited(generator, cases), "hqd-generator");
             OutputTarget target = OutputTarget.open(out)) {
            target.write(HEADER + "\n");
            Csv csv = new Csv(1 << 16);
            InpatientCase c;
            long i = 0;
            while ((c = source.next()) != null) {
                write(csv, c);
                if ((++i & 255) == 0) {
                    csv.drainTo(target.stream());
                    if ((i & Progress.MASK) == 0) {
                        progress.check(i);
                    }
                }
            }
            csv.drainTo(target.stream());
            target.commit();
        }
        progress.finish(cases);
        String[] t = progress.timing(cases);
        err().println("已生成 " + cases + " 例（方案 " + s.info().id() + "，种子 " + seed + "）" + t[0]
                + " / generated " + cases + " cases (scheme " + s.info().id() + ", seed " + seed + ") " + t[1]);
        err().flush();
        return 0;
    }

    /** The first {@code n} cases of the generator, then null. */
    private static final class Limited implements Supplier<InpatientCase> {
        private final CaseGenerator generator;
        private long left;

        Limited(CaseGenerator generator, long n) {
            this.generator = generator;
            this.left = n;
        }

        @Override
        public InpatientCase get() {
            if (left <= 0) {
                return null;
            }
            left--;
            return generator.next();
        }
    }

    private static void write(Csv csv, InpatientCase c) {
        csv.field(c.caseId())
                .field(c.sex())
                .field(c.age())
                .field(c.ageDays())
                .field(c.birthWeight())
                .field(c.dept())
                .field(c.los())
                .field(c.dischargeType())
                .joined(c.diagnoses(), "|")
                .joined(c.procedures(), "|")
                .endRow();
    }
}
