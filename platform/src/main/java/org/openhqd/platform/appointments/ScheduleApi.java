package org.openhqd.platform.appointments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
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

/** Schedules: templates, generation, holidays, substitution and extra sessions (for clinic managers). */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','COMMUNITY_ADMIN','INSTITUTION_ADMIN','DEPARTMENT_HEAD')")
class ScheduleApi {

    private final ScheduleTemplates templates;
    private final SlotGenerator generator;
    private final ScheduleExceptions exceptions;

    ScheduleApi(ScheduleTemplates templates, SlotGenerator generator, ScheduleExceptions exceptions) {
        this.templates = templates;
        this.generator = generator;
        this.exceptions = exceptions;
    }

    record PoolRequest(@NotNull Channel channel, @NotNull @Min(0) Integer numbers, @Min(0) @Max(30) Integer releaseDaysEarlier,
                       @Min(0) Integer returnDays, LocalTime returnTime) {
        ScheduleTemplate.Pool pool() {
            return new ScheduleTemplate.Pool(channel, numbers, releaseDaysEarlier == null ? 0 : releaseDaysEarlier, returnDays, returnTime);
        }
    }

    record EligibilityRequest(@Min(0) @Max(150) Integer minAge, @Min(0) @Max(150) Integer maxAge,
                              @jakarta.validation.constraints.Pattern(regexp = "[12]") String sex, Boolean referralRequired) {
        Eligibility eligibility() {
            return new Eligibility(minAge, maxAge, sex, Boolean.TRUE.equals(referralRequired));
        }

        static Eligibility of(EligibilityRequest r) {
            return r == null ? Eligibility.ANYONE : r.eligibility();
        }
    }

    record TemplateRequest(@NotNull Long institutionId, @NotNull Long departmentId, Long doctorId,
                           @NotBlank @Size(max = 128) String resourceName, @NotNull DayOfWeek weekday, @NotNull ClinicBlock block,
                           @NotNull LocalTime start, @NotNull LocalTime end, @Size(max = 64) String campus, @Size(max = 32) String room,
                           @NotNull ClinicType clinicType, @NotNull Integer slotMinutes, @NotNull Integer numbersPerSlot,
                           @NotNull @Min(0) @Max(90) Integer releaseDays, @NotNull LocalTime releaseTime,
                           @Valid EligibilityRequest eligibility, @NotNull LocalDate validFrom, LocalDate validTo,
                           @NotEmpty List<@Valid PoolRequest> pools) {
    }

    /** Creates a weekly template; sessions follow at the next generation (or call /schedules/generate). */
    @PostMapping("/schedule-templates")
    @ResponseStatus(HttpStatus.CREATED)
    ScheduleTemplate create(@Valid @RequestBody TemplateRequest r) {
        return templates.create(new ScheduleTemplates.Draft(r.institutionId(), r.departmentId(), r.doctorId(), r.resourceName(),
                r.weekday(), r.block(), r.start(), r.end(), r.campus(), r.room(), r.clinicType(), r.slotMinutes(), r.numbersPerSlot(),
                r.releaseDays(), r.releaseTime(), EligibilityRequest.of(r.eligibility()), r.validFrom(), r.validTo(),
                r.pools().stream().map(PoolRequest::pool).toList()));
    }

    @GetMapping("/schedule-templates")
    List<ScheduleTemplate> list(@RequestParam(required = false) Long institution) {
        return templates.list(institution);
    }

    @GetMapping("/schedule-templates/{id}")
    ScheduleTemplate find(@PathVariable long id) {
        return templates.find(id);
    }

    @PostMapping("/schedule-templates/{id}/deactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivate(@PathVariable long id) {
        templates.deactivate(id);
    }

    /** Generates sessions from all active templates now (it also runs nightly and at start-up). */
    @PostMapping("/schedules/generate")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','COMMUNITY_ADMIN','INSTITUTION_ADMIN')")
    SlotGenerator.Run generate() {
        return generator.generate();
    }

    record HolidayRequest(Long institutionId, @NotNull LocalDate date, @NotBlank @Size(max = 64) String name) {
    }

    /** 节假日: no sessions are generated that day; sessions already made are stopped, patients told. */
    @PostMapping("/holidays")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','COMMUNITY_ADMIN','INSTITUTION_ADMIN')")
    List<StopClinic.Affected> holiday(@Valid @RequestBody HolidayRequest r) {
        return exceptions.declareHoliday(r.institutionId(), r.date(), r.name());
    }

    record SubstituteRequest(@NotNull Long doctorId, @NotBlank @Size(max = 255) String reason) {
    }

    /** 替诊 */
    @PostMapping("/sessions/{id}/substitute")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void substitute(@PathVariable long id, @Valid @RequestBody SubstituteRequest r) {
        exceptions.substitute(id, r.doctorId(), r.reason());
    }

    record ExtraSessionRequest(@NotNull Long institutionId, @NotNull Long departmentId, Long doctorId, @NotNull LocalDate date,
                               @NotNull ClinicBlock block, @NotNull LocalTime start, @NotNull LocalTime end,
                               @NotNull ClinicType clinicType, @NotNull Integer slotMinutes, @NotNull Integer numbersPerSlot,
                               @Size(max = 64) String campus, @Size(max = 32) String room, @Valid EligibilityRequest eligibility,
                               @NotEmpty List<@Valid PoolRequest> pools) {
    }

    /** 加诊: an extra session, released at once. */
    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> extra(@Valid @RequestBody ExtraSessionRequest r) {
        return Map.of("id", exceptions.openExtra(new ScheduleExceptions.ExtraSession(r.institutionId(), r.departmentId(), r.doctorId(),
                r.date(), r.block(), r.start(), r.end(), r.clinicType(), r.slotMinutes(), r.numbersPerSlot(), r.campus(), r.room(),
                EligibilityRequest.of(r.eligibility()), r.pools().stream().map(PoolRequest::pool).toList())));
    }
}
