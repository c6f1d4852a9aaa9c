package org.openhqd.casemix.drg;

import java.util.List;
import java.util.Optional;

/**
 * The result of grouping one case: status, MDC, ADRG, DRG and its name, the problems found in the
 * input, and — only when asked for — the explanation.
 */
public final class GroupingResult {

    private final String caseId;
    private final GroupingStatus status;
    private final String mdc;
    private final String adrg;
    private final String drg;
    private final String drgName;
    private final List<Problem> problems;
    private final Explanation explanation;

    GroupingResult(String caseId, GroupingStatus status, String mdc, String adrg, String drg, String drgName,
                   List<Problem> problems, Explanation explanation) {
        this.caseId = caseId;
        this.status = status;
        this.mdc = mdc;
        this.adrg = adrg;
        this.drg = drg;
        this.drgName = drgName;
        this.problems = problems == null ? List.of() : List.copyOf(problems);
        this.explanation = explanation;
    }

    /** A case that could not even be read (e.g. a CSV row with too few fields). */
    public static GroupingResult unreadable(String caseId, Problem problem) {
        return new GroupingResult(caseId, GroupingStatus.INVALID, "", "", "", "", List.of(problem), null);
    }

    public String caseId() {
        return caseId;
    }

    public GroupingStatus status() {
        return status;
    }

    /**
     * {@code MDC} + letter, e.g. {@code MDCG}; empty when the case entered no MDC. Also set when
     * ungroupable in an MDC that does not fall through (CHS-DRG 2.0: {@code ungroupable,MDCO,,}).
     */
    public String mdc() {
        return mdc;
    }

    /** e.g. {@code GZ1}; empty unless {@link GroupingStatus#OK}. */
    public String adrg() {
        return adrg;
    }

    /** e.g. {@code GZ13}, or {@code GQY} when ambiguous; empty when ungroupable or invalid. */
    public String drg() {
        return drg;
    }

    /** The DRG's Chinese name as published, or empty. */
    public String drgName() {
        return drgName;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Present only when the case was grouped with an explanation. */
    public Optional<Explanation> explanation() {
        return Optional.ofNullable(explanation);
    }

    /**
     * This result with steps put before its explanation, e.g. the code conversions that were
     * applied to the case before grouping; unchanged when there is no explanation.
     */
    public GroupingResult withStepsBefore(List<Step> steps) {
        if (explanation == null || steps.isEmpty()) {
            return this;
        }
        List<Step> all = new java.util.ArrayList<>(steps);
        all.addAll(explanation.steps());
        return new GroupingResult(caseId, status, mdc, adrg, drg, drgName, problems, new Explanation(all));
    }

    /** Same grouping outcome (status, MDC, ADRG, DRG), ignoring problems and explanation. */
    public boolean sameGroupAs(GroupingResult other) {
        return status == other.status && mdc.equals(other.mdc) && adrg.equals(other.adrg) && drg.equals(other.drg);
    }

    @Override
    public String toString() {
        return caseId + "," + status.word() + "," + mdc + "," + adrg + "," + drg;
    }
}
