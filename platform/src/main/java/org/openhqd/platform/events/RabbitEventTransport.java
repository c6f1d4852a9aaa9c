package org.openhqd.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.expression.EvaluationContext;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.BrokerRouting;

/**
 * Sends one externalised event to RabbitMQ and answers a future that succeeds only when the broker
 * confirmed the message (publisher confirms). Spring Modulith completes the event publication when
 * that future succeeds and leaves it incomplete (FAILED) when it fails, so an event the broker never
 * took is sent again by {@link OutboxRetry}. Modulith 2.0's own AMQP externaliser completes the
 * publication as soon as the message is handed to the client library, which loses events when the
 * connection drops before the broker has them; hence this class.
 */
final class RabbitEventTransport implements BiFunction<RoutingTarget, Object, CompletableFuture<?>> {

    private final RabbitTemplate rabbit;
    private final EvaluationContext routingContext;
    private final Duration confirmTimeout;

    RabbitEventTransport(RabbitTemplate rabbit, EvaluationContext routingContext, Duration confirmTimeout) {
        this.rabbit = rabbit;
        this.routingContext = routingContext;
        this.confirmTimeout = confirmTimeout;
    }

    @Override
    public CompletableFuture<?> apply(RoutingTarget target, Object event) {
        BrokerRouting routing = BrokerRouting.of(target, routingContext);
        String exchange = routing.getTarget(event);
        String key = routing.getKey(event);
        CorrelationData correlation = new CorrelationData();
        // throws at once when there is no connection: the publication then stays incomplete
        rabbit.convertAndSend(exchange, key == null ? "" : key, event, message -> identify(message, event), correlation);
        // a confirm that never comes (connection lost after the send) must not hold the publication forever
        return correlation.getFuture()
                .orTimeout(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenAccept(confirm -> {
                    if (!confirm.ack()) {
                        throw new IllegalStateException("RabbitMQ refused the event for " + exchange + ": " + confirm.reason());
                    }
                });
    }

    /**
     * The message id is derived from the event's type and JSON body, not drawn at random: a
     * publication sent again after a failure carries the same id as the first attempt, so a
     * subscriber can drop what it already processed (delivery is at least once).
     */
    static Message identify(Message message, Object event) {
        String type = event.getClass().getSimpleName();
        byte[] typeBytes = (type + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = message.getBody();
        byte[] name = new byte[typeBytes.length + body.length];
        System.arraycopy(typeBytes, 0, name, 0, typeBytes.length);
        System.arraycopy(body, 0, name, typeBytes.length, body.length);
        message.getMessageProperties().setMessageId(UUID.nameUUIDFromBytes(name).toString());
        message.getMessageProperties().setType(type);
        return message;
    }
}
