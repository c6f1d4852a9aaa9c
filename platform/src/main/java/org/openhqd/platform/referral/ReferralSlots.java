package org.openhqd.platform.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.openhqd.platform.appointments.Appointments;
import org.openhqd.platform.appointments.Channel;
import org.openhqd.platform.appointments.SlotView;
import org.openhqd.platform.security.CurrentUser;
import org.springframework.stereotype.Service;

/** The receiving institution's REFERRAL-pool slots of a day, for scheduling a referral the caller can see. */
@Service
class ReferralSlots {

    private final ReferralStore store;
    private final Appointments appointments;
    private final Clock clock;

    ReferralSlots(ReferralStore store, Appointments appointments, Clock clock) {
        this.store = store;
        this.appointments = appointments;
        this.clock = clock;
    }

    List<SlotView> of(long referralId, LocalDate date) {
        ReferralStore.Row r = store.row(referralId, CurrentUser.get().scope()).orElseThrow(ReferralException::notFound);
        LocalDate day = date != null ? date : LocalDate.now(clock.withZone(TestResults.CHINA));
        return appointments.slots(day, null, Channel.REFERRAL).stream()
                .filter(s -> s.institutionId() == r.toInstitution())
                .toList();
    }
}
