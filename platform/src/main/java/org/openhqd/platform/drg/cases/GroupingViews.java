package org.openhqd.platform.drg.cases;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.openhqd.casemix.drg.Explanation;
import org.openhqd.casemix.drg.GroupingResult;
import org.openhqd.casemix.drg.Problem;
import org.openhqd.casemix.drg.Step;
import org.openhqd.quality.Finding;
import org.openhqd.quality.GroupOutcome;
import org.openhqd.quality.Regrouping;

/**
 * The JSON shapes of a grouping, its explanation and its QC findings, shared by the pre-grouping
 * API and the case API. Field names follow the CLI's output columns ({@code status}, {@code mdc},
 * {@code drg_name}, {@code explanation} / {@code explanation_en}) in snake_case.
 */
final class GroupingViews {

    private GroupingViews() {
    }

    /** A group: status, MDC, ADRG, DRG and its name (null where the case has none). */
    @Schema(description = "分组 / a group")
    record GroupView(
            @Schema(description = "ok | ambiguous | ungroupable | invalid", example = "ok") String status,
            @Schema(example = "MDCG") String mdc,
            @Schema(example = "GB1") String adrg,
            @Schema(example = "GB15") String drg,
            @JsonProperty("drg_name") @Schema(example = "食管、胃、十二指肠大手术，不伴并发症或合并症") String drgName) {

        static GroupView of(GroupOutcome g) {
            return new GroupView(g.status(), blankToNull(g.mdc()), blankToNull(g.adrg()), blankToNull(g.drg()),
                    blankToNull(g.drgName()));
        }
    }

    /** One step of the explanation (casemix {@link Step}). */
    record StepView(
            @Schema(description = "MAPPING | CHECK | MDC | ADRG | COMPLICATION | DRG | RESULT", example = "ADRG") String kind,
            @Schema(description = "the scheme rule that decided, or empty", example = "GB1") String rule,
            @Schema(description = "the case's code or value that decided, or empty", example = "43.5x00") String code,
            String zh, String en) {
    }

    /** The explanation: its steps, and the steps joined as the CLI's explanation columns. */
    record ExplanationView(List<StepView> steps,
                           @Schema(description = "steps in Chinese joined with →, the CLI's explanation column") String zh,
                           @Schema(description = "steps in English joined with ->, the CLI's explanation_en column") String en) {

        static ExplanationView of(Explanation e) {
            return new ExplanationView(e.steps().stream()
                    .map(s -> new StepView(s.kind().name(), s.rule(), s.code(), s.zh(), s.en())).toList(),
                    e.toChinese(), e.toEnglish());
        }
    }

    /** A problem of the input as the grouper saw it (casemix {@link Problem}, e.g. HQD-DRG-101). */
    record ProblemView(@Schema(example = "HQD-DRG-201") String code,
                       @Schema(description = "ERROR | WARNING | INFO") String severity,
                       String field, @Schema(description = "position in a list field (0 = principal), or -1") int index,
                       String value, String zh, String en) {

        static ProblemView of(Problem p) {
            return new ProblemView(p.code().id(), p.code().severity().name(), p.field(), p.index(), p.value(), p.zh(), p.en());
        }
    }

    /** A QC finding with its fix and the group the case would fall into if fixed. */
    record FindingView(
            @JsonProperty("rule_id") @Schema(example = "QC-401") String ruleId,
            @JsonProperty("rule_version") String ruleVersion,
            @Schema(description = "COMPLETENESS | VALIDITY | LOGIC | DRG") String category,
            @Schema(description = "ERROR | WARNING | INFO") String severity,
            @Schema(example = "diagnoses[0].code") String field,
            @Schema(description = "the offending value (identity numbers masked)") String value,
            @JsonProperty("message_zh") String messageZh,
            @JsonProperty("message_en") String messageEn,
            String basis,
            @JsonProperty("fix_zh") String fixZh,
            @JsonProperty("fix_en") String fixEn,
            @JsonProperty("group_if_fixed") @Schema(description = "the group with the fix applied, or null") GroupView groupIfFixed,
            @JsonProperty("changes_group") boolean changesGroup) {

        static FindingView of(Finding f) {
            Regrouping r = f.regrouping();
            return new FindingView(f.ruleId(), f.ruleVersion(), f.category().name(), f.severity().name(), f.field(),
                    f.value(), f.messageZh(), f.messageEn(), f.basis(), r == null ? null : r.fixZh(),
                    r == null ? null : r.fixEn(), r == null ? null : GroupView.of(r.after()), r != null && r.changesGroup());
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static GroupView group(GroupingResult r) {
        return new GroupView(r.status().word(), blankToNull(r.mdc()), blankToNull(r.adrg()), blankToNull(r.drg()),
                blankToNull(r.drgName()));
    }
}
