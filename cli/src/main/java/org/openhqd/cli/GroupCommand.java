package org.openhqd.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.List;
import org.openhqd.casemix.casefile.CaseFileException;
import org.openhqd.casemix.casefile.CaseFileReader;
import org.openhqd.casemix.casefile.CaseRow;
import org.openhqd.casemix.drg.DrgGrouper;
import org.openhqd.casemix.drg.Explanation;
import org.openhqd.casemix.drg.GroupingResult;
import org.openhqd.casemix.drg.GroupingStatus;
import org.openhqd.casemix.drg.Problem;
import org.openhqd.casemix.drg.Scheme;
import org.openhqd.casemix.normalise.Change;
import org.openhqd.casemix.normalise.CodeNormaliser;
import org.openhqd.casemix.normalise.Normalisation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hqd drg group}: groups a case CSV into a result CSV, streaming. */
@Command(name = "group",
        versionProvider = Hqd.Version.class,
        sortOptions = false,
        headerHeading = "%n",
        header = "对病案文件进行 DRG 分组 / Group a case file into DRGs",
        synopsisHeading = "%n用法 / Usage: ",
        descriptionHeading = "%n",
        description = {
            "输入为病案 CSV（表头：case_id,sex,age,age_days,birth_weight,dept,los,discharge_type,diagnoses,procedures；"
                    + "多个诊断或手术以 | 分隔，主要诊断在前），逐行流式读取。",
            "The input is the case CSV (header: case_id,sex,age,age_days,birth_weight,dept,los,discharge_type,"
                    + "diagnoses,procedures; several codes separated by |, principal first), read as a stream.",
            "",
            "输出为 UTF-8 CSV：case_id,status,mdc,adrg,drg,drg_name,problems；status 为 ok / ambiguous / "
                    + "ungroupable / invalid。格式错误的行输出为 invalid 并注明行号，其余行照常分组。",
            "The output is a UTF-8 CSV: case_id,status,mdc,adrg,drg,drg_name,problems; status is ok / ambiguous / "
                    + "ungroupable / invalid. A malformed row is written as invalid with its line number; "
                    + "every other row is still grouped.",
            "",
            "统计信息写到标准错误。输入无法读取（文件不存在、编码不符、缺少表头列、未知方案或编码）时退出码为 2，"
                    + "且不生成输出文件。",
            "A summary goes to stderr. When the input cannot be read (file not found, wrong encoding, missing "
                    + "header columns, unknown scheme or encoding) the exit code is 2 and no output file is made."},
        optionListHeading = "%n选项 / Options:%n")
final class GroupCommand extends BaseCommand {

    @Mixin
    StandardOptions standard;

    static final String HEADER = "case_id,status,mdc,adrg,drg,drg_name,problems";

    @Option(names = "--scheme", defaultValue = "chs-drg-1.1", paramLabel = "<id|folder>",
            description = {"分组方案编号或方案文件夹（见 hqd drg schemes），默认 ${DEFAULT-VALUE}",
                "scheme id or scheme folder (see hqd drg schemes); default ${DEFAULT-VALUE}"})
    String scheme;

    @Option(names = "--in", defaultValue = Io.STD, paramLabel = "<file|->",
            description = {"病案 CSV 文件，- 为标准输入（默认）", "case CSV file; - is standard input (default)"})
    String in;

    @Option(names = "--out", defaultValue = Io.STD, paramLabel = "<file|->",
            description = {"结果 CSV 文件，- 为标准输出（默认）；成功后才生成", 
                "result CSV file; - is standard output (default); created only on success"})
    String out;

    @Option(names = "--explain",
            description = {"增加 explanation（中文）与 explanation_en 两列，说明分组的每一步",
                "add the columns explanation (Chinese) and explanation_en: every step of the grouping"})
    boolean explain;

    @Option(names = {"--normalise", "--normalize"},
            description = {"分组前规范化编码（去空格、全角转半角、大小写、版本映射…）；增加 changes、status_before、"
                    + "drg_before 列，主列为规范化后的分组",
                "normalise codes before grouping (trim, full-width, letter case, code maps…); adds the columns "
                    + "changes, status_before, drg_before; the main columns group the normalised case"})
    boolean normalise;

    @Option(names = "--encoding", defaultValue = "UTF-8", paramLabel = "<charset>",
            description = {"输入文件编码：UTF-8（默认，可带 BOM）、GB18030、GBK…",
                "encoding of the input: UTF-8 (default, BOM allowed), GB18030, GBK…"})
    String encoding;

    @Option(names = "--threads", paramLabel = "N",
            description = {"分组线程数，默认为 CPU 核数（读入与写出另有各一个线程）；0 表示全部在一个线程内完成",
                "grouping threads; default: the number of cores (reading and writing have a thread each); "
                    + "0 does everything on one thread"})
    Integer threads;

    @Override
    int execute() throws IOException {
        if (threads != null && threads < 0) {
            throw new Failure(Failure.INPUT, "--threads 不能为负数 / --threads must not be negative");
        }
        Charset charset = Io.charset(encoding);
        Scheme s = Io.scheme(scheme);
        DrgGrouper grouper = DrgGrouper.of(s);
        Progress progress = new Progress(err(), "已处理", "processed");

        long count = 0;
        long[] totals = new long[Counts.SIZE];
        try (InputStream input = Io.openInput(in)) {
            CaseFileReader reader = Io.caseReader(input, charset, in, s.caseReading());
            // immutable and thread-safe like the grouper: one for all worker threads
            CodeNormaliser normaliser = normalise ? new CodeNormaliser(grouper) : null;
            try (GroupingPipeline pipeline = new GroupingPipeline(reader::next,
                    b -> group(b, grouper, normaliser),
                    threads != null ? threads : GroupingPipeline.defaultThreads());
                 OutputTarget target = OutputTarget.open(out)) {
                target.write(HEADER + (explain ? ",explanation,explanation_en" : "")
                        + (normalise ? ",changes,status_before,drg_before" : "") + "\n");
                OutputStream stream = target.stream();
                GroupingPipeline.Batch b;
                long nextCheck = Progress.EVERY;
                while ((b = next(pipeline)) != null) {
                    b.output.drainTo(stream);
                    for (int k = 0; k < Counts.SIZE; k++) {
                        totals[k] += b.counts[k];
                    }
                    count += b.size;
                    if (count >= nextCheck) {
                        progress.check(count);
                        nextCheck += Progress.EVERY;
                    }
                }
                target.commit();
            }
        }
        progress.finish(count);

        String[] t = progress.timing(count);
        String counts = "ok " + totals[GroupingStatus.OK.ordinal()]
                + ", ambiguous " + totals[GroupingStatus.AMBIGUOUS.ordinal()]
                + ", ungroupable " + totals[GroupingStatus.UNGROUPABLE.ordinal()]
                + ", invalid " + totals[GroupingStatus.INVALID.ordinal()];
        String zh = "已分组 " + count + " 例（" + counts + "；其中格式错误行 " + totals[Counts.MALFORMED] + "）";
        String en = "grouped " + count + " cases (" + counts + "; malformed rows " + totals[Counts.MALFORMED] + ")";
        if (normalise) {
            zh += "，规范化修改 " + totals[Counts.CHANGED] + " 例，其中分组改变 " + totals[Counts.REGROUPED] + " 例，";
            en += ", normalisation changed " + totals[Counts.CHANGED] + " cases, " + totals[Counts.REGROUPED]
                    + " of them to another group";
        }
        err().println(zh + t[0] + " / " + en + " " + t[1]);
        err().flush();
        return 0;
    }

    /** Indexes of {@link GroupingPipeline.Batch#counts}: the statuses, then these. */
    static final class Counts {
        static final int MALFORMED = GroupingStatus.values().length;
        static final int CHANGED = MALFORMED + 1;
        static final int REGROUPED = MALFORMED + 2;
        static final int SIZE = MALFORMED + 3;
    }

    /** Groups one batch and renders its CSV lines as UTF-8; runs on a worker thread. */
    private void group(GroupingPipeline.Batch b, DrgGrouper grouper, CodeNormaliser normaliser) {
        Csv csv = new Csv(b.size * (explain ? 2048 : 192));
        long[] counts = new long[Counts.SIZE];
        for (int i = 0; i < b.size; i++) {
            CaseRow row = b.rows[i];
            GroupingResult r;
            Normalisation n = null;
            if (!row.readable()) {
                r = GroupingResult.unreadable(row.caseId(), row.problem());
                counts[Counts.MALFORMED]++;
            } else if (normaliser != null) {
                n = normaliser.normalise(row.kase(), explain);
                r = n.after();
                if (!n.changes().isEmpty()) {
                    counts[Counts.CHANGED]++;
                    if (n.changesGroup()) {
                        counts[Counts.REGROUPED]++;
                    }
                }
            } else {
                r = explain ? grouper.explain(row.kase()) : grouper.group(row.kase());
            }
            counts[r.status().ordinal()]++;
            write(csv, r, n);
        }
        b.counts = counts;
        b.output = csv;
    }

    private GroupingPipeline.Batch next(GroupingPipeline pipeline) {
        try {
            return pipeline.next();
        } catch (CaseFileException e) {
            throw Io.inputFailure(in, e);
        }
    }

    private void write(Csv csv, GroupingResult r, Normalisation n) {
        csv.field(r.caseId())
                .field(r.status().word())
                .field(r.mdc())
                .field(r.adrg())
                .field(r.drg())
                .field(r.drgName());
        List<Problem> problems = r.problems();
        if (problems.isEmpty()) {
            csv.field("");
        } else {
            StringBuilder cell = csv.cell();
            for (int i = 0, k = problems.size(); i < k; i++) {
                if (i > 0) {
                    cell.append("; ");
                }
                cell.append(problems.get(i).describe());
            }
            csv.field(cell);
        }
        if (explain) {
            Explanation e = r.explanation().orElse(null);
            csv.field(e == null ? "" : e.toChinese()).field(e == null ? "" : e.toEnglish());
        }
        if (normalise) {
            if (n == null) {
                csv.field("").field(r.status().word()).field(r.drg());
            } else {
                List<Change> changes = n.changes();
                StringBuilder cell = csv.cell();
                for (int i = 0, k = changes.size(); i < k; i++) {
                    if (i > 0) {
                        cell.append("; ");
                    }
                    cell.append(changes.get(i).describe());
                }
                csv.field(cell).field(n.before().status().word()).field(n.before().drg());
            }
        }
        csv.endRow();
    }
}
