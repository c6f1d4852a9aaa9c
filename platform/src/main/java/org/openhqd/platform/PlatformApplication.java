package org.openhqd.platform;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;

/**
 * The OpenHQD platform: one service for a medical community. Started by {@code ./hqd serve}.
 * Each sub-package is a business module (Spring Modulith); {@code ModularityTest} fails the build
 * when one reaches into another's internals or they depend on each other in a cycle.
 */
@SpringBootApplication
@Modulithic(systemName = "OpenHQD")
@org.springframework.scheduling.annotation.EnableScheduling
public class PlatformApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlatformApplication.class, translate(args));
    }

    /** Time comes from here, so time rules are testable with a fixed clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The command line of {@code ./hqd serve}: {@code --port N}, {@code --demo}, {@code --db-url URL}
     * (with {@code --db-user}, {@code --db-password}), {@code --data-dir DIR} and {@code --broker-url
     * amqp://user:password@host:5672} (switches RabbitMQ on for events) become Spring properties;
     * anything else ({@code --server.port=…}) passes through.
     */
    static String[] translate(String[] args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String next = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--demo" -> out.add("--hqd.demo=true");
                case "--port" -> { out.add("--server.port=" + require(a, next)); i++; }
                case "--db-url" -> { out.add("--spring.datasource.url=" + require(a, next)); i++; }
                case "--db-user" -> { out.add("--spring.datasource.username=" + require(a, next)); i++; }
                case "--db-password" -> { out.add("--spring.datasource.password=" + require(a, next)); i++; }
                case "--data-dir" -> { out.add("--hqd.data-dir=" + require(a, next)); i++; }
                case "--broker-url" -> {
                    out.add("--hqd.broker.rabbitmq.enabled=true");
                    out.add("--spring.rabbitmq.addresses=" + require(a, next));
                    i++;
                }
                default -> out.add(a);
            }
        }
        return out.toArray(String[]::new);
    }

    private static String require(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " 需要一个值 / " + option + " needs a value");
        }
        return value;
    }
}
