package org.openhqd.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openhqd.casemix.drg.DrgGrouper;
import org.openhqd.casemix.drg.GroupingResult;
import org.openhqd.casemix.drg.InpatientCase;
import org.openhqd.casemix.drg.SchemeCatalog;
import org.openhqd.casemix.synthetic.CaseGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * In-memory grouping on one thread: cases per second, with and without explanation. The cases
 * are 100,000 seeded synthetic cases (about 72% medical, 28% surgical, with MCC/CC secondaries and
 * a few input errors), built before measuring; one operation groups all of them, so the score
 * in ops/s × 100,000 is cases/s (JMH reports it per case through OperationsPerInvocation).
 * Two forks, because JIT decisions differ between JVMs and move the score by up to ±15% here.
 * (A pool of 10,000 distinct cases, which fits the L3 cache, scored the same: the cost is the
 * grouping, not the memory traffic.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class GroupingBenchmark {

    static final int CASES = 100_000;

    @Param({"chs-drg-1.1", "beijing-2022"})
    public String scheme;

    private DrgGrouper grouper;
    private InpatientCase[] cases;

    @Setup
    public void setUp() {
        grouper = DrgGrouper.of(SchemeCatalog.builtIn().get(scheme));
        CaseGenerator generator = new CaseGenerator(grouper.scheme(), 20261124L);
        cases = new InpatientCase[CASES];
        for (int i = 0; i < CASES; i++) {
            cases[i] = generator.next();
        }
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public void group(Blackhole bh) {
        for (InpatientCase c : cases) {
            bh.consume(grouper.group(c));
        }
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public void groupWithExplanation(Blackhole bh) {
        for (InpatientCase c : cases) {
            GroupingResult r = grouper.explain(c);
            bh.consume(r);
        }
    }
}
