package org.openhqd.platform.appointments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Everything needed to open one clinic session (出诊): who, where, when, how its time is cut into
 * slots and how each slot's numbers are split between channel pools. Templates, extra sessions
 * (加诊) and MDT sessions all become a plan, and one factory turns plans into sessions.
 */
public record SessionPlan(long institutionId, long departmentId, Long doctorId, Long templateId, String kind,
                          LocalDate date, ClinicBlock block, LocalTime start, LocalTime end, ClinicType clinicType,
                          int slotMinutes, int numbersPerSlot, List<PoolPlan> pools, Eligibility eligibility,
                          String campus, String room, List<Participant> participants) {

    /** One channel's share of every slot of the session, and its release and return times. */
    public record PoolPlan(Channel channel, int numbers, Instant releaseAt, Instant returnAt, Channel returnTo) {
    }

    /** A person the session needs, with their role (主诊, MDT member, …). */
    public record Participant(long staffId, String role) {
    }

    public SessionPlan {
        pools = List.copyOf(pools);
        participants = List.copyOf(participants);
    }
}
