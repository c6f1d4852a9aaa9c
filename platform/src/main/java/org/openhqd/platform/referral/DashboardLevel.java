package org.openhqd.platform.referral;

import org.openhqd.platform.outpatient.InvalidRequestException;

/** How far the referral dashboard breaks figures down: the community (医共体) as a whole, or each institution as sender and receiver. */
public enum DashboardLevel {
    COMMUNITY, INSTITUTION;

    /** {@code community} or {@code institution}, as the API spells it; missing means institution. */
    public static DashboardLevel parse(String s) {
        if (s == null || s.isBlank()) {
            return INSTITUTION;
        }
        for (DashboardLevel l : values()) {
            if (l.name().equalsIgnoreCase(s.strip())) {
                return l;
            }
        }
        throw new InvalidRequestException("level", "层级应为 community 或 institution / level must be community or institution");
    }
}
