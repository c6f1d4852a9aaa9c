package org.openhqd.platform.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.openhqd.platform.appointments.SlotView;
import org.springframework.format.annotation.DateTimeFormat;
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

/** 双向转诊 for HIS and apps: create, decide, schedule, arrive, complete, cancel; shared test results. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("!hasRole('AUDITOR')")
class ReferralApi {

    private final Referrals referrals;
    private final ReferralWorkflow workflow;
    private final ReferralSlots slots;
    private final TestResults results;

    ReferralApi(Referrals referrals, ReferralWorkflow workflow, ReferralSlots slots, TestResults results) {
        this.referrals = referrals;
        this.workflow = workflow;
        this.slots = slots;
        this.results = results;
    }

    record ReasonRequest(@NotBlank(message = "请填写原因 / reason is required")
                         @Size(max = 1000, message = "原因最多 1000 字 / reason: at most 1000 characters") String reason) {
    }

    record ScheduleRequest(@NotNull(message = "请选择号源 / slotId is required") Long slotId) {
    }

    record OrderCheckRequest(@NotEmpty(message = "请填写检验检查编码 / testCodes is required")
                             @Size(max = 50) List<@NotBlank String> testCodes) {
    }

    /** The alerts (codes with a result inside their window) and the answer for every code. */
    record OrderCheckResponse(long patientId, List<TestResults.OrderCheck> alerts, List<TestResults.OrderCheck> checks) {
    }

    /** 201 with the referral: SUBMITTED, DRAFT when {@code "draft": true}, ARRIVED for an emergency entered after arrival. */
    @PostMapping("/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    ReferralView create(@Valid @RequestBody NewReferral n) {
        return referrals.create(n);
    }

    /** Referrals in the caller's scope, newest first; {@code institution} matches either side. */
    @GetMapping("/referrals")
    Referrals.Page list(@RequestParam(required = false) Long institution, @RequestParam(required = false) ReferralStatus status,
                        @RequestParam(required = false) Direction direction, @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "50") int size) {
        return referrals.list(institution, status, direction, page, size);
    }

    @GetMapping("/referrals/{id}")
    ReferralView get(@PathVariable long id) {
        return referrals.get(id);
    }

    /** The timeline: every state change with who, when and why. */
    @GetMapping("/referrals/{id}/events")
    List<TimelineEntry> events(@PathVariable long id) {
        return referrals.timeline(id);
    }

    @PostMapping("/referrals/{id}/submit")
    ReferralView submit(@PathVariable long id) {
        return workflow.submit(id);
    }

    @PostMapping("/referrals/{id}/accept")
    ReferralView accept(@PathVariable long id) {
        return workflow.accept(id);
    }

    @PostMapping("/referrals/{id}/reject")
    ReferralView reject(@PathVariable long id, @Valid @RequestBody ReasonRequest r) {
        return workflow.reject(id, r.reason());
    }

    /** The receiving institution's REFERRAL-pool slots of a day (default today), to schedule from. */
    @GetMapping("/referrals/{id}/slots")
    List<SlotView> slots(@PathVariable long id,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return slots.of(id, date);
    }

    /** Books a number of the receiving institution's REFERRAL pool; the appointment carries {@code REF-<id>}. */
    @PostMapping("/referrals/{id}/schedule")
    ReferralView schedule(@PathVariable long id, @Valid @RequestBody ScheduleRequest r) {
        return workflow.schedule(id, r.slotId());
    }

    @PostMapping("/referrals/{id}/arrive")
    ReferralView arrive(@PathVariable long id) {
        return workflow.arrive(id);
    }

    @PostMapping("/referrals/{id}/complete")
    ReferralView complete(@PathVariable long id) {
        return workflow.complete(id);
    }

    @PostMapping("/referrals/{id}/cancel")
    ReferralView cancel(@PathVariable long id, @Valid @RequestBody ReasonRequest r) {
        return workflow.cancel(id, r.reason());
    }

    /** The patient's results from the whole community, for the two sides of the referral. */
    @GetMapping("/referrals/{id}/test-results")
    List<TestResult> testResults(@PathVariable long id) {
        return results.forReferral(id);
    }

    /** Escalation notices (督办) about referrals in the caller's scope. */
    @GetMapping("/referral-notices")
    List<ReferralStore.Notice> notices() {
        return referrals.notices();
    }

    @PostMapping("/patients/{id}/test-results")
    @ResponseStatus(HttpStatus.CREATED)
    TestResult record(@PathVariable long id, @Valid @RequestBody TestResults.NewTestResult r) {
        return results.record(id, r);
    }

    /** 重复检查提醒: for each ordered code, whether a result within its recognition window exists. */
    @PostMapping("/patients/{id}/test-orders/check")
    OrderCheckResponse check(@PathVariable long id, @Valid @RequestBody OrderCheckRequest r) {
        List<TestResults.OrderCheck> checks = results.check(id, r.testCodes());
        return new OrderCheckResponse(id, checks.stream().filter(TestResults.OrderCheck::repeat).toList(), checks);
    }
}
