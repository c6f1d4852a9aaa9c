package org.openhqd.platform.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
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

/** 下转后续治疗计划 for HIS and apps: write a referral's care plan, read it, the worklist, done and cancel. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("!hasRole('AUDITOR')")
class CarePlanApi {

    private final CarePlans plans;

    CarePlanApi(CarePlans plans) {
        this.plans = plans;
    }

    record CarePlanRequest(@NotEmpty(message = "请至少填写一项任务 / at least one task is required")
                           @Size(max = 50, message = "一次最多 50 项任务 / at most 50 tasks") List<@Valid NewCareTask> tasks) {
    }

    record NoteRequest(@Size(max = 1000, message = "说明最多 1000 字 / note: at most 1000 characters") String note) {
    }

    record CancelRequest(@NotBlank(message = "请填写原因 / reason is required")
                         @Size(max = 1000, message = "原因最多 1000 字 / reason: at most 1000 characters") String reason) {
    }

    /** 201 with the referral's whole plan after adding the tasks. */
    @PostMapping("/referrals/{id}/care-plan")
    @ResponseStatus(HttpStatus.CREATED)
    List<CareTaskView> add(@PathVariable long id, @Valid @RequestBody CarePlanRequest r) {
        return plans.add(id, r.tasks());
    }

    @GetMapping("/referrals/{id}/care-plan")
    List<CareTaskView> plan(@PathVariable long id) {
        return plans.plan(id);
    }

    /** The caller's institution's tasks (and its subtree's), overdue first. */
    @GetMapping("/care-tasks")
    List<CareTaskView> worklist(@RequestParam(required = false) CareTaskStatus status,
                                @RequestParam(defaultValue = "false") boolean overdue) {
        return plans.worklist(status, overdue);
    }

    @PostMapping("/care-tasks/{id}/done")
    CareTaskView done(@PathVariable long id, @Valid @RequestBody(required = false) NoteRequest r) {
        return plans.done(id, r == null ? null : r.note());
    }

    @PostMapping("/care-tasks/{id}/cancel")
    CareTaskView cancel(@PathVariable long id, @Valid @RequestBody CancelRequest r) {
        return plans.cancel(id, r.reason());
    }
}
