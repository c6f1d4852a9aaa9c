package org.openhqd.platform.drg.cases;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import org.openhqd.casemix.drg.GroupingResult;
import org.openhqd.platform.drg.DrgSchemes;
import org.openhqd.platform.drg.cases.GroupingViews.ExplanationView;
import org.openhqd.platform.drg.cases.GroupingViews.FindingView;
import org.openhqd.platform.drg.cases.GroupingViews.ProblemView;
import org.openhqd.quality.Finding;
import org.openhqd.quality.QcReport;
import org.openhqd.quality.Severity;
import org.springframework.stereotype.Service;

/**
 * 预分组: groups a case for a doctor's workstation and checks it, without storing anything. The
 * result is what the stored cases get (QC then grouping with the same engine), plus the
 * explanation of every grouping step.
 */
@Service
class PreGrouping {

    /** The outcome for one case. */
    @Schema(name = "PreGroupResult")
    record Result(
            @JsonProperty("case_id") String caseId,
            @Schema(description = "ok | ambiguous | ungroupable | invalid", example = "ok") String status,
            @Schema(example = "MDCH") String mdc,
            @Schema(example = "HC1") String adrg,
            @Schema(example = "HC13") String drg,
            @JsonProperty("drg_name") String drgName,
            @Schema(example = "chs-drg-1.1") String scheme,
            @JsonProperty("scheme_version") String schemeVersion,
            @Schema(description = "输入问题（分组器）/ problems of the input as the grouper saw them") List<ProblemView> problems,
            @Schema(description = "分组过程 / every step of the grouping") ExplanationView explanation,
            @Schema(description = "质控发现数 / counts of the QC findings") QcCounts qc,
            @Schema(description = "质控发现，含修正建议与修正后分组 / QC findings with the fix and the group if fixed")
            List<FindingView> findings) {
    }

    record QcCounts(int errors, int warnings, int infos,
                    @JsonProperty("group_changing") @Schema(description = "findings whose fix changes the group") int groupChanging) {
    }

    /** The QC rules about the identity number: pre-grouping refuses the number, so they say nothing here. */
    private static final String IDENTITY_FIELD = "patient_id_number";

    private final DrgSchemes schemes;

    PreGrouping(DrgSchemes schemes) {
        this.schemes = schemes;
    }

    /**
     * The engine for a requested scheme id, or the institution's scheme when none was asked for.
     *
     * @throws DrgProblem 400 naming {@code field} for an unknown id
     */
    DrgSchemes.Engine engine(String requested, long institutionId, String field) {
        if (requested == null) {
            return schemes.engineFor(institutionId);
        }
        return schemes.find(requested).orElseThrow(() -> DrgProblem.invalid(field,
                "未知分组方案 '" + requested + "'，可用：" + schemes.ids(),
                "unknown scheme '" + requested + "'; known: " + schemes.ids()));
    }

    Result group(PreGroupReader.Item item, DrgSchemes.Engine engine) {
        var record = item.record();
        QcReport report = engine.checker().check(record);
        GroupingResult g = engine.grouper().explain(record.toInpatientCase());
        List<FindingView> findings = new ArrayList<>(report.findings().size());
        int errors = 0, warnings = 0, infos = 0, changing = 0;
        for (Finding f : report.findings()) {
            if (f.field().startsWith(IDENTITY_FIELD)) {
                continue;
            }
            findings.add(FindingView.of(f));
            if (f.severity() == Severity.ERROR) {
                errors++;
            } else if (f.severity() == Severity.WARNING) {
                warnings++;
            } else {
                infos++;
            }
            if (f.regrouping() != null && f.regrouping().changesGroup()) {
                changing++;
            }
        }
        return new Result(record.caseId(), g.status().word(), GroupingViews.blankToNull(g.mdc()),
                GroupingViews.blankToNull(g.adrg()), GroupingViews.blankToNull(g.drg()), GroupingViews.blankToNull(g.drgName()),
                engine.id(), engine.version(), g.problems().stream().map(ProblemView::of).toList(),
                g.explanation().map(ExplanationView::of).orElse(null), new QcCounts(errors, warnings, infos, changing), findings);
    }
}
