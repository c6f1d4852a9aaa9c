package org.openhqd.platform.support;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/** The RabbitMQ the tests use: 127.0.0.1:5672, guest/guest (HQD_TEST_RABBIT_* to override). */
public final class RabbitTestBroker {

    public static final String HOST = System.getenv().getOrDefault("HQD_TEST_RABBIT_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(System.getenv().getOrDefault("HQD_TEST_RABBIT_PORT", "5672"));
    public static final String USER = System.getenv().getOrDefault("HQD_TEST_RABBIT_USER", "guest");
    public static final String PASSWORD = System.getenv().getOrDefault("HQD_TEST_RABBIT_PASSWORD", "guest");

    private RabbitTestBroker() {
    }

    /** A client connection straight to the test broker, for tests that look at queues themselves. */
    public static Connection connect() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(HOST);
        factory.setPort(PORT);
        factory.setUsername(USER);
        factory.setPassword(PASSWORD);
        factory.setConnectionTimeout(3000);
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("openhqd-test");
    }

    /**
     * Points the application's RabbitMQ connection at a new loopback proxy in front of the test
     * broker, so a test can cut and restore the connection; the caller closes the proxy.
     */
    public static LoopbackProxy behindProxy(org.springframework.test.context.DynamicPropertyRegistry registry) throws Exception {
        LoopbackProxy proxy = new LoopbackProxy(HOST, PORT);
        registry.add("spring.rabbitmq.host", () -> "127.0.0.1");
        registry.add("spring.rabbitmq.port", proxy::port);
        registry.add("spring.rabbitmq.username", () -> USER);
        registry.add("spring.rabbitmq.password", () -> PASSWORD);
        return proxy;
    }
}
