package org.openhqd.platform.referral;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Times on the referral pages in Beijing time ({@code ${@referralTime.format(t)}}). */
@Component("referralTime")
class ReferralTime {

    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(TestResults.CHINA);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(TestResults.CHINA);

    public String format(Instant t) {
        return t == null ? "" : FULL.format(t);
    }

    public String brief(Instant t) {
        return t == null ? "" : SHORT.format(t);
    }
}
