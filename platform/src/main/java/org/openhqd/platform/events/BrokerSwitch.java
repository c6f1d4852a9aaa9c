package org.openhqd.platform.events;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps Spring Boot's RabbitMQ auto-configuration (connection factory, template, admin, health and
 * metrics) out of the application unless {@value #PROPERTY} is true. Without this a service with no
 * broker would still get a RabbitMQ health check that reports DOWN and an admin that tries to
 * connect; with it, the one switch decides whether anything AMQP exists at all. Registered in
 * META-INF/spring.factories, since it must act before auto-configurations are chosen.
 */
public class BrokerSwitch implements AutoConfigurationImportFilter, EnvironmentAware {

    public static final String PROPERTY = "hqd.broker.rabbitmq.enabled";
    private static final String AMQP_AUTO_CONFIGURATIONS = "org.springframework.boot.amqp.";

    private boolean enabled;

    @Override
    public void setEnvironment(Environment environment) {
        this.enabled = environment.getProperty(PROPERTY, Boolean.class, false);
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] match = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < match.length; i++) {
            String name = autoConfigurationClasses[i];
            match[i] = enabled || name == null || !name.startsWith(AMQP_AUTO_CONFIGURATIONS);
        }
        return match;
    }
}
