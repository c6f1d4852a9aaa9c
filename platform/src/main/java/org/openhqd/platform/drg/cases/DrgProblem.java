package org.openhqd.platform.drg.cases;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A DRG request the platform cannot serve, as an RFC 9457 problem: the status, a Chinese and English
 * detail and, for bad input, every field with its message ({@code errors: [{field, message}]}), so a
 * HIS can show them next to the right input. Never carries a submitted identity number.
 */
class DrgProblem extends ErrorResponseException {

    /** One bad field: its JSON path (e.g. {@code [3].diagnoses[0].code}) and message in both languages. */
    record FieldError(String field, String message) {
        static FieldError of(String field, String zh, String en) {
            return new FieldError(field, zh + " / " + en);
        }

        FieldError under(String prefix) {
            return new FieldError(prefix + (field.isEmpty() || field.startsWith("[") ? "" : ".") + field, message);
        }
    }

    private final List<FieldError> errors;

    private DrgProblem(HttpStatus status, String detail, List<FieldError> errors) {
        super(status);
        this.errors = List.copyOf(errors);
        getBody().setDetail(detail);
        if (!errors.isEmpty()) {
            getBody().setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        }
    }

    static DrgProblem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).message()
                : "请求数据有 " + errors.size() + " 处错误 / the request has " + errors.size() + " errors";
        return new DrgProblem(HttpStatus.BAD_REQUEST, detail, errors);
    }

    static DrgProblem invalid(String field, String zh, String en) {
        return invalid(List.of(FieldError.of(field, zh, en)));
    }

    static DrgProblem notFound() {
        return new DrgProblem(HttpStatus.NOT_FOUND, "不存在或无权访问 / not found", List.of());
    }

    static DrgProblem tooLarge(String zh, String en) {
        return new DrgProblem(HttpStatus.CONTENT_TOO_LARGE, zh + " / " + en, List.of());
    }

    static DrgProblem conflict(String zh, String en) {
        return new DrgProblem(HttpStatus.CONFLICT, zh + " / " + en, List.of());
    }

    List<FieldError> errors() {
        return errors;
    }

    /** The detail, for a console page that shows the problem next to the form. */
    String detail() {
        return getBody().getDetail();
    }
}
