package org.openhqd.platform.appointments;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The doctor's page (医生工作站·候诊): today's own sessions with their queues, call → seen, and the
 * in-clinic follow-up booking (诊间预约) for the patient in the room.
 */
@Controller
@RequestMapping("/appointments/doctor")
@PreAuthorize("hasAnyRole('DOCTOR','DEPARTMENT_HEAD')")
class DoctorConsole {

    private final AppointmentQueries queries;
    private final ClinicRoom room;

    DoctorConsole(AppointmentQueries queries, ClinicRoom room) {
        this.queries = queries;
        this.room = room;
    }

    @GetMapping
    String doctor(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate followUpDate,
                  Model model) {
        StaffPrincipal me = CurrentUser.get();
        LocalDate today = queries.today();
        List<AppointmentQueries.SessionView> sessions = me.staffId() == null ? List.of() : queries.doctorSessions(me.staffId(), today);
        Map<Long, List<AppointmentQueries.QueueEntry>> queues = new LinkedHashMap<>();
        for (AppointmentQueries.SessionView s : sessions) {
            queues.put(s.id(), queries.queue(s.id(), me.scope(), "doctor queue"));
        }
        AppointmentQueries.QueueEntry current = queues.values().stream().flatMap(List::stream)
                .filter(e -> "CALLED".equals(e.status())).findFirst().orElse(null);
        model.addAttribute("today", today);
        model.addAttribute("sessions", sessions);
        model.addAttribute("queues", queues);
        model.addAttribute("current", current);
        if (current != null) {
            LocalDate day = followUpDate == null ? today.plusDays(7) : followUpDate;
            model.addAttribute("followUp", room.followUpSlots(current.appointmentId(), day));
            model.addAttribute("requestId", UUID.randomUUID().toString());
        }
        return "doctor";
    }

    @PostMapping("/call")
    String call(@RequestParam long appointmentId, RedirectAttributes flash) {
        return act(flash, () -> room.call(appointmentId), "doctor.called");
    }

    @PostMapping("/seen")
    String seen(@RequestParam long appointmentId, RedirectAttributes flash) {
        return act(flash, () -> room.seen(appointmentId), "doctor.seenDone");
    }

    @PostMapping("/follow-up")
    String followUp(@RequestParam long appointmentId, @RequestParam long slotId, @RequestParam String requestId,
                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate followUpDate, RedirectAttributes flash) {
        try {
            AppointmentView a;
            try {
                a = room.bookFollowUp(appointmentId, slotId, "clinic-" + requestId).appointment();
            } catch (Appointments.ReplayedException e) {
                a = queries.appointmentByKey(e.key);
            }
            flash.addFlashAttribute("bookedNumber", a.sequenceNumber());
            flash.addFlashAttribute("bookedTime", AppointmentQueries.time(a.suggestedAt()));
        } catch (Appointments.BookingException e) {
            flash.addFlashAttribute("error", e.getBody().getDetail());
        }
        return "redirect:/appointments/doctor?followUpDate=" + followUpDate;
    }

    private static String act(RedirectAttributes flash, Runnable action, String done) {
        try {
            action.run();
            flash.addFlashAttribute("done", done);
        } catch (Appointments.BookingException e) {
            flash.addFlashAttribute("error", e.getBody().getDetail());
        }
        return "redirect:/appointments/doctor";
    }
}
