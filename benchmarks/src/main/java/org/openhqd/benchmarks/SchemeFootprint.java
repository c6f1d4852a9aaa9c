package org.openhqd.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.openhqd.casemix.drg.Scheme;
import org.openhqd.casemix.drg.SchemeCatalog;

/**
 * Heap a loaded scheme keeps, and the wall time of the first load in this JVM:
 * {@code java -cp benchmarks/target/benchmarks.jar org.openhqd.benchmarks.SchemeFootprint chs-drg-1.1}.
 * The retained heap is the used heap after a full GC with the scheme reachable minus the used heap
 * after a full GC before loading; the peak is the most heap in use at any time during the load.
 */
public final class SchemeFootprint {

    public static void main(String[] args) {
        String id = args.length > 0 ? args[0] : "chs-drg-1.1";
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        settle();
        long before = memory.getHeapMemoryUsage().getUsed();
        long start = System.nanoTime();
        Scheme scheme = SchemeCatalog.builtIn().get(id);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        settle();
        long after = memory.getHeapMemoryUsage().getUsed();
        System.out.printf("scheme %s: %d DRGs, first load %d ms, retained heap %.1f MB, peak heap during load %.1f MB%n",
                scheme.info().id(), scheme.drgs().size(), millis, (after - before) / 1e6, peak / 1e6);
    }

    private static void settle() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
