package org.openhqd.platform.outpatient;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A request parameter the indicators cannot work with: 400, naming the field, in Chinese and English. */
public class InvalidRequestException extends ErrorResponseException {

    public InvalidRequestException(String field, String message) {
        super(HttpStatus.BAD_REQUEST);
        getBody().setDetail(message);
        getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
    }
}
