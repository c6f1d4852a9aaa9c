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
    private final AuditLog audit;

    AuditConsole(AuditTrail trail, AuditLog audit) {
        this.trail = trail;
        this.audit = audit;
    }

    /** The same search as CSV; the export itself is audited. */
    @GetMapping(value = "/audit/export.csv", produces = "text/csv;charset=UTF-8")
    @org.springframework.web.bind.annotation.ResponseBody
    @org.springframework.transaction.annotation.Transactional
    String export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                  @RequestParam(required = false) Long patientId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        var entries = trail.search(org.openhqd.platform.security.CurrentUser.get().scope(), actor, action, patientId, from, to, 1000);
        StringBuilder csv = new StringBuilder("\uFEFFid,time,actor,action,entity,entity_id,patient_id,remote_address,detail\n");
        for (AuditTrail.Entry e : entries) {
            csv.append(e.id()).append(',').append(e.time()).append(',').append(cell(e.actor())).append(',').append(e.action())
                    .append(',').append(cell(e.entity())).append(',').append(cell(e.entityId())).append(',')
                    .append(e.patientId() == null ? "" : e.patientId()).append(',').append(cell(e.remoteAddress()))
                    .append(',').append(cell(e.detail())).append('\n');
        }
        audit.record(AuditAction.EXPORT, "audit_event", null, null, entries.size() + " rows");
        return csv.toString();
    }

    private static String cell(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    @GetMapping("/audit")
    String search(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                  @RequestParam(required = false) Long patientId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        model.addAttribute("entries", trail.search(org.openhqd.platform.security.CurrentUser.get().scope(), actor, action, patientId, from, to, 200));
        model.addAttribute("actions", AuditAction.values());
        return "audit";
    }
}
