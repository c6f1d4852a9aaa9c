package org.openhqd.platform.consultation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A request from the caller's institution; urgency defaults to ROUTINE. */
public record NewConsultation(
        @NotNull(message = "请选择会诊类型 / type is required") ConsultationType type,
        @NotNull(message = "请填写患者 / patientId is required") Long patientId,
        @NotNull(message = "请选择会诊机构 / consultingInstitutionId is required") Long consultingInstitutionId,
        @NotBlank(message = "请填写会诊问题 / question is required")
        @Size(max = 2000, message = "会诊问题最多 2000 字 / question: at most 2000 characters") String question,
        Urgency urgency,
        @Size(max = 20, message = "最多 20 项检查 / at most 20 studies") List<@Valid Study> studies) {

    public Urgency urgencyOrRoutine() {
        return urgency == null ? Urgency.ROUTINE : urgency;
    }

    public List<Study> studiesOrNone() {
        return studies == null ? List.of() : studies;
    }
}
