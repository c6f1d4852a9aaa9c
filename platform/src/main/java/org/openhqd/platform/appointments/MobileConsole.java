package org.openhqd.platform.appointments;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openhqd.platform.patient.PatientLookup;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The patients' mobile booking pages (手机预约), public: institution → department → day → free
 * times of the APP channel; booking, the own appointments and cancelling after the real-name check.
 * The session keeps only the verified patient's record id and registration site, never a name or a
 * number, and the pages show nothing of a patient but what the patient typed.
 */
@Controller
@RequestMapping("/m")
class MobileConsole {

    static final String VERIFIED = "m.verified";
    static final int DAYS = 7;

    private final AppointmentQueries queries;
    private final SelfService self;

    MobileConsole(AppointmentQueries queries, SelfService self) {
        this.queries = queries;
        this.self = self;
    }

    @GetMapping
    String browse(@RequestParam(required = false) Long institution, @RequestParam(required = false) Long department,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        LocalDate today = queries.today();
        model.addAttribute("institutions", queries.institutionsWithSessions());
        if (institution != null) {
            model.addAttribute("institution", institution);
            model.addAttribute("departments", queries.departmentsWithSessions(institution));
        }
        if (institution != null && department != null) {
            LocalDate day = date == null || date.isBefore(today) || date.isAfter(today.plusDays(DAYS)) ? today : date;
            model.addAttribute("department", department);
            model.addAttribute("date", day);
            model.addAttribute("days", today.datesUntil(today.plusDays(DAYS + 1)).toList());
            model.addAttribute("slots", self.freeSlots(institution, department, day).stream()
                    .filter(s -> s.start().isAfter(java.time.Instant.now(queries.clock()))).toList());
        }
        return "m";
    }

    @GetMapping("/book")
    String bookForm(@RequestParam long slot, HttpSession session, Model model) {
        Optional<AppointmentQueries.SlotPlace> place = queries.slotPlace(slot);
        if (place.isEmpty()) {
            return "redirect:/m";
        }
        model.addAttribute("place", place.get());
        model.addAttribute("verified", session.getAttribute(VERIFIED) != null);
        model.addAttribute("requestId", UUID.randomUUID().toString());
        return "m-book";
    }

    @PostMapping("/verify")
    String verify(@RequestParam String name, @RequestParam String idNumber, @RequestParam String phoneLast4,
                  @RequestParam(required = false) Long slot, HttpServletRequest request, HttpServletResponse response,
                  Model model) {
        HttpSession session = request.getSession(true);
        List<String> keys = List.of("session:" + session.getId(), "address:" + request.getRemoteAddr());
        String error;
        try {
            Optional<PatientLookup.Verified> v = self.verify(name, idNumber, phoneLast4, keys);
            if (v.isPresent()) {
                request.changeSessionId(); // a new session id once the session carries a verified patient
                request.getSession().setAttribute(VERIFIED, v.get());
                return slot == null ? "redirect:/m/mine" : "redirect:/m/book?slot=" + slot;
            }
            error = "m.verify.failed";
        } catch (SelfService.TooManyAttempts e) {
            response.setStatus(429);
            error = "m.verify.tooMany";
        }
        model.addAttribute("verifyError", error);
        if (slot != null) {
            return bookForm(slot, session, model);
        }
        model.addAttribute("verified", false);
        return "m-mine";
    }

    @PostMapping("/book")
    String book(@RequestParam long slot, @RequestParam String requestId, HttpSession session, Model model) {
        PatientLookup.Verified patient = (PatientLookup.Verified) session.getAttribute(VERIFIED);
        if (patient == null) {
            return "redirect:/m/book?slot=" + slot;
        }
        try {
            model.addAttribute("booked", self.book(patient, slot, requestId));
            return "m-booked";
        } catch (Appointments.BookingException e) {
            model.addAttribute("error", e.getBody().getDetail());
            return bookForm(slot, session, model);
        }
    }

    @GetMapping("/mine")
    String mine(HttpSession session, Model model) {
        PatientLookup.Verified patient = (PatientLookup.Verified) session.getAttribute(VERIFIED);
        model.addAttribute("verified", patient != null);
        if (patient != null) {
            model.addAttribute("appointments", self.upcoming(patient));
        }
        return "m-mine";
    }

    @PostMapping("/cancel")
    String cancel(@RequestParam long appointmentId, HttpSession session, RedirectAttributes flash) {
        PatientLookup.Verified patient = (PatientLookup.Verified) session.getAttribute(VERIFIED);
        if (patient != null) {
            try {
                self.cancel(patient, appointmentId);
                flash.addFlashAttribute("done", "m.cancelled");
            } catch (Appointments.BookingException e) {
                flash.addFlashAttribute("error", e.getBody().getDetail());
            }
        }
        return "redirect:/m/mine";
    }

    /** Ends the verification (a shared phone): the session forgets the patient. */
    @PostMapping("/end")
    String end(HttpSession session) {
        session.removeAttribute(VERIFIED);
        return "redirect:/m";
    }
}
