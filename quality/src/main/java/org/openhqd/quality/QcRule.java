package org.openhqd.quality;

import java.util.Map;

/**
 * One rule as its rule file states it.
 *
 * @param id stable identifier, e.g. {@code QC-101}; never reused for another meaning
 * @param version version of this rule's definition; raised when its logic or parameters change
 * @param category what the rule checks
 * @param type the rule type (Java implementation) it instantiates, e.g. {@code REQUIRED}
 * @param params the type's parameters
 * @param severity severity of its findings
 * @param basis the regulation or reference the rule comes from
 * @param messageZh Chinese message; {@code {field}}, {@code {value}} and {@code {detail}} are filled in
 * @param messageEn English message, same placeholders
 */
public record QcRule(String id, String version, Category category, String type, Map<String, String> params,
                     Severity severity, String basis, String messageZh, String messageEn) {

    public QcRule {
        params = Map.copyOf(params);
    }
}
