package org.openhqd.platform.appointments;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openhqd.platform.patient.PatientLookup;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.DataScope;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The registration desk (挂号窗口): a day's sessions of a department with the free numbers per
 * channel, finding the patient, booking through the WINDOW channel, cancelling, and checking in
 * (报到) the patients of a session's queue. Every POST redirects back to the page it came from, so
 * the page works with and without htmx (htmx swaps only the board).
 */
@Controller
@RequestMapping("/appointments/desk")
@PreAuthorize("hasAnyRole('NURSE','DOCTOR','DEPARTMENT_HEAD','INSTITUTION_ADMIN','COMMUNITY_ADMIN','SYSTEM_ADMIN')")
class DeskConsole {

    private final AppointmentQueries queries;
    private final Appointments appointments;
    private final Visits visits;
    private final PatientLookup patients;

    DeskConsole(AppointmentQueries queries, Appointments appointments, Visits visits, PatientLookup patients) {
        this.queries = queries;
        this.appointments = appointments;
        this.visits = visits;
        this.patients = patients;
    }

    /** What the desk is looking at; carried through every form so a POST returns to the same view. */
    record View(LocalDate date, Long department, Long session, Long patient) {

        String url() {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/appointments/desk").queryParam("date", date);
            if (department != null) {
                b.queryParam("department", department);
            }
            if (session != null) {
                b.queryParam("session", session);
            }
            if (patient != null) {
                b.queryParam("patient", patient);
            }
            return b.encode().build().toUriString();
        }
    }

    @GetMapping
    String desk(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                @RequestParam(required = false) Long department, @RequestParam(required = false) Long session,
                @RequestParam(required = false) Long patient, Model model) {
        return render(date, department, session, patient, null, model);
    }

    /**
     * Finding a patient is a POST, so that a full ID number typed here never ends up in a URL, the
     * browser history or an access log; the page is rendered directly and the number not echoed.
     */
    @PostMapping("/search")
    String search(@RequestParam String q, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  @RequestParam(required = false) Long department, @RequestParam(required = false) Long session, Model model) {
        return render(date, department, session, null, q, model);
    }

    private String render(LocalDate date, Long department, Long session, Long patient, String q, Model model) {
        DataScope scope = CurrentUser.get().scope();
        LocalDate day = date == null ? queries.today() : date;
        List<AppointmentQueries.SessionView> sessions = department == null ? List.of() : queries.sessions(day, department, scope);
        Long chosen = session != null && sessions.stream().anyMatch(s -> s.id() == session) ? session
                : sessions.stream().map(AppointmentQueries.SessionView::id).findFirst().orElse(null);
        model.addAttribute("view", new View(day, department, chosen, patient));
        model.addAttribute("departments", queries.departments(scope));
        model.addAttribute("sessions", sessions);
        model.addAttribute("slots", chosen == null ? List.of() : queries.slots(day, department, chosen, scope));
        model.addAttribute("queue", chosen == null ? List.of() : queries.queue(chosen, scope, "desk queue"));
        model.addAttribute("searched", q != null);
        model.addAttribute("found", q == null ? List.of() : patients.search(q, scope));
        model.addAttribute("patient", patient == null ? null : patients.get(patient, scope, "desk booking").orElse(null));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("requestId", UUID.randomUUID().toString());
        return "desk";
    }

    @PostMapping("/book")
    String book(@RequestParam long slotId, @RequestParam long patientId, @RequestParam String requestId,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                @RequestParam(required = false) Long department, @RequestParam(required = false) Long session,
                RedirectAttributes flash) {
        try {
            AppointmentView a;
            try {
                a = appointments.book(slotId, patientId, Channel.WINDOW, "desk-" + requestId).appointment();
            } catch (Appointments.ReplayedException e) {
                a = appointments.byKey(e.key).orElseThrow();
            }
            flash.addFlashAttribute("bookedNumber", a.sequenceNumber());
            flash.addFlashAttribute("bookedTime", AppointmentQueries.time(a.suggestedAt()));
        } catch (Appointments.BookingException e) {
            flash.addFlashAttribute("error", e.getBody().getDetail());
        }
        return "redirect:" + new View(date, department, session, patientId).url();
    }

    @PostMapping("/cancel")
    String cancel(@RequestParam long appointmentId, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  @RequestParam(required = false) Long department, @RequestParam(required = false) Long session,
                  RedirectAttributes flash) {
        try {
            appointments.cancel(appointmentId);
            flash.addFlashAttribute("done", "desk.cancelled");
        } catch (Appointments.BookingException e) {
            flash.addFlashAttribute("error", e.getBody().getDetail());
        }
        return "redirect:" + new View(date, department, session, null).url();
    }

    @PostMapping("/check-in")
    String checkIn(@RequestParam long appointmentId, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                   @RequestParam(required = false) Long department, @RequestParam(required = false) Long session,
                   RedirectAttributes flash) {
        try {
            visits.advance(appointmentId, Visits.Step.CHECK_IN);
            flash.addFlashAttribute("done", "desk.checkedIn");
        } catch (Appointments.BookingException e) {
            flash.addFlashAttribute("error", e.getBody().getDetail());
        }
        return "redirect:" + new View(date, department, session, null).url();
    }
}
