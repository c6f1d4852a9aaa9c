package org.openhqd.platform.appointments;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 爽约管理: the rules in force, the active and appealed penalties of the user's scope (patients
 * masked), appeal decisions and the whitelist for administrators. Every action goes through
 * {@link Penalties} and {@link NoShowWhitelist}, which check the scope and audit.
 */
@Controller
class NoShowConsole {

    private static final String ADMINS = "hasAnyRole('SYSTEM_ADMIN','COMMUNITY_ADMIN','INSTITUTION_ADMIN')";

    private final NoShowRules rules;
    private final Penalties penalties;
    private final NoShowWhitelist whitelist;

    NoShowConsole(NoShowRules rules, Penalties penalties, NoShowWhitelist whitelist) {
        this.rules = rules;
        this.penalties = penalties;
        this.whitelist = whitelist;
    }

    @GetMapping("/no-show")
    String page(Model model) {
        var user = CurrentUser.get();
        if (user.role() == Role.AUDITOR) {
            throw new AccessDeniedException("auditors do not read patient records");
        }
        var scope = user.scope();
        List<PenaltyView> current = penalties.list(scope, null, null).stream()
                .filter(p -> p.status() == Penalties.Status.ACTIVE || p.status() == Penalties.Status.APPEALED).toList();
        model.addAttribute("rules", rules.inForceInCommunity(scope.communityId()));
        model.addAttribute("penalties", current);
        model.addAttribute("whitelist", whitelist.list(scope, null));
        model.addAttribute("canDecide", user.role().administers());
        model.addAttribute("time", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(NoShowRule.CHINA));
        return "no-show";
    }

    @PostMapping("/no-show/penalties/{id}/decide")
    @PreAuthorize(ADMINS)
    String decide(@PathVariable long id, @RequestParam boolean accept, @RequestParam(defaultValue = "") String reason,
                  RedirectAttributes redirect) {
        return act(redirect, () -> penalties.decide(id, accept, requireReason(reason)));
    }

    @PostMapping("/no-show/whitelist")
    @PreAuthorize(ADMINS)
    String whitelist(@RequestParam long patientId, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return act(redirect, () -> whitelist.add(patientId, requireReason(reason)));
    }

    @PostMapping("/no-show/whitelist/{patientId}/remove")
    @PreAuthorize(ADMINS)
    String unlist(@PathVariable long patientId, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return act(redirect, () -> whitelist.remove(patientId, requireReason(reason)));
    }

    private static String act(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", true);
        } catch (NoShowProblem e) {
            redirect.addFlashAttribute("error", e.getBody().getDetail());
        }
        return "redirect:/no-show";
    }

    private static String requireReason(String reason) {
        if (reason.isBlank() || reason.length() > 500) {
            throw new NoShowProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "reason",
                    "理由不能为空，最多 500 字 / reason is required, at most 500 characters");
        }
        return reason.strip();
    }
}
