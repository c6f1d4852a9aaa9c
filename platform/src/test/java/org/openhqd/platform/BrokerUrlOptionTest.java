package org.openhqd.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code ./hqd serve --broker-url URL} switches RabbitMQ on and hands the URL to Spring Boot. */
class BrokerUrlOptionTest {

    @Test
    void theBrokerUrlSwitchesRabbitMqOnWithThatAddress() {
        assertThat(PlatformApplication.translate(new String[] {"--broker-url", "amqp://guest:guest@127.0.0.1:5672", "--demo"}))
                .containsExactly("--hqd.broker.rabbitmq.enabled=true", "--spring.rabbitmq.addresses=amqp://guest:guest@127.0.0.1:5672",
                        "--hqd.demo=true");
    }

    @Test
    void withoutItTheBrokerStaysOff() {
        assertThat(PlatformApplication.translate(new String[] {"--demo"})).noneMatch(a -> a.contains("rabbit"));
    }

    @Test
    void theBrokerUrlNeedsAValue() {
        assertThatThrownBy(() -> PlatformApplication.translate(new String[] {"--broker-url", "--demo"}))
                .hasMessageContaining("--broker-url");
    }
}
