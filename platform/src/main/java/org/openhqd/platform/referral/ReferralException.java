package org.openhqd.platform.referral;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A refused referral request: a bilingual problem (400, 403, 404 or 409) naming the fields at fault. */
public class ReferralException extends ErrorResponseException {

    public ReferralException(HttpStatus status, String message, String... fields) {
        super(status);
        getBody().setDetail(message);
        getBody().setProperty("errors", java.util.Arrays.stream(fields).map(f -> Map.of("field", f, "message", message)).toList());
    }

    static ReferralException notFound() {
        return new ReferralException(HttpStatus.NOT_FOUND, "转诊单不存在或无权访问 / referral not found", "id");
    }

    static ReferralException conflict(ReferralStatus status, String actionZh, String actionEn) {
        return new ReferralException(HttpStatus.CONFLICT, "转诊单当前状态为 " + status + "，不能" + actionZh + " / the referral is "
                + status + " and cannot be " + actionEn, "status");
    }

    /** The fields of the problem, for the console's messages. */
    @SuppressWarnings("unchecked")
    public List<Map<String, String>> errors() {
        Object e = getBody().getProperties() == null ? null : getBody().getProperties().get("errors");
        return e == null ? List.of() : (List<Map<String, String>>) e;
    }
}
