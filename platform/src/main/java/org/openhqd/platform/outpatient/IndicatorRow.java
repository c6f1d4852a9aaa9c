package org.openhqd.platform.outpatient;

import java.util.Map;
import org.openhqd.platform.appointments.Channel;

/**
 * One row of the indicator table: a clinic at the report's level (institution; its department;
 * its doctor), over the whole range ({@code month} null) or one month ({@code YYYY-MM}).
 *
 * @param visitTotal imported outpatient visits of the row's department-months (null at doctor level)
 * @param visitDays days with an imported total
 */
public record IndicatorRow(String month, Long institutionId, String institutionName, Long departmentId, String departmentName,
                           Long doctorId, String doctorName, Long visitTotal, Integer visitDays,
                           IndicatorValue appointmentRate, IndicatorValue meanWaitMinutes, IndicatorValue noShowRate,
                           Map<Channel, IndicatorValue> poolUtilisation) {
}
