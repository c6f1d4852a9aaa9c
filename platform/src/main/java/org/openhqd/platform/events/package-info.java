/**
 * Events between modules and towards a hospital information system (HIS). Modules publish plain
 * Spring application events inside their transactions; Spring Modulith's event publication registry
 * stores one publication per listener with that transaction (the outbox, tables from Flyway V11) and
 * marks it complete only when the listener succeeded. Events whose type is annotated
 * {@code @Externalized("exchange::#{key}")} are also sent to RabbitMQ when
 * {@code hqd.broker.rabbitmq.enabled=true}; without a broker they reach only listeners inside the
 * service. Failed publications are retried ({@link org.openhqd.platform.events.OutboxRetry}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Events and message broker")
package org.openhqd.platform.events;
