package org.openhqd.quality;

import org.openhqd.casemix.drg.GroupingResult;

/**
 * The grouping of a record, reduced to what a coder compares: status, MDC, ADRG, DRG and its name.
 *
 * @param status {@code ok}, {@code ungroupable} or {@code invalid}
 */
public record GroupOutcome(String status, String mdc, String adrg, String drg, String drgName) {

    static GroupOutcome of(GroupingResult r) {
        return new GroupOutcome(r.status().word(), r.mdc(), r.adrg(), r.drg(), r.drgName());
    }

    /** {@code GZ13 其他消化系统诊断，不伴并发症或合并症} or the status when there is no DRG. */
    public String describe() {
        return drg.isEmpty() ? status : drgName.isEmpty() ? drg : drg + " " + drgName;
    }
}
