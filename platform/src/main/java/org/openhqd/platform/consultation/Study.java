package org.openhqd.platform.consultation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A study to read or discuss, by reference: the images stay in the PACS, the ECG in its system. */
public record Study(@NotBlank(message = "请填写检查引用 / reference is required")
                    @Size(max = 1000, message = "引用最多 1000 字 / reference: at most 1000 characters") String reference,
                    @Size(max = 255, message = "说明最多 255 字 / description: at most 255 characters") String description) {
}
