package org.openhqd.platform.appointments;

import java.time.Instant;

/**
 * A bookable time slot as listed: its window, total numbers, and how many are still bookable by the
 * caller's channel (released and not yet taken in that channel's pool).
 */
public record SlotView(long id, long sessionId, long institutionId, long departmentId, String departmentName,
                       String doctorName, String clinicType, Instant start, Instant end, int capacity, int available,
                       Channel channel) {
}
