package org.openhqd.platform.drg.cases;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhqd.platform.drg.CaseRecordCodec;
import org.openhqd.platform.drg.cases.DrgProblem.FieldError;
import org.openhqd.quality.Diagnosis;
import org.openhqd.quality.DischargeRecord;
import org.openhqd.quality.Procedure;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads pre-grouping requests: one case (a JSON object) or a batch (a JSON array of them) into
 * settlement-list records, the values kept as submitted text (QC judges {@code "45岁"}, it is not a
 * parse error). Every bad field is named with its JSON path and a Chinese and English message, and
 * nothing is grouped then. An identity number is refused, never read: pre-grouping needs none.
 * Bodies are bounded (bytes, cases, lines, characters) so one request cannot take the server's memory.
 */
@Component
class PreGroupReader {

    /** Cases in one batch request. */
    static final int BATCH_LIMIT = 1000;
    static final long CASE_BYTES = 256 * 1024;
    static final long BATCH_BYTES = 32L * 1024 * 1024;
    /** Diagnosis or procedure lines per case (a settlement list has far fewer). */
    static final int LINES_LIMIT = 100;
    /** Characters of one value. */
    static final int TEXT_LIMIT = 500;

    /** A case read: the record and the scheme asked for (null: the institution's). */
    record Item(DischargeRecord record, String scheme) {
    }

    /**
     * What a body held: its cases and every problem of their fields (paths relative to the body),
     * so a caller can add its own (an unknown scheme) before refusing the request with all of them.
     */
    record Read(List<Item> items, List<FieldError> errors) {
    }

    /** Field names a client may use for an identity number; all are refused. */
    private static final Set<String> IDENTITY = Set.of("patient_id_number", "id_number", "idNumber", "patientIdNumber",
            "patient_id", "identity_number", "证件号码", "身份证号");

    /** The request's names for record fields where they differ from the record's (the CLI's {@code dept}). */
    private static final Map<String, String> ALIASES = Map.of("dept", "department");

    private static final Set<String> DIAGNOSIS_KEYS = Set.of("code", "name", "admission_condition");
    private static final Set<String> PROCEDURE_KEYS = Set.of("code", "name", "date", "level", "incision_class",
            "healing_grade", "anaesthesia");

    /** Reads one value at a time from a stream of several (a batch), so trailing tokens are ours to judge. */
    private final ObjectReader mapper;

    PreGroupReader(JsonMapper mapper) {
        this.mapper = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    Read readOne(InputStream body) {
        Limited in = new Limited(body, CASE_BYTES);
        try (JsonParser p = mapper.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw empty();
            }
            if (t != JsonToken.START_OBJECT) {
                throw DrgProblem.invalid("", "请求体应为一个病例（JSON 对象）", "the body must be one case (a JSON object)");
            }
            JsonNode node = mapper.readTree(p);
            trailing(p);
            List<FieldError> errors = new ArrayList<>();
            Item item = item(node, errors);
            return new Read(List.of(item), errors);
        } catch (JacksonException e) {
            throw malformed(in, e, CASE_BYTES);
        }
    }

    Read readBatch(InputStream body) {
        Limited in = new Limited(body, BATCH_BYTES);
        try (JsonParser p = mapper.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw empty();
            }
            if (t != JsonToken.START_ARRAY) {
                throw DrgProblem.invalid("", "请求体应为病例数组（JSON 数组）", "the body must be an array of cases (a JSON array)");
            }
            List<Item> items = new ArrayList<>();
            List<FieldError> errors = new ArrayList<>();
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (items.size() == BATCH_LIMIT) {
                    throw DrgProblem.tooLarge("一次最多预分组 " + BATCH_LIMIT + " 个病例，请分批提交",
                            "at most " + BATCH_LIMIT + " cases per batch; split the request");
                }
                String at = "[" + items.size() + "]";
                JsonNode node = mapper.readTree(p);
                List<FieldError> own = new ArrayList<>();
                items.add(item(node, own));
                own.forEach(e -> errors.add(e.under(at)));
            }
            trailing(p);
            if (items.isEmpty()) {
                throw DrgProblem.invalid("", "病例数组为空", "the array of cases is empty");
            }
            return new Read(items, errors);
        } catch (JacksonException e) {
            throw malformed(in, e, BATCH_BYTES);
        }
    }

    private static void trailing(JsonParser p) {
        if (p.nextToken() != null) {
            throw DrgProblem.invalid("", "JSON 之后还有多余内容", "unexpected content after the JSON value");
        }
    }

    private static DrgProblem empty() {
        return DrgProblem.invalid("", "请求体为空", "the body is empty");
    }

    private static DrgProblem malformed(Limited in, JacksonException e, long limit) {
        if (in.exceeded) {
            return DrgProblem.tooLarge("请求体超过 " + limit / 1024 + " KB", "the body is larger than " + limit / 1024 + " KB");
        }
        var at = e.getLocation();
        // the parser's own message is left out: it can quote the body, and the body may carry personal data
        String where = at == null || at.getLineNr() < 0 ? "" : "（第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列）";
        String whereEn = at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        return DrgProblem.invalid("", "JSON 格式错误" + where, "malformed JSON" + whereEn);
    }

    /** One case object; problems go to {@code errors} with paths relative to the case. */
    private Item item(JsonNode node, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(FieldError.of("", "病例应为 JSON 对象", "a case must be a JSON object"));
            return new Item(DischargeRecord.builder().build(), null);
        }
        DischargeRecord.Builder b = DischargeRecord.builder();
        String scheme = null;
        String dept = null;
        for (var entry : node.properties()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if (IDENTITY.contains(name)) {
                // the value is never read, echoed or logged
                errors.add(FieldError.of(name, "预分组不需要也不接受证件号码，请不要发送该字段",
                        "pre-grouping needs no identity number and refuses one; do not send this field"));
                continue;
            }
            switch (name) {
                case "scheme" -> scheme = text(name, value, errors);
                case "diagnoses" -> b.diagnoses(lines(name, value, errors, DIAGNOSIS_KEYS,
                        (o, path) -> new Diagnosis(attr(o, "code", path, errors), attr(o, "name", path, errors),
                                attr(o, "admission_condition", path, errors)),
                        Diagnosis::of));
                case "procedures" -> b.procedures(lines(name, value, errors, PROCEDURE_KEYS,
                        (o, path) -> new Procedure(attr(o, "code", path, errors), attr(o, "name", path, errors),
                                attr(o, "date", path, errors), attr(o, "level", path, errors),
                                attr(o, "incision_class", path, errors), attr(o, "healing_grade", path, errors),
                                attr(o, "anaesthesia", path, errors)),
                        Procedure::of));
                default -> {
                    String field = ALIASES.getOrDefault(name, name);
                    String text = text(name, value, errors);
                    if (field.equals("department")) {
                        if (dept != null && text != null && !dept.equals(text)) {
                            errors.add(FieldError.of(name, "dept 与 department 不一致", "dept and department differ"));
                        }
                        dept = text;
                    }
                    try {
                        b.set(field, text);
                    } catch (IllegalArgumentException unknown) {
                        errors.add(FieldError.of(name, "未知字段 '" + name + "'", "unknown field '" + name + "'"));
                    }
                }
            }
        }
        return new Item(b.build(), scheme == null || scheme.isBlank() ? null : scheme.strip());
    }

    /** A scalar value as text: a string as given, a number as written; null and absent are empty. */
    private static String text(String path, JsonNode v, List<FieldError> errors) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isString() || v.isNumber()) {
            String s = v.asString();
            if (s.length() > TEXT_LIMIT) {
                errors.add(FieldError.of(path, "超过 " + TEXT_LIMIT + " 个字符", "longer than " + TEXT_LIMIT + " characters"));
                return "";
            }
            return CaseRecordCodec.clean(s);
        }
        errors.add(FieldError.of(path, "应为文本或数字", "must be text or a number"));
        return "";
    }

    /** A code: text only (a number would lose its trailing zeros: 51.20 is not 51.2). */
    private static String code(String path, JsonNode v, List<FieldError> errors) {
        if (v != null && v.isNumber()) {
            errors.add(FieldError.of(path, "编码应为字符串（数字会丢失末尾的 0）", "a code must be a string (a number loses trailing zeros)"));
            return "";
        }
        return text(path, v, errors);
    }

    private static String attr(JsonNode o, String key, String path, List<FieldError> errors) {
        String at = path + "." + key;
        return key.equals("code") ? code(at, o.get(key), errors) : text(at, o.get(key), errors);
    }

    private static <T> List<T> lines(String name, JsonNode v, List<FieldError> errors, Set<String> keys,
                                     java.util.function.BiFunction<JsonNode, String, T> fromObject,
                                     java.util.function.Function<String, T> fromCode) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            errors.add(FieldError.of(name, "应为编码数组，主要的在前", "must be an array of codes, principal first"));
            return List.of();
        }
        if (v.size() > LINES_LIMIT) {
            errors.add(FieldError.of(name, "超过 " + LINES_LIMIT + " 条", "more than " + LINES_LIMIT + " lines"));
            return List.of();
        }
        List<T> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode line = v.get(i);
            String path = name + "[" + i + "]";
            if (line.isObject()) {
                for (String key : line.propertyNames()) {
                    if (!keys.contains(key)) {
                        errors.add(FieldError.of(path + "." + key, "未知字段 '" + key + "'，可用：" + keys,
                                "unknown field '" + key + "'; known: " + keys));
                    }
                }
                out.add(fromObject.apply(line, path));
            } else {
                out.add(fromCode.apply(code(path, line, errors)));
            }
        }
        return out;
    }

    /** Counts the bytes read and stops past the limit, so a huge body is refused before it is held. */
    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;
        boolean exceeded;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                exceeded = true;
                throw new IOException("body larger than " + limit + " bytes");
            }
        }
    }
}
