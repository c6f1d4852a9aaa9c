package org.openhqd.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.openhqd.casemix.drg.SchemeCatalog;
import org.openhqd.quality.Diagnosis;
import org.openhqd.quality.DischargeRecord;
import org.openhqd.quality.Procedure;
import org.openhqd.quality.synthetic.DischargeGenerator;

/**
 * An open-model load on {@code POST /api/v1/drg/group} of a running platform on loopback: requests
 * leave at a fixed arrival rate whatever the server does (not a closed loop that waits for each
 * answer), and each latency is measured from the request's intended send time, so a stall of the
 * server shows in the percentiles instead of slowing the load (no coordinated omission). Bodies are
 * varied synthetic settlement-list records (DischargeGenerator, without identity numbers).
 *
 * <p>Bounded: {@code rate × (warm-up + measured)} requests, each with a 10 s timeout; the run stops
 * by itself. Arguments: baseUrl token rate warmupSeconds measureSeconds.
 */
public final class PreGroupLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int rate = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int measure = Integer.parseInt(args[4]);
        if (rate <= 0 || rate > 5000 || warmup < 0 || measure <= 0 || warmup + measure > 600) {
            throw new IllegalArgumentException("rate 1–5000/s, warm-up + measured ≤ 600 s");
        }
        List<String> bodies = bodies(5000);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
        URI uri = URI.create(base + "/api/v1/drg/group");

        long total = (long) rate * (warmup + measure);
        long warmupCount = (long) rate * warmup;
        long[] latency = new long[(int) (total - warmupCount)];
        Arrays.fill(latency, -1);
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger timeouts = new AtomicInteger();
        ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicLong inFlightMax = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long lateSends = 0;
        for (long i = 0; i < total; i++) {
            long intended = start + i * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -TimeUnit.MILLISECONDS.toNanos(1)) {
                lateSends++;
            }
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get((int) (i % bodies.size())))).build();
            long index = i;
            inFlightMax.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            CompletableFuture<?> f = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((res, ex) -> {
                long done = System.nanoTime();
                inFlight.decrementAndGet();
                if (index >= warmupCount) {
                    latency[(int) (index - warmupCount)] = done - intended;
                    if (ex != null) {
                        errors.incrementAndGet();
                        if (ex.getCause() instanceof java.net.http.HttpTimeoutException) {
                            timeouts.incrementAndGet();
                        }
                    } else {
                        statuses.computeIfAbsent(res.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        if (res.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    }
                }
                return null;
            });
            if (i >= warmupCount) {
                pending.add(f);
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - start;

        long[] measured = Arrays.stream(latency).filter(l -> l >= 0).sorted().toArray();
        System.out.printf("open model: %d requests/s, warm-up %d s, measured %d s (%d requests), %.1f s in all%n", rate, warmup,
                measure, measured.length, elapsed / 1e9);
        System.out.printf("latency from intended send time: p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms%n",
                ms(pct(measured, 0.50)), ms(pct(measured, 0.95)), ms(pct(measured, 0.99)), ms(pct(measured, 0.999)),
                ms(measured[measured.length - 1]));
        System.out.printf("errors %d (timeouts %d), statuses %s, most in flight %d, sends more than 1 ms late %d%n", errors.get(),
                timeouts.get(), statuses, inFlightMax.get(), lateSends);
        System.exit(0);
    }

    private static long pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Varied request bodies: a county hospital's synthetic discharges as the workstation would post them. */
    static List<String> bodies(int n) {
        var generator = new DischargeGenerator(SchemeCatalog.builtIn().get("chs-drg-1.1"), 20261124, "H001", "PG", 2026);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(json(generator.next()));
        }
        return out;
    }

    static String json(DischargeRecord r) {
        StringBuilder b = new StringBuilder(1024).append('{');
        field(b, "case_id", r.caseId()).append(',');
        field(b, "sex", r.sex()).append(',');
        field(b, "age", r.age()).append(',');
        field(b, "age_days", r.ageDays()).append(',');
        field(b, "birth_weight", r.birthWeight()).append(',');
        field(b, "dept", r.department()).append(',');
        field(b, "los", r.los()).append(',');
        field(b, "discharge_type", r.dischargeType()).append(',');
        field(b, "attending_doctor", r.attendingDoctor()).append(',');
        field(b, "admission_time", r.admissionTime()).append(',');
        field(b, "discharge_time", r.dischargeTime()).append(',');
        field(b, "total_cost", r.totalCost()).append(",\"diagnoses\":[");
        for (int i = 0; i < r.diagnoses().size(); i++) {
            Diagnosis d = r.diagnoses().get(i);
            b.append(i == 0 ? "{" : ",{");
            field(b, "code", d.code()).append(',');
            field(b, "name", d.name()).append(',');
            field(b, "admission_condition", d.admissionCondition()).append('}');
        }
        b.append("],\"procedures\":[");
        for (int i = 0; i < r.procedures().size(); i++) {
            Procedure p = r.procedures().get(i);
            b.append(i == 0 ? "{" : ",{");
            field(b, "code", p.code()).append(',');
            field(b, "name", p.name()).append(',');
            field(b, "date", p.date()).append(',');
            field(b, "level", p.level()).append(',');
            field(b, "incision_class", p.incisionClass()).append(',');
            field(b, "healing_grade", p.healingGrade()).append(',');
            field(b, "anaesthesia", p.anaesthesia()).append('}');
        }
        return b.append("]}").toString();
    }

    private static StringBuilder field(StringBuilder b, String name, String value) {
        b.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"');
    }
}
