package org.openhqd.platform.appointments;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A penalty, appeal or whitelist request that cannot be done: an RFC 9457 problem naming the field, bilingual. */
public class NoShowProblem extends ErrorResponseException {

    public NoShowProblem(HttpStatus status, String field, String message) {
        super(status);
        getBody().setDetail(message);
        getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
    }
}
