package org.openhqd.platform.drg.payment;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A rejected official weight table: 400 with every bad line and field; nothing was loaded. */
public class WeightImportException extends ErrorResponseException {

    /** One bad line: its number in the file (header = 1), the field and a Chinese/English message. */
    public record Problem(int line, String field, String message) {

        static Problem of(int line, String field, String zh, String en) {
            return new Problem(line, field, "第 " + line + " 行 " + field + "：" + zh + " / line " + line + ", field " + field + ": " + en);
        }
    }

    private final List<Problem> problems;

    WeightImportException(List<Problem> problems) {
        super(HttpStatus.BAD_REQUEST);
        this.problems = List.copyOf(problems);
        getBody().setDetail("导入失败，未导入任何数据 / import rejected, nothing was imported");
        getBody().setProperty("errors", problems.stream()
                .map(p -> Map.of("line", (Object) p.line(), "field", p.field(), "message", p.message())).toList());
    }

    public List<Problem> problems() {
        return problems;
    }
}
