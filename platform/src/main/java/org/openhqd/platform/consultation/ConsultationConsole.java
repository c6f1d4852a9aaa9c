package org.openhqd.platform.consultation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.openhqd.platform.organization.Organizations;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.DataScope;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's 远程会诊 pages: incoming and outgoing lists, a request form, a request's detail with its actions and report form. */
@Controller
@PreAuthorize("!hasRole('AUDITOR')")
class ConsultationConsole {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Consultations consultations;
    private final ConsultationWorkflow workflow;
    private final Organizations organizations;
    private final Validator validator;

    ConsultationConsole(Consultations consultations, ConsultationWorkflow workflow, Organizations organizations, Validator validator) {
        this.consultations = consultations;
        this.workflow = workflow;
        this.organizations = organizations;
        this.validator = validator;
    }

    @GetMapping("/consultations")
    String inbox(Model model) {
        model.addAttribute("incoming", consultations.inbox(true, null));
        model.addAttribute("outgoing", consultations.inbox(false, null));
        return "consultations";
    }

    @GetMapping("/consultations/new")
    String form(Model model) {
        StaffPrincipal user = CurrentUser.get();
        // the community's directory: any other member may be asked, the county hospital first
        model.addAttribute("targets", organizations.institutions(DataScope.community(user.communityId())).stream()
                .filter(i -> i.id() != user.institutionId())
                .sorted(java.util.Comparator.comparing((org.openhqd.platform.organization.Institution i) -> i.level().ordinal()))
                .toList());
        model.addAttribute("types", ConsultationType.values());
        model.addAttribute("urgencies", Urgency.values());
        return "consultation-new";
    }

    @PostMapping("/consultations")
    String request(@RequestParam(required = false) ConsultationType type, @RequestParam(required = false) Long patientId,
                   @RequestParam(required = false) Long consultingInstitutionId, @RequestParam(required = false) String question,
                   @RequestParam(required = false) Urgency urgency, @RequestParam(required = false) String studyReference,
                   @RequestParam(required = false) String studyDescription, Model model, RedirectAttributes redirect) {
        List<Study> studies = studyReference == null || studyReference.isBlank() ? List.of()
                : List.of(new Study(studyReference.strip(), studyDescription == null || studyDescription.isBlank() ? null : studyDescription));
        NewConsultation n = new NewConsultation(type, patientId, consultingInstitutionId, question, urgency, studies);
        List<String> problems = validator.validate(n).stream().map(ConstraintViolation::getMessage).sorted().toList();
        if (problems.isEmpty()) {
            try {
                ConsultationView v = consultations.request(n);
                redirect.addFlashAttribute("message", "会诊申请已提交 / consultation requested");
                return "redirect:/consultations/" + v.id();
            } catch (ConsultationException e) {
                problems = List.of(e.getBody().getDetail());
            }
        }
        model.addAttribute("problems", problems);
        return form(model);
    }

    @GetMapping("/consultations/{id}")
    String detail(@PathVariable long id, Model model) {
        StaffPrincipal user = CurrentUser.get();
        ConsultationView c = consultations.get(id);
        model.addAttribute("c", c);
        model.addAttribute("consultant", path(c.consultingInstitutionId()).startsWith(user.institutionPath()));
        model.addAttribute("requester", path(c.requestingInstitutionId()).startsWith(user.institutionPath()));
        return "consultation";
    }

    @PostMapping("/consultations/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String reason,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime scheduledFor,
               @RequestParam(required = false) String findings, @RequestParam(required = false) String conclusion,
               RedirectAttributes redirect) {
        try {
            switch (action) {
                case "accept" -> workflow.accept(id);
                case "decline" -> workflow.decline(id, reason);
                // the form's local time is Beijing time
                case "schedule" -> workflow.schedule(id, scheduledFor == null ? null : scheduledFor.atZone(CHINA).toInstant());
                case "report" -> workflow.report(id, findings, conclusion);
                case "cancel" -> workflow.cancel(id, reason);
                default -> throw new ConsultationException(HttpStatus.NOT_FOUND, "无此操作 / unknown action", "action");
            }
            redirect.addFlashAttribute("message", "已保存 / saved");
        } catch (ConsultationException e) {
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getBody().getDetail());
        }
        return "redirect:/consultations/" + id;
    }

    private String path(long institution) {
        return organizations.institution(institution, DataScope.community(CurrentUser.get().communityId()))
                .map(org.openhqd.platform.organization.Institution::path).orElse("-");
    }
}
