package org.openhqd.platform.drg.cases;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.openhqd.platform.drg.DrgSchemes;
import org.openhqd.quality.QcRule;
import org.openhqd.quality.QualityChecker;
import org.springframework.stereotype.Component;

/** 质控规则目录: the active rule pack of a scheme's checker, and the rules it skips with the reason. */
@Component
class RuleCatalogue {

    record Rule(String id, String version, String category, String type, String severity, Map<String, String> params,
                String basis, @JsonProperty("message_zh") String messageZh, @JsonProperty("message_en") String messageEn,
                boolean active) {
    }

    record Skipped(@JsonProperty("rule_id") String ruleId, String reason) {
    }

    record Catalogue(String scheme, @JsonProperty("scheme_version") String schemeVersion, @JsonProperty("rule_pack") String rulePack,
                     List<Rule> rules, List<Skipped> skipped) {
    }

    private final DrgSchemes schemes;
    private final PreGrouping grouping;

    RuleCatalogue(DrgSchemes schemes, PreGrouping grouping) {
        this.schemes = schemes;
        this.grouping = grouping;
    }

    /** The catalogue of a scheme (null: the institution's), or a 400 naming {@code scheme}. */
    Catalogue of(String scheme, long institutionId) {
        DrgSchemes.Engine e = grouping.engine(scheme == null || scheme.isBlank() ? null : scheme.strip(), institutionId, "scheme");
        QualityChecker checker = e.checker();
        List<String> skippedIds = checker.skipped().stream().map(QualityChecker.SkippedRule::ruleId).toList();
        List<Rule> rules = checker.rules().rules().stream()
                .map((QcRule r) -> new Rule(r.id(), r.version(), r.category().name(), r.type(), r.severity().name(),
                        new java.util.TreeMap<>(r.params()), r.basis(), r.messageZh(), r.messageEn(), !skippedIds.contains(r.id())))
                .toList();
        return new Catalogue(e.id(), e.version(), checker.rules().name(), rules,
                checker.skipped().stream().map(s -> new Skipped(s.ruleId(), s.reason())).toList());
    }

    List<String> schemeIds() {
        return schemes.ids();
    }
}
