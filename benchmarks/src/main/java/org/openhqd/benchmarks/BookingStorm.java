package org.openhqd.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A release storm against a running platform on loopback: every patient id in the patients file
 * sends one booking request for a random slot of the storm session, all starting at the release
 * instant, from {@code connections} concurrent clients. Bounded: one request per patient, each with
 * a 10 s timeout, the whole run stops after {@code maxSeconds}. Prints throughput, latency
 * percentiles and the status counts; benchmarks/booking-storm.sh then checks the database.
 *
 * <p>Arguments: baseUrl token slotIdsCsvFile patientIdsFile releaseEpochMillis connections maxSeconds
 */
public final class BookingStorm {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        long[] slots = Arrays.stream(java.nio.file.Files.readString(java.nio.file.Path.of(args[2])).trim().split("\\s+"))
                .mapToLong(Long::parseLong).toArray();
        long[] patients = Arrays.stream(java.nio.file.Files.readString(java.nio.file.Path.of(args[3])).trim().split("\\s+"))
                .mapToLong(Long::parseLong).toArray();
        long release = Long.parseLong(args[4]);
        int connections = Integer.parseInt(args[5]);
        long deadline = System.currentTimeMillis() + Long.parseLong(args[6]) * 1000;

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        AtomicInteger next = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long[] latencies = new long[patients.length];
        int[] statusOf = new int[patients.length];
        java.util.SplittableRandom seedRandom = new java.util.SplittableRandom(20261124L);
        int[] slotOf = new int[patients.length];
        for (int i = 0; i < patients.length; i++) {
            slotOf[i] = seedRandom.nextInt(slots.length);
        }
        long wait = release - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            futures.add(workers.submit(() -> {
                for (int i = next.getAndIncrement(); i < patients.length && System.currentTimeMillis() < deadline;
                     i = next.getAndIncrement()) {
                    String body = "{\"slotId\":" + slots[slotOf[i]] + ",\"patientId\":" + patients[i] + ",\"channel\":\"APP\"}";
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/appointments"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .header("Idempotency-Key", "storm-" + patients[i])
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    latencies[i] = System.nanoTime() - t0;
                    statusOf[i] = status;
                    statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        workers.shutdown();
        workers.awaitTermination(5, TimeUnit.SECONDS);
        int sent = Math.min(next.get(), patients.length);
        long[] done = Arrays.copyOf(latencies, sent);
        Arrays.sort(done);
        System.out.printf("booking storm: %d requests from %d clients for %d slots in %.2f s = %.0f requests/s%n",
                sent, connections, slots.length, seconds, sent / seconds);
        System.out.printf("latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", ms(done, 0.50), ms(done, 0.95),
                ms(done, 0.99), done.length == 0 ? 0 : done[done.length - 1] / 1e6);
        System.out.println("status counts: " + new java.util.TreeMap<>(statuses) + " (201 booked, 409 full, -1 error)");
        for (int code : new java.util.TreeSet<>(statuses.keySet())) {
            long[] of = java.util.stream.IntStream.range(0, sent).filter(i -> statusOf[i] == code).mapToLong(i -> latencies[i]).sorted().toArray();
            System.out.printf("  %d: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", code, ms(of, 0.50), ms(of, 0.95), ms(of, 0.99));
        }
        System.out.println("release instant: " + Instant.ofEpochMilli(release));
        System.exit(0);
    }

    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
    }
}
