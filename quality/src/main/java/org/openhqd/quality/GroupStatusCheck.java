package org.openhqd.quality;

import java.util.stream.Collectors;
import org.openhqd.casemix.drg.GroupingStatus;
import org.openhqd.casemix.drg.Problem;

/**
 * GROUP_STATUS — the record, as submitted, groups with the given status: {@code INVALID} (the
 * grouper rejects it) or {@code UNGROUPABLE} (0000, no payment group). The grouper's own problems
 * (HQD-DRG-…) are the detail. Parameter: {@code status}.
 */
final class GroupStatusCheck implements Check {

    private final GroupingStatus status;

    GroupStatusCheck(Params p) {
        this.status = GroupingStatus.valueOf(p.choice("status", "INVALID", "UNGROUPABLE"));
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        if (ctx.before().status() == status) {
            hits.add("", status.word(), ctx.before().problems().stream()
                    .filter(p -> p.code().severity() != org.openhqd.casemix.drg.ProblemCode.Severity.INFO)
                    .map(GroupStatusCheck::brief).collect(Collectors.joining("; ")));
        }
    }

    /** {@code HQD-DRG-201 diagnoses[0] 'A01.000x002'}: the grouper's code says the rest, in both languages. */
    static String brief(Problem p) {
        return p.code().id() + (p.field().isEmpty() ? "" : " " + p.field() + (p.index() >= 0 ? "[" + p.index() + "]" : ""))
                + (p.value().isEmpty() ? "" : " '" + p.value() + "'");
    }
}
