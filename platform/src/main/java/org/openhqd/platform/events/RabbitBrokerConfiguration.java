package org.openhqd.platform.events;

import java.time.Duration;
import java.util.List;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.core.env.Environment;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import tools.jackson.databind.json.JsonMapper;

/**
 * RabbitMQ as the destination of {@code @Externalized} events, when {@value BrokerSwitch#PROPERTY}
 * is true. The connection is Spring Boot's ({@code spring.rabbitmq.*}); the exchanges named in
 * {@code hqd.broker.exchanges} are declared as durable topic exchanges whenever a connection opens,
 * so a HIS can bind its own durable queue with the routing key it cares about (the receiving
 * institution's id for {@code openhqd.referral}) before the first event is sent.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(BrokerSwitch.PROPERTY)
class RabbitBrokerConfiguration {

    @Bean
    Declarables eventExchanges(@Value("${hqd.broker.exchanges}") List<String> exchanges) {
        return new Declarables(exchanges.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(name -> new TopicExchange(name, true, false)).toList());
    }

    /** Events travel as JSON (a HIS need not be written in Java); Boot's template picks this up. */
    @Bean
    MessageConverter eventMessageConverter(JsonMapper json) {
        return new JacksonJsonMessageConverter(json);
    }

    @Bean
    DelegatingEventExternalizer rabbitEventExternalizer(EventExternalizationConfiguration configuration,
            RabbitTemplate rabbit, BeanFactory beans, Environment environment,
            @Value("${hqd.broker.confirm-timeout}") Duration confirmTimeout) {
        // without correlated confirms the future never completes and nothing would be marked delivered
        if (!"correlated".equalsIgnoreCase(environment.getProperty("spring.rabbitmq.publisher-confirm-type"))) {
            throw new IllegalStateException("hqd.broker.rabbitmq.enabled=true needs spring.rabbitmq.publisher-confirm-type=correlated");
        }
        StandardEvaluationContext routing = new StandardEvaluationContext();
        routing.setBeanResolver(new BeanFactoryResolver(beans));
        return new DelegatingEventExternalizer(configuration, new RabbitEventTransport(rabbit, routing, confirmTimeout));
    }
}
