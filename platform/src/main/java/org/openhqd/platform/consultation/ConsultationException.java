package org.openhqd.platform.consultation;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A refused consultation request: a bilingual problem (400, 403, 404 or 409) naming the fields at fault. */
public class ConsultationException extends ErrorResponseException {

    public ConsultationException(HttpStatus status, String message, String... fields) {
        super(status);
        getBody().setDetail(message);
        getBody().setProperty("errors", java.util.Arrays.stream(fields).map(f -> Map.of("field", f, "message", message)).toList());
    }

    static ConsultationException notFound() {
        return new ConsultationException(HttpStatus.NOT_FOUND, "会诊申请不存在或无权访问 / consultation not found", "id");
    }

    static ConsultationException conflict(ConsultationStatus status, String actionZh, String actionEn) {
        return new ConsultationException(HttpStatus.CONFLICT, "会诊申请当前状态为 " + status + "，不能" + actionZh
                + " / the consultation is " + status + " and cannot be " + actionEn, "status");
    }
}
