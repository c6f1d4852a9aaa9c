package org.openhqd.platform.appointments;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * 排班模板: a weekly clinic of a doctor (or of a clinic, room or service) at one institution.
 *
 * @param releaseDays day D opens for booking at D − releaseDays, at {@code releaseTime} China time
 */
public record ScheduleTemplate(long id, long institutionId, long departmentId, Long doctorId, String resourceName,
                               DayOfWeek weekday, ClinicBlock block, LocalTime start, LocalTime end, String campus,
                               String room, ClinicType clinicType, int slotMinutes, int numbersPerSlot, int releaseDays,
                               LocalTime releaseTime, Eligibility eligibility, LocalDate validFrom, LocalDate validTo,
                               boolean active, List<Pool> pools) {

    /**
     * One channel's numbers per slot. A reserved pool may open {@code releaseDaysEarlier} days before
     * the public release and give back what is unused at D − {@code returnDays} {@code returnTime}.
     */
    public record Pool(Channel channel, int numbers, int releaseDaysEarlier, Integer returnDays, LocalTime returnTime) {
    }

    public ScheduleTemplate {
        pools = List.copyOf(pools);
    }

    /** Whether the template holds a clinic on this date. */
    boolean runsOn(LocalDate date) {
        return active && date.getDayOfWeek() == weekday && !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }
}
