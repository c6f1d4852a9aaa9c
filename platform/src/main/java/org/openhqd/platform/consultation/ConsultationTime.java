package org.openhqd.platform.consultation;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Times on the consultation pages in Beijing time ({@code ${@consultationTime.format(t)}}). */
@Component("consultationTime")
class ConsultationTime {

    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ConsultationConsole.CHINA);

    public String format(Instant t) {
        return t == null ? "" : FULL.format(t);
    }
}
