package org.openhqd.platform.appointments;

import java.time.Instant;

/** An appointment: the number (序号) in its slot and the suggested time to come. */
public record AppointmentView(long id, long slotId, long patientId, Channel channel, int sequenceNumber,
                              Instant suggestedAt, String status, Instant bookedAt) {
}
