package org.openhqd.platform.outpatient;

import java.util.List;
import org.openhqd.platform.appointments.Channel;

/**
 * The indicators of a month range at one level, in the caller's scope.
 *
 * @param rows one per clinic of the level over the whole range
 * @param monthly one per clinic of the level and month
 * @param trend the whole selection per month (the chart)
 * @param total the whole selection over the range
 * @param channels the booking channels that occur, in order (the pool-utilisation columns)
 */
public record IndicatorReport(String from, String to, String level, Long institutionId, Long departmentId,
                              String definitionsVersion, List<IndicatorRow> rows, List<IndicatorRow> monthly,
                              List<IndicatorRow> trend, IndicatorRow total, List<Channel> channels) {
}
