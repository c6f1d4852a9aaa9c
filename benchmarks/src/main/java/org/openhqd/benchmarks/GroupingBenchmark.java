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
 *
 * <p>{@code pool} is how many distinct cases are cycled. 100,000 distinct cases (about 100 MB of
 * case objects, far beyond any cache) is the pessimistic figure: each case's strings come from
 * main memory, as when a server regroups cases loaded from its database. 1,000 distinct cases
 * stay in cache, as when each case is grouped right after it was parsed (the CLI's pattern); the
 * difference between the two is memory latency, not grouping work.
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

    @Param({"100000", "1000"})
    public int pool;

    private DrgGrouper grouper;
    private InpatientCase[] cases;

    @Setup
    public void setUp() {
        grouper = DrgGrouper.of(SchemeCatalog.builtIn().get(scheme));
        CaseGenerator generator = new CaseGenerator(grouper.scheme(), 20261124L);
        InpatientCase[] distinct = new InpatientCase[pool];
        for (int i = 0; i < pool; i++) {
            distinct[i] = generator.next();
        }
        cases = new InpatientCase[CASES];
        for (int i = 0; i < CASES; i++) {
            cases[i] = distinct[i % pool];
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
