package org.openhqd.platform.consultation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 远程会诊 and 远程心电/影像诊断 for HIS and apps: request, decide, schedule, report, cancel; the patient's reports. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("!hasRole('AUDITOR')")
class ConsultationApi {

    private final Consultations consultations;
    private final ConsultationWorkflow workflow;

    ConsultationApi(Consultations consultations, ConsultationWorkflow workflow) {
        this.consultations = consultations;
        this.workflow = workflow;
    }

    record ReasonRequest(@NotBlank(message = "请填写原因 / reason is required")
                         @Size(max = 1000, message = "原因最多 1000 字 / reason: at most 1000 characters") String reason) {
    }

    record ScheduleRequest(@NotNull(message = "请填写会诊时间 / scheduledFor is required") Instant scheduledFor) {
    }

    record ReportRequest(@NotBlank(message = "请填写所见 / findings are required")
                         @Size(max = 4000, message = "所见最多 4000 字 / findings: at most 4000 characters") String findings,
                         @NotBlank(message = "请填写结论 / a conclusion is required")
                         @Size(max = 2000, message = "结论最多 2000 字 / conclusion: at most 2000 characters") String conclusion) {
    }

    /** 201 with the REQUESTED consultation; the requester is the caller's institution. */
    @PostMapping("/consultations")
    @ResponseStatus(HttpStatus.CREATED)
    ConsultationView request(@Valid @RequestBody NewConsultation n) {
        return consultations.request(n);
    }

    /** Requests received by ({@code incoming=true}, the default) or sent from the caller's institution. */
    @GetMapping("/consultations")
    List<ConsultationView> list(@RequestParam(defaultValue = "true") boolean incoming,
                                @RequestParam(required = false) ConsultationStatus status) {
        return consultations.inbox(incoming, status);
    }

    @GetMapping("/consultations/{id}")
    ConsultationView get(@PathVariable long id) {
        return consultations.get(id);
    }

    @PostMapping("/consultations/{id}/accept")
    ConsultationView accept(@PathVariable long id) {
        return workflow.accept(id);
    }

    @PostMapping("/consultations/{id}/decline")
    ConsultationView decline(@PathVariable long id, @Valid @RequestBody ReasonRequest r) {
        return workflow.decline(id, r.reason());
    }

    /** Consultations only: a reading is reported without a session (409). */
    @PostMapping("/consultations/{id}/schedule")
    ConsultationView schedule(@PathVariable long id, @Valid @RequestBody ScheduleRequest r) {
        return workflow.schedule(id, r.scheduledFor());
    }

    @PostMapping("/consultations/{id}/report")
    ConsultationView report(@PathVariable long id, @Valid @RequestBody ReportRequest r) {
        return workflow.report(id, r.findings(), r.conclusion());
    }

    @PostMapping("/consultations/{id}/cancel")
    ConsultationView cancel(@PathVariable long id, @Valid @RequestBody ReasonRequest r) {
        return workflow.cancel(id, r.reason());
    }

    /** The patient's consultation and reading reports, newest first. */
    @GetMapping("/patients/{id}/remote-reports")
    List<RemoteReport> reports(@PathVariable long id) {
        return consultations.reports(id);
    }
}
