package org.openhqd.platform.referral;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.openhqd.platform.organization.Organizations;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.DataScope;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's 转诊 pages: the institution's inbox (incoming and outgoing), a referral's detail with its actions, a new referral. */
@Controller
@PreAuthorize("!hasRole('AUDITOR')")
class ReferralConsole {

    private final Referrals referrals;
    private final ReferralWorkflow workflow;
    private final ReferralSlots slots;
    private final CarePlans carePlans;
    private final Organizations organizations;
    private final Validator validator;
    private final Clock clock;

    ReferralConsole(Referrals referrals, ReferralWorkflow workflow, ReferralSlots slots, CarePlans carePlans, Organizations organizations,
                    Validator validator, Clock clock) {
        this.referrals = referrals;
        this.workflow = workflow;
        this.slots = slots;
        this.carePlans = carePlans;
        this.organizations = organizations;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping("/referrals")
    String inbox(Model model) {
        model.addAttribute("incoming", referrals.inbox(true));
        model.addAttribute("outgoing", referrals.inbox(false));
        model.addAttribute("notices", CurrentUser.get().role().communityWide() ? referrals.notices() : List.of());
        return "referrals";
    }

    @GetMapping("/referrals/new")
    String form(Model model) {
        StaffPrincipal user = CurrentUser.get();
        // the community's directory of member institutions: any of them may receive a referral
        model.addAttribute("targets", organizations.institutions(DataScope.community(user.communityId())).stream()
                .filter(i -> i.id() != user.institutionId()).toList());
        return "referral-new";
    }

    @PostMapping("/referrals")
    String create(@RequestParam(required = false) Long patientId, @RequestParam(required = false) Long toInstitutionId,
                  @RequestParam(required = false) Direction direction, @RequestParam(required = false) String reason,
                  @RequestParam(defaultValue = "") String diagnoses, @RequestParam(required = false) String summary,
                  @RequestParam(required = false) String currentTreatment, @RequestParam(defaultValue = "false") boolean emergency,
                  @RequestParam(defaultValue = "false") boolean draft, Model model, RedirectAttributes redirect) {
        List<String> codes = Arrays.stream(diagnoses.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
        NewReferral n = new NewReferral(patientId, toInstitutionId, direction, reason, codes, blank(summary), blank(currentTreatment),
                List.of(), emergency, draft, null);
        List<String> problems = validator.validate(n).stream().map(ConstraintViolation::getMessage).sorted().toList();
        if (problems.isEmpty()) {
            try {
                ReferralView v = referrals.create(n);
                redirect.addFlashAttribute("message", "转诊单已创建 / referral created");
                return "redirect:/referrals/" + v.id();
            } catch (ReferralException e) {
                problems = List.of(e.getBody().getDetail());
            }
        }
        model.addAttribute("problems", problems);
        return form(model);
    }

    @GetMapping("/referrals/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  Model model) {
        StaffPrincipal user = CurrentUser.get();
        ReferralView r = referrals.get(id);
        LocalDate day = date != null ? date : LocalDate.now(clock.withZone(TestResults.CHINA)).plusDays(1);
        boolean receiver = institutionPath(r.toInstitutionId()).startsWith(user.institutionPath());
        boolean sender = institutionPath(r.fromInstitutionId()).startsWith(user.institutionPath());
        model.addAttribute("r", r);
        model.addAttribute("timeline", referrals.timeline(id));
        model.addAttribute("receiver", receiver);
        model.addAttribute("sender", sender);
        model.addAttribute("day", day);
        model.addAttribute("slots", receiver && r.status() == ReferralStatus.ACCEPTED
                ? slots.of(id, day).stream().filter(s -> s.available() > 0).toList() : List.of());
        model.addAttribute("carePlan", r.direction() == Direction.DOWN ? carePlans.plan(id) : List.of());
        model.addAttribute("mayPlan", r.direction() == Direction.DOWN && CarePlans.PLANNABLE.contains(r.status()) && (receiver || sender));
        model.addAttribute("taskTypes", CareTaskType.values());
        return "referral";
    }

    @PostMapping("/referrals/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String reason,
               @RequestParam(required = false) Long slotId, RedirectAttributes redirect) {
        try {
            switch (action) {
                case "submit" -> workflow.submit(id);
                case "accept" -> workflow.accept(id);
                case "reject" -> workflow.reject(id, reason);
                case "schedule" -> {
                    if (slotId == null) {
                        throw new ReferralException(org.springframework.http.HttpStatus.BAD_REQUEST, "请选择号源 / choose a slot", "slotId");
                    }
                    workflow.schedule(id, slotId);
                }
                case "arrive" -> workflow.arrive(id);
                case "complete" -> workflow.complete(id);
                case "cancel" -> workflow.cancel(id, reason);
                default -> throw ReferralException.notFound();
            }
            redirect.addFlashAttribute("message", "已保存 / saved");
        } catch (ReferralException e) {
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getBody().getDetail());
        }
        return "redirect:/referrals/" + id;
    }

    private String institutionPath(long id) {
        return organizations.institution(id, DataScope.community(CurrentUser.get().communityId()))
                .map(org.openhqd.platform.organization.Institution::path).orElse("-");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
