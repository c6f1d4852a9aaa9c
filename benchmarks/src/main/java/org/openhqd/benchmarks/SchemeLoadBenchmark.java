package org.openhqd.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openhqd.casemix.drg.Scheme;
import org.openhqd.casemix.drg.SchemeCatalog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scheme load time. {@code coldStart} is the first load in a fresh JVM (what a command-line run
 * pays: one shot per fork, 10 forks); {@code warm} is a load in a warmed-up JVM (what a server
 * pays when it reloads a scheme). Heap after load is measured by {@link SchemeFootprint}.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SchemeLoadBenchmark {

    @Param({"chs-drg-1.1", "beijing-2022"})
    public String scheme;

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(10)
    public Scheme coldStart() {
        return SchemeCatalog.builtIn().get(scheme);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public Scheme warm() {
        return SchemeCatalog.builtIn().get(scheme);
    }
}
