package org.openhqd.platform.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A referral as the sender fills it in (the sending institution is the caller's).
 *
 * @param draft true to keep it as a draft (submitted later), otherwise it is submitted at once
 * @param arrivedAt for an emergency transfer entered after the fact (补录): when the patient arrived;
 *     the referral is created as ARRIVED
 */
public record NewReferral(
        @NotNull(message = "请选择患者 / patientId is required") Long patientId,
        @NotNull(message = "请选择接收机构 / toInstitutionId is required") Long toInstitutionId,
        @NotNull(message = "请选择转诊方向 UP 或 DOWN / direction is required (UP or DOWN)") Direction direction,
        @NotBlank(message = "请填写转诊原因 / reason is required") @Size(max = 1000, message = "转诊原因最多 1000 字 / reason: at most 1000 characters") String reason,
        @NotEmpty(message = "至少填写一个诊断 / at least one diagnosis is required")
        @Size(max = 20, message = "诊断最多 20 个 / at most 20 diagnoses")
        List<@NotNull @Pattern(regexp = "[A-Z][0-9]{2}(\\.[0-9A-Za-z]{1,8})?",
                message = "诊断应为 ICD-10 编码，如 I20.000 / diagnoses must be ICD-10 codes such as I20.000") String> diagnoses,
        @Size(max = 4000, message = "病情摘要最多 4000 字 / summary: at most 4000 characters") String summary,
        @Size(max = 4000, message = "目前治疗最多 4000 字 / currentTreatment: at most 4000 characters") String currentTreatment,
        @Size(max = 20, message = "附件最多 20 个 / at most 20 attachments") List<@Valid AttachmentRequest> attachments,
        Boolean emergency,
        Boolean draft,
        Instant arrivedAt) {

    /** An attachment by reference. */
    public record AttachmentRequest(
            @NotNull(message = "附件类型为 LAB、IMAGING 或 DOCUMENT / type: LAB, IMAGING or DOCUMENT")
            @Pattern(regexp = "LAB|IMAGING|DOCUMENT", message = "附件类型为 LAB、IMAGING 或 DOCUMENT / type: LAB, IMAGING or DOCUMENT") String type,
            @NotBlank(message = "请填写附件地址或编号 / reference is required") @Size(max = 1000) String reference,
            @Size(max = 255) String description) {
    }

    boolean isEmergency() {
        return Boolean.TRUE.equals(emergency);
    }

    boolean isDraft() {
        return Boolean.TRUE.equals(draft);
    }
}
