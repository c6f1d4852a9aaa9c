package org.openhqd.platform.referral;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's 随访任务 worklist and the care-plan form on a referral's page. */
@Controller
@PreAuthorize("!hasRole('AUDITOR')")
class CareTaskConsole {

    private final CarePlans plans;

    CareTaskConsole(CarePlans plans) {
        this.plans = plans;
    }

    @GetMapping("/care-tasks")
    String worklist(@RequestParam(required = false) CareTaskStatus status, @RequestParam(defaultValue = "false") boolean overdue,
                    Model model) {
        model.addAttribute("tasks", plans.worklist(status == null && !overdue ? CareTaskStatus.OPEN : status, overdue));
        model.addAttribute("status", status);
        model.addAttribute("overdue", overdue);
        model.addAttribute("types", CareTaskType.values());
        return "care-tasks";
    }

    @PostMapping("/care-tasks/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String note,
               RedirectAttributes redirect) {
        try {
            switch (action) {
                case "done" -> plans.done(id, note);
                case "cancel" -> plans.cancel(id, note);
                default -> throw new ReferralException(org.springframework.http.HttpStatus.NOT_FOUND, "无此操作 / unknown action", "action");
            }
            redirect.addFlashAttribute("message", "已保存 / saved");
        } catch (ReferralException e) {
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getBody().getDetail());
        }
        return "redirect:/care-tasks";
    }

    /** One task added from the referral's page. */
    @PostMapping("/referrals/{id}/care-plan")
    String add(@PathVariable long id, @RequestParam(required = false) CareTaskType type, @RequestParam(required = false) String description,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
               RedirectAttributes redirect) {
        try {
            if (type == null || description == null || description.isBlank() || dueDate == null) {
                throw new ReferralException(org.springframework.http.HttpStatus.BAD_REQUEST,
                        "请填写任务类型、内容和截止日期 / type, description and due date are required", "type", "description", "dueDate");
            }
            plans.add(id, List.of(new NewCareTask(type, description, dueDate, null)));
            redirect.addFlashAttribute("message", "已保存 / saved");
        } catch (ReferralException e) {
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getBody().getDetail());
        }
        return "redirect:/referrals/" + id;
    }
}
