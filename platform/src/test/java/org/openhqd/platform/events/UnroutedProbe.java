package org.openhqd.platform.events;

import org.springframework.modulith.events.Externalized;

/** A test event for an exchange the service does not declare: RabbitMQ refuses it until it exists. */
@Externalized("openhqd.outbox-undeclared-test::#{toInstitutionId()}")
public record UnroutedProbe(long probeId, long toInstitutionId) {
}
