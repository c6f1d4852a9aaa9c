package org.openhqd.platform.appointments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Slots and appointments for apps, WeChat, kiosks, regional platforms and clinic staff. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("!hasRole('AUDITOR')")
class AppointmentApi {

    private final Appointments appointments;
    private final Visits visits;
    private final StopClinic stopClinic;

    AppointmentApi(Appointments appointments, Visits visits, StopClinic stopClinic) {
        this.appointments = appointments;
        this.visits = visits;
        this.stopClinic = stopClinic;
    }

    record StopRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 255) String reason) {
    }

    /** 停诊: stops a session; returns each cancelled appointment with up to three rebooking offers. */
    @PostMapping("/sessions/{id}/stop")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','COMMUNITY_ADMIN','INSTITUTION_ADMIN','DEPARTMENT_HEAD','DOCTOR')")
    List<StopClinic.Affected> stop(@PathVariable long id, @Valid @RequestBody StopRequest r) {
        return stopClinic.stop(id, r.reason());
    }

    /** 报到: the patient arrived (clinic staff of the session's institution). */
    @PostMapping("/appointments/{id}/check-in")
    AppointmentView checkIn(@PathVariable long id) {
        return visits.advance(id, Visits.Step.CHECK_IN);
    }

    /** 叫号: called into the room. */
    @PostMapping("/appointments/{id}/call")
    AppointmentView call(@PathVariable long id) {
        return visits.advance(id, Visits.Step.CALL);
    }

    /** 就诊完成. */
    @PostMapping("/appointments/{id}/seen")
    AppointmentView seen(@PathVariable long id) {
        return visits.advance(id, Visits.Step.SEEN);
    }

    /** Slots of a day: {@code id, start, end, capacity, available} (bookable by {@code channel}, default APP). */
    @GetMapping("/slots")
    List<SlotView> slots(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                         @RequestParam(required = false) Long department,
                         @RequestParam(defaultValue = "APP") Channel channel) {
        return appointments.slots(date, department, channel);
    }

    record BookingRequest(@NotNull Long slotId, @NotNull Long patientId, @NotNull Channel channel) {
    }

    /**
     * Books a number: 201 with the appointment; the same {@code Idempotency-Key} again returns the
     * same appointment (200); 409 when the channel's pool is full or not yet released.
     */
    @PostMapping("/appointments")
    ResponseEntity<AppointmentView> book(@Valid @RequestBody BookingRequest r,
                                         @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        try {
            Appointments.Booking b = appointments.book(r.slotId(), r.patientId(), r.channel(), blankToNull(key));
            return ResponseEntity.status(b.created() ? HttpStatus.CREATED : HttpStatus.OK).body(b.appointment());
        } catch (Appointments.ReplayedException e) {
            return ResponseEntity.ok(appointments.byKey(e.key).orElseThrow());
        }
    }

    @PostMapping("/appointments/{id}/cancel")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(@PathVariable long id) {
        appointments.cancel(id);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
