package org.openhqd.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The one switch: Boot's RabbitMQ auto-configurations are dropped unless it is on, nothing else is. */
class BrokerSwitchTest {

    private static final String[] CANDIDATES = {
            "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
            "org.springframework.boot.amqp.autoconfigure.health.RabbitHealthContributorAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"};

    @Test
    void offByDefault() {
        assertThat(switchWith(new MockEnvironment()).match(CANDIDATES, null)).containsExactly(false, false, true);
    }

    @Test
    void onWhenEnabled() {
        MockEnvironment env = new MockEnvironment().withProperty(BrokerSwitch.PROPERTY, "true");
        assertThat(switchWith(env).match(CANDIDATES, null)).containsExactly(true, true, true);
    }

    private static BrokerSwitch switchWith(MockEnvironment env) {
        BrokerSwitch s = new BrokerSwitch();
        s.setEnvironment(env);
        return s;
    }
}
