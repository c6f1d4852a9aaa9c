package org.openhqd.platform.drg.analytics;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A request parameter the analytics cannot work with: 400, naming the field, in Chinese and English. */
public class InvalidAnalyticsRequest extends ErrorResponseException {

    public InvalidAnalyticsRequest(String field, String message) {
        super(HttpStatus.BAD_REQUEST);
        getBody().setTitle("请求参数无效 / invalid request parameter");
        getBody().setDetail(message);
        getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
    }
}
