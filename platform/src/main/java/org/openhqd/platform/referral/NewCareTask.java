package org.openhqd.platform.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** One task of a care plan as the sending or receiving doctor writes it. */
public record NewCareTask(
        @NotNull(message = "请选择任务类型 / type is required") CareTaskType type,
        @NotBlank(message = "请填写任务内容 / description is required")
        @Size(max = 1000, message = "任务内容最多 1000 字 / description: at most 1000 characters") String description,
        @NotNull(message = "请填写截止日期 / dueDate is required") LocalDate dueDate,
        Long assignedStaffId) {
}
