package org.openhqd.platform.patient;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.openhqd.platform.security.CurrentUser;
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

/** Patients of the caller's scope, masked, every read audited. */
@RestController
@RequestMapping("/api/v1/patients")
@PreAuthorize("!hasRole('AUDITOR')")
class PatientApi {

    private final Patients patients;

    PatientApi(Patients patients) {
        this.patients = patients;
    }

    @GetMapping
    Patients.Page list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return patients.list(CurrentUser.get().scope(), page, size);
    }

    @GetMapping("/{id}")
    PatientView get(@PathVariable long id) {
        return patients.get(id, CurrentUser.get().scope()).orElseThrow(Patients.PatientNotFoundException::new);
    }

    record NewPatientRequest(@NotNull Long institutionId, @NotBlank @Size(max = 64) String name,
                             @NotBlank String idNumber, @NotNull InsuranceType insuranceType,
                             @Size(max = 32) String phone, @Size(max = 255) String address) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PatientView register(@Valid @RequestBody NewPatientRequest r) {
        return patients.register(new Patients.NewPatient(r.institutionId(), r.name(), r.idNumber(), r.insuranceType(),
                r.phone(), r.address()), CurrentUser.get().scope());
    }
}
