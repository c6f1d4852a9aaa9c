package org.openhqd.platform.drg.cases;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Stored instants (UTC) as Beijing time, the time every page and answer shows. */
final class ChinaTime {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }

    static OffsetDateTime of(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(CHINA).toOffsetDateTime();
    }
}
