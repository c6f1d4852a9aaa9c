package org.openhqd.quality;

import java.util.ArrayList;
import java.util.List;
import org.openhqd.casemix.drg.DrgGrouper;
import org.openhqd.casemix.normalise.CodeNormaliser;

/**
 * Checks discharge records against a rule pack and a grouping scheme: every finding with its rule,
 * field, value and bilingual message, and for code and DRG findings the group the case would fall
 * into if fixed. Immutable and thread-safe, like the grouper: build one per scheme and rule pack.
 * {@link #check} never throws on a record's content.
 */
public final class QualityChecker {

    /** A rule that cannot run with this scheme, and why. */
    public record SkippedRule(String ruleId, String reason) {
    }

    private final DrgGrouper grouper;
    private final CodeNormaliser normaliser;
    private final RuleSet rules;
    private final List<RuleSet.Entry> active;
    private final List<SkippedRule> skipped;

    private QualityChecker(DrgGrouper grouper, RuleSet rules) {
        this.grouper = grouper;
        this.normaliser = new CodeNormaliser(grouper);
        this.rules = rules;
        List<RuleSet.Entry> run = new ArrayList<>();
        List<SkippedRule> skip = new ArrayList<>();
        for (RuleSet.Entry e : rules.entries()) {
            String reason = e.check().skipReason(grouper.scheme());
            if (reason == null) {
                run.add(e);
            } else {
                skip.add(new SkippedRule(e.rule().id(), reason));
            }
        }
        this.active = List.copyOf(run);
        this.skipped = List.copyOf(skip);
    }

    /** With the shipped rule pack. */
    public static QualityChecker of(DrgGrouper grouper) {
        return new QualityChecker(grouper, RuleSet.builtIn());
    }

    public static QualityChecker of(DrgGrouper grouper, RuleSet rules) {
        return new QualityChecker(grouper, rules);
    }

    public QcReport check(DischargeRecord record) {
        CheckContext ctx = new CheckContext(record, grouper, normaliser);
        List<Finding> findings = new ArrayList<>();
        for (RuleSet.Entry e : active) {
            e.check().run(ctx, new Hits(e.rule(), ctx, findings));
        }
        return new QcReport(record.caseId(), GroupOutcome.of(ctx.before()), findings);
    }

    public RuleSet rules() {
        return rules;
    }

    /** Rules whose reference table the scheme lacks: reported as skipped, never as passed. */
    public List<SkippedRule> skipped() {
        return skipped;
    }

    public DrgGrouper grouper() {
        return grouper;
    }
}
