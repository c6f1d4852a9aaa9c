package org.openhqd.casemix.normalise;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openhqd.casemix.drg.DrgGrouper;
import org.openhqd.casemix.drg.GroupingResult;
import org.openhqd.casemix.drg.InpatientCase;
import org.openhqd.casemix.drg.Scheme;
import org.openhqd.casemix.drg.Step;

/**
 * Opt-in clean-up of a case before grouping — never applied by {@link DrgGrouper} itself, since
 * the insurance bureau's grouper does not do it either. It trims codes, turns full-width
 * characters into half-width, repairs letter case and missing dots when that identifies exactly
 * one dictionary code, converts codes of other code versions through the scheme's maps, and reads
 * numbers that carry a unit ({@code 45岁}, {@code 3kg}). Every change is listed, and the case is
 * grouped before and after so a coder sees the fix and its effect.
 */
public final class CodeNormaliser {

    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile(
            "([+-]?[0-9]+(?:\\.[0-9]+)?)\\s*(岁|周岁|天|日|d|D|g|G|克|kg|KG|Kg|千克|公斤)");
    /** A chain of conversions longer than this is treated as a loop in the map. */
    private static final int MAX_MAP_STEPS = 5;

    private final DrgGrouper grouper;
    private final Scheme scheme;
    private final CodeIndex dx;
    private final CodeIndex proc;

    public CodeNormaliser(DrgGrouper grouper) {
        this.grouper = grouper;
        this.scheme = grouper.scheme();
        this.dx = new CodeIndex(scheme.diagnosisDictionary(), scheme::diagnosisMapping);
        this.proc = new CodeIndex(scheme.procedureDictionary(), scheme::procedureMapping);
    }

    /** Normalises and groups the case both ways; {@code explain} adds explanations to both results. */
    public Normalisation normalise(InpatientCase c, boolean explain) {
        List<Change> changes = new ArrayList<>();
        String sex = sex(c.sex(), changes);
        String age = number("age", c.age(), 1, changes);
        String ageDays = number("age_days", c.ageDays(), 1, changes);
        String weight = number("birth_weight", c.birthWeight(), 1000, changes);
        String los = number("los", c.los(), 1, changes);
        List<String> diagnoses = codes("diagnoses", c.diagnoses(), dx, changes);
        List<String> procedures = codes("procedures", c.procedures(), proc, changes);
        InpatientCase fixed = new InpatientCase(c.caseId(), sex, age, ageDays, weight, c.dept(), los,
                c.dischargeType(), diagnoses, procedures);
        GroupingResult before = grouper.group(c, explain);
        GroupingResult after = grouper.group(fixed, explain);
        if (explain) {
            after = after.withStepsBefore(changes.stream()
                    .map(ch -> new Step(Step.Kind.MAPPING, ch.rule().name(), ch.before(), ch.zh(), ch.en())).toList());
        }
        return new Normalisation(c, fixed, List.copyOf(changes), before, after);
    }

    private String sex(String sex, List<Change> changes) {
        String t = halfWidth(sex).strip();
        String v = switch (t.toUpperCase(Locale.ROOT)) {
            case "M", "MALE", "男性", "男" -> "1";
            case "F", "FEMALE", "女性", "女" -> "2";
            default -> t;
        };
        if (!v.equals(sex)) {
            changes.add(new Change("sex", -1, sex, v, Change.Rule.SEX, "性别 '" + sex + "' 规范为 '" + v + "'",
                    "sex '" + sex + "' normalised to '" + v + "'"));
        }
        return v;
    }

    /** Only numbers the grouper cannot read are touched; {@code kiloFactor} converts kg to g. */
    private String number(String field, String text, int kiloFactor, List<Change> changes) {
        if (DrgGrouper.readsAsNumber(text, scheme.caseReading())) {
            return text;
        }
        String t = halfWidth(text).strip();
        if (DrgGrouper.readsAsNumber(t, scheme.caseReading())) {
            changes.add(new Change(field, -1, text, t, Change.Rule.FULL_WIDTH,
                    field + " '" + text + "' 去除空白/全角字符为 '" + t + "'",
                    field + " '" + text + "' trimmed / made half-width: '" + t + "'"));
            return t;
        }
        Matcher m = NUMBER_WITH_UNIT.matcher(t);
        if (m.matches()) {
            BigDecimal v = new BigDecimal(m.group(1));
            String unit = m.group(2);
            if (unit.equalsIgnoreCase("kg") || unit.equals("千克") || unit.equals("公斤")) {
                v = v.multiply(BigDecimal.valueOf(kiloFactor));
            }
            String out = v.stripTrailingZeros().toPlainString();
            changes.add(new Change(field, -1, text, out, Change.Rule.UNIT,
                    field + " '" + text + "' 去除单位为 '" + out + "'",
                    field + " '" + text + "' read without its unit: '" + out + "'"));
            return out;
        }
        return text;
    }

    private List<String> codes(String field, List<String> codes, CodeIndex index, List<Change> changes) {
        List<String> out = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            out.add(code(field, i, codes.get(i), index, changes));
        }
        return out;
    }

    private String code(String field, int i, String original, CodeIndex index, List<Change> changes) {
        if (index.dictionary.contains(original)) {
            return original;
        }
        String code = original;
        String half = halfWidth(code);
        if (!half.equals(code)) {
            changes.add(change(field, i, code, half, Change.Rule.FULL_WIDTH, "全角字符转为半角", "full-width characters made half-width"));
            code = half;
        }
        String trimmed = code.strip();
        if (!trimmed.equals(code)) {
            changes.add(change(field, i, code, trimmed, Change.Rule.TRIM, "去除首尾空白", "surrounding blanks removed"));
            code = trimmed;
        }
        if (!index.dictionary.contains(code)) {
            String byCase = index.byUpperCase.get(code.toUpperCase(Locale.ROOT));
            if (byCase != null) {
                changes.add(change(field, i, code, byCase, Change.Rule.CASE, "大小写修正为字典编码", "letter case corrected to the dictionary code"));
                code = byCase;
            } else {
                String byDots = index.byUndotted.get(undotted(code));
                if (byDots != null) {
                    changes.add(change(field, i, code, byDots, Change.Rule.DOT, "补全/修正小数点为字典编码", "dots corrected to the dictionary code"));
                    code = byDots;
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (int step = 0; step < MAX_MAP_STEPS && !index.dictionary.contains(code) && seen.add(code); step++) {
            String target = index.map.apply(code).orElse(null);
            if (target == null || target.equals(code)) {
                break;
            }
            changes.add(change(field, i, code, target, Change.Rule.CODE_MAP, "按方案编码对照表转换", "converted through the scheme's code map"));
            code = target;
        }
        return code;
    }

    private static Change change(String field, int i, String before, String after, Change.Rule rule, String zh, String en) {
        String where = field.equals("diagnoses") ? (i == 0 ? "主要诊断" : "第 " + (i + 1) + " 诊断")
                : (i == 0 ? "主手术" : "第 " + (i + 1) + " 手术操作");
        return new Change(field, i, before, after, rule, where + " '" + before + "' → '" + after + "'：" + zh,
                field + "[" + i + "] '" + before + "' -> '" + after + "': " + en);
    }

    /** Full-width forms (U+FF01–U+FF5E), the ideographic space and the ideographic full stop to ASCII. */
    static String halfWidth(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            char out = ch >= '\uFF01' && ch <= '\uFF5E' ? (char) (ch - 0xFEE0)
                    : ch == '\u3000' ? ' ' : ch == '\u3002' ? '.' : ch;
            if (out != ch && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            }
            if (sb != null) {
                sb.append(out);
            }
        }
        return sb == null ? s : sb.toString();
    }

    static String undotted(String code) {
        return code.replace(".", "").toUpperCase(Locale.ROOT);
    }

    /** Dictionary lookups that tolerate case and dots, built once per scheme. */
    private static final class CodeIndex {
        final Set<String> dictionary;
        final Map<String, String> byUpperCase;
        final Map<String, String> byUndotted;
        final Function<String, java.util.Optional<String>> map;

        CodeIndex(List<String> codes, Function<String, java.util.Optional<String>> map) {
            this.dictionary = Set.copyOf(codes);
            this.byUpperCase = unique(codes, c -> c.toUpperCase(Locale.ROOT));
            this.byUndotted = unique(codes, CodeNormaliser::undotted);
            this.map = map;
        }

        /** Keys that identify exactly one code; ambiguous keys are left out rather than guessed. */
        private static Map<String, String> unique(List<String> codes, Function<String, String> key) {
            Map<String, String> out = new HashMap<>();
            Set<String> ambiguous = new HashSet<>();
            for (String c : codes) {
                String k = key.apply(c);
                if (out.containsKey(k) && !out.get(k).equals(c)) {
                    ambiguous.add(k);
                }
                out.put(k, c);
            }
            ambiguous.forEach(out::remove);
            return Map.copyOf(out);
        }
    }
}
