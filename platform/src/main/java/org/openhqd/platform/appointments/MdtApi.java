package org.openhqd.platform.appointments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** MDT teams, their all-or-nothing sessions, and the visit records (joint opinion, follow-up). */
@RestController
@RequestMapping("/api/v1/mdt")
@PreAuthorize("!hasRole('AUDITOR')")
class MdtApi {

    private final MdtTeams teams;
    private final MdtClinics clinics;

    MdtApi(MdtTeams teams, MdtClinics clinics) {
        this.teams = teams;
        this.clinics = clinics;
    }

    record MemberRequest(@NotNull Long staffId, @NotBlank @Size(max = 64) String role) {
    }

    record TeamRequest(@NotNull Long institutionId, @NotNull Long departmentId, @NotBlank @Size(max = 128) String name,
                       @Size(max = 255) String focus, @NotNull Long chiefId, Long coordinatorId,
                       @NotEmpty List<@Valid MemberRequest> members) {
    }

    @PostMapping("/teams")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','COMMUNITY_ADMIN','INSTITUTION_ADMIN','DEPARTMENT_HEAD')")
    MdtTeam create(@Valid @RequestBody TeamRequest r) {
        return teams.create(new MdtTeams.Draft(r.institutionId(), r.departmentId(), r.name(), r.focus(), r.chiefId(), r.coordinatorId(),
                r.members().stream().map(m -> new MdtTeam.Member(m.staffId(), null, m.role())).toList()));
    }

    @GetMapping("/teams")
    List<MdtTeam> list() {
        return teams.list();
    }

    @GetMapping("/teams/{id}")
    MdtTeam find(@PathVariable long id) {
        return teams.find(id);
    }

    record SessionRequest(@NotNull LocalDate date, @NotNull ClinicBlock block, @NotNull LocalTime start, @NotNull LocalTime end,
                          @NotNull Integer slotMinutes, @Size(max = 32) String room,
                          @NotEmpty @Valid List<ScheduleApi.PoolRequest> pools) {
    }

    /** Books a session for the whole team: 201 with its id, or 409 (nothing booked) when a member is elsewhere in that block. */
    @PostMapping("/teams/{id}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','COMMUNITY_ADMIN','INSTITUTION_ADMIN','DEPARTMENT_HEAD','DOCTOR')")
    Map<String, Long> book(@PathVariable long id, @Valid @RequestBody SessionRequest r) {
        return Map.of("id", clinics.bookSession(id, new MdtClinics.SessionRequest(r.date(), r.block(), r.start(), r.end(),
                r.slotMinutes(), r.room(), r.pools().stream().map(ScheduleApi.PoolRequest::pool).toList())));
    }

    record OpinionRequest(@NotEmpty List<Long> attendeeIds, @NotBlank @Size(max = 4000) String opinion) {
    }

    record FollowUpRequest(@NotBlank @Size(max = 4000) String followUp) {
    }

    @GetMapping("/visits/{appointmentId}")
    MdtClinics.Record record(@PathVariable long appointmentId) {
        return clinics.record(appointmentId);
    }

    /** 联合诊疗意见 (chief or coordinator). */
    @PutMapping("/visits/{appointmentId}/opinion")
    MdtClinics.Record opinion(@PathVariable long appointmentId, @Valid @RequestBody OpinionRequest r) {
        return clinics.recordOpinion(appointmentId, r.attendeeIds(), r.opinion());
    }

    /** 随访反馈 (any team member). */
    @PutMapping("/visits/{appointmentId}/follow-up")
    MdtClinics.Record followUp(@PathVariable long appointmentId, @Valid @RequestBody FollowUpRequest r) {
        return clinics.recordFollowUp(appointmentId, r.followUp());
    }
}
