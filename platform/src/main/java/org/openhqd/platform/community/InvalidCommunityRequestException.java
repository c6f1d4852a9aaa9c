package org.openhqd.platform.community;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A request parameter or setting the community module cannot work with: 400, naming the field, in Chinese and English. */
public class InvalidCommunityRequestException extends ErrorResponseException {

    private final String field;

    public InvalidCommunityRequestException(String field, String message) {
        super(HttpStatus.BAD_REQUEST);
        this.field = field;
        getBody().setDetail(message);
        getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
    }

    public String field() {
        return field;
    }

    public String message() {
        return getBody().getDetail();
    }
}
