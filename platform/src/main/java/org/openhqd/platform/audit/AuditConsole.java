package org.openhqd.platform.audit;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The auditor's search page over the audit trail. */
@Controller
@PreAuthorize("hasAnyRole('AUDITOR','SYSTEM_ADMIN')")
class AuditConsole {

    private final AuditTrail trail;

    AuditConsole(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/audit")
    String search(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                  @RequestParam(required = false) Long patientId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        model.addAttribute("entries", trail.search(actor, action, patientId, from, to, 200));
        model.addAttribute("actions", AuditAction.values());
        return "audit";
    }
}
