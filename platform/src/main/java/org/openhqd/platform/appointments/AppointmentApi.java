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
    private final Rescheduling rescheduling;
    private final Waitlist waitlist;
    private final AddOnNumbers addOns;

    AppointmentApi(Appointments appointments, Visits visits, StopClinic stopClinic, Rescheduling rescheduling, Waitlist waitlist,
                   AddOnNumbers addOns) {
        this.appointments = appointments;
        this.visits = visits;
        this.stopClinic = stopClinic;
        this.rescheduling = rescheduling;
        this.waitlist = waitlist;
        this.addOns = addOns;
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

    /** @param referralId the referral the booking is for: required by the REFERRAL pool and by MDT sessions */
    record BookingRequest(@NotNull Long slotId, @NotNull Long patientId, @NotNull Channel channel,
                          @jakarta.validation.constraints.Size(max = 64) String referralId) {
    }

    /**
     * Books a number: 201 with the appointment; the same {@code Idempotency-Key} again returns the
     * same appointment (200); 409 when the channel's pool is full or not yet released.
     */
    @PostMapping("/appointments")
    ResponseEntity<AppointmentView> book(@Valid @RequestBody BookingRequest r,
                                         @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        try {
            var early = appointments.answerWithoutTransaction(r.slotId(), r.channel(), blankToNull(key));
            if (early.isPresent()) {
                return ResponseEntity.ok(early.get().appointment());
            }
            Appointments.Booking b = appointments.book(r.slotId(), r.patientId(), r.channel(), blankToNull(key),
                    blankToNull(r.referralId()));
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

    record RescheduleRequest(@NotNull Long slotId, @jakarta.validation.constraints.Size(max = 64) String referralId) {
    }

    /**
     * 改约: moves the appointment to another slot in one step (the old number is kept if the new slot
     * is full); 201 with the new appointment, 200 when the {@code Idempotency-Key} is replayed.
     */
    @PostMapping("/appointments/{id}/reschedule")
    ResponseEntity<AppointmentView> reschedule(@PathVariable long id, @Valid @RequestBody RescheduleRequest r,
                                               @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        try {
            Appointments.Booking b = rescheduling.reschedule(id, r.slotId(), blankToNull(key), blankToNull(r.referralId()));
            return ResponseEntity.status(b.created() ? HttpStatus.CREATED : HttpStatus.OK).body(b.appointment());
        } catch (Appointments.ReplayedException e) {
            return ResponseEntity.ok(appointments.byKey(e.key).orElseThrow());
        }
    }

    record AddOnRequest(@NotNull Long patientId) {
    }

    /** 加号: a number beyond capacity, approved by the session's doctor (or department head / administrator). */
    @PostMapping("/slots/{id}/add-on")
    @ResponseStatus(HttpStatus.CREATED)
    AppointmentView addOn(@PathVariable long id, @Valid @RequestBody AddOnRequest r) {
        return addOns.addOn(id, r.patientId());
    }

    record WaitlistRequest(@NotNull Long sessionId, @NotNull Long patientId, @NotNull Channel channel,
                           @jakarta.validation.constraints.Size(max = 64) String referralId) {
    }

    /** 候补: waits for a number of a full session; booked automatically when one frees up. */
    @PostMapping("/waitlist")
    @ResponseStatus(HttpStatus.CREATED)
    Waitlist.Entry joinWaitlist(@Valid @RequestBody WaitlistRequest r) {
        return waitlist.join(r.sessionId(), r.patientId(), r.channel(), blankToNull(r.referralId()));
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/waitlist/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void leaveWaitlist(@PathVariable long id) {
        waitlist.leave(id);
    }

    @GetMapping("/sessions/{id}/waitlist")
    List<Waitlist.Entry> waitlist(@PathVariable long id) {
        return waitlist.of(id);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
