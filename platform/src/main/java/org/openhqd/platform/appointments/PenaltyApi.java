package org.openhqd.platform.appointments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.openhqd.platform.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 爽约/黑名单: the rules in force, penalties with appeal and decision, and the manual whitelist. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("!hasRole('AUDITOR')")
class PenaltyApi {

    private static final String ADMINS = "hasAnyRole('SYSTEM_ADMIN','COMMUNITY_ADMIN','INSTITUTION_ADMIN')";

    private final Penalties penalties;
    private final NoShowWhitelist whitelist;
    private final NoShowRules rules;
    private final NoShowExcuses excuses;

    PenaltyApi(Penalties penalties, NoShowWhitelist whitelist, NoShowRules rules, NoShowExcuses excuses) {
        this.penalties = penalties;
        this.whitelist = whitelist;
        this.rules = rules;
        this.excuses = excuses;
    }

    record Reason(@NotBlank(message = "理由不能为空 / reason is required")
                  @Size(max = 500, message = "理由最多 500 字 / reason is at most 500 characters") String reason) {
    }

    record Decision(@NotNull(message = "请选择是否接受申诉 / accept is required (true or false)") Boolean accept,
                    @NotBlank(message = "理由不能为空 / reason is required")
                    @Size(max = 500, message = "理由最多 500 字 / reason is at most 500 characters") String reason) {
    }

    record ExcuseRequest(@NotNull(message = "请选择免责原因 / excuse is required (EMERGENCY, HOSPITAL_FAULT, DISABILITY)")
                         NoShowExcuses.Excuse excuse,
                         @NotBlank(message = "理由不能为空 / reason is required")
                         @Size(max = 500, message = "理由最多 500 字 / reason is at most 500 characters") String reason) {
    }

    /** Records why a no-show or cancellation should not count (rules exempting that excuse skip it). */
    @PostMapping("/appointments/{id}/excuse")
    AppointmentView excuse(@PathVariable long id, @Valid @RequestBody ExcuseRequest r) {
        return excuses.excuse(id, r.excuse(), r.reason().strip());
    }

    /** The rule versions in force today for the caller's community. */
    @GetMapping("/no-show-rules")
    List<NoShowRule> rules() {
        return rules.inForceInCommunity(CurrentUser.get().scope().communityId());
    }

    /** Penalties of the caller's scope, newest first; {@code status}: ACTIVE, APPEALED, LIFTED, EXPIRED. */
    @GetMapping("/penalties")
    List<PenaltyView> list(@RequestParam(required = false) Long patient, @RequestParam(required = false) Penalties.Status status) {
        return penalties.list(CurrentUser.get().scope(), patient, status);
    }

    /** 申诉: ACTIVE → APPEALED (the penalty applies until decided); 409 otherwise. */
    @PostMapping("/penalties/{id}/appeal")
    PenaltyView appeal(@PathVariable long id, @Valid @RequestBody Reason r) {
        return penalties.appeal(id, r.reason().strip());
    }

    /** Decides an appeal: accept → LIFTED, reject → ACTIVE; administrators only. */
    @PostMapping("/penalties/{id}/decide")
    @PreAuthorize(ADMINS)
    PenaltyView decide(@PathVariable long id, @Valid @RequestBody Decision d) {
        return penalties.decide(id, d.accept(), d.reason().strip());
    }

    /** Puts a patient on the no-show whitelist (never counted, never blocked); 409 when already there. */
    @PostMapping("/patients/{id}/no-show-whitelist")
    @PreAuthorize(ADMINS)
    @ResponseStatus(HttpStatus.CREATED)
    NoShowWhitelist.Entry whitelist(@PathVariable long id, @Valid @RequestBody Reason r) {
        return whitelist.add(id, r.reason().strip());
    }

    /** Takes a patient off the whitelist; 404 when not on it. */
    @DeleteMapping("/patients/{id}/no-show-whitelist")
    @PreAuthorize(ADMINS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlist(@PathVariable long id, @Valid @RequestBody Reason r) {
        whitelist.remove(id, r.reason().strip());
    }
}
