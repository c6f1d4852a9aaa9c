package org.openhqd.platform.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Concurrent accept and reject of the same referral, on whatever database the context runs on:
 * exactly one request changes it, every other gets 409, and the timeline has one decision.
 */
final class ReferralRace {

    private ReferralRace() {
    }

    static void run(ReferralWorkflow workflow, JdbcClient jdbc, StaffPrincipal receiver, long referral, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            boolean accept = t % 2 == 0;
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    return CurrentUser.runAs(receiver, () -> accept ? workflow.accept(referral) : workflow.reject(referral, "床位已满"))
                            .status().name();
                } catch (ReferralException e) {
                    return "HTTP " + e.getStatusCode().value();
                }
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) {
            results.add(f.get());
        }
        pool.shutdown();
        List<String> winners = results.stream().filter(r -> !r.startsWith("HTTP")).toList();
        assertThat(winners).as("outcomes %s", results).hasSize(1);
        assertThat(results.stream().filter(r -> r.startsWith("HTTP"))).as("outcomes %s", results)
                .hasSize(threads - 1).allMatch("HTTP 409"::equals);
        String status = jdbc.sql("SELECT status FROM referral WHERE id = :id").param("id", referral).query(String.class).single();
        assertThat(status).isEqualTo(winners.get(0));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral_event WHERE referral_id = :id AND from_status = 'SUBMITTED'")
                .param("id", referral).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT version FROM referral WHERE id = :id").param("id", referral).query(Integer.class).single())
                .isEqualTo(1);
    }
}
