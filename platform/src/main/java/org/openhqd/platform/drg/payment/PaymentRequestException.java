package org.openhqd.platform.drg.payment;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A weight-method parameter or payment setting that cannot be used: 400, naming the field, in Chinese and English. */
public class PaymentRequestException extends ErrorResponseException {

    private final String field;

    PaymentRequestException(String field, String message) {
        super(HttpStatus.BAD_REQUEST);
        this.field = field;
        getBody().setDetail(message);
        getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
    }

    static PaymentRequestException of(String field, String zh, String en) {
        return new PaymentRequestException(field, field + "：" + zh + " / " + field + ": " + en);
    }

    public String field() {
        return field;
    }

    public String message() {
        return getBody().getDetail();
    }
}
