package org.openhqd.platform.community;

import java.util.List;

/** The county medical-community indicators of a year with the definitions' version they were computed by. */
public record CommunityIndicatorReport(int year, String definitionsVersion, List<IndicatorResult> indicators) {
}
