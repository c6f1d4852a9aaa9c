package org.openhqd.platform.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.openhqd.platform.appointments.Appointments;
import org.openhqd.platform.appointments.Channel;
import org.openhqd.platform.appointments.SlotView;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state changes of a referral made by people: who may make each one, from which states, and
 * what it records. A change is one conditional UPDATE on the status and version the caller read:
 * of two concurrent decisions on the same referral exactly one wins, the other gets 409.
 */
@Service
public class ReferralWorkflow {

    /** Which side of the referral acts. */
    enum Side { SENDER, RECEIVER }

    /** The changes people make, with the states they start from. */
    enum Transition {
        SUBMIT(Side.SENDER, EnumSet.of(ReferralStatus.DRAFT), ReferralStatus.SUBMITTED, "提交", "submitted"),
        ACCEPT(Side.RECEIVER, EnumSet.of(ReferralStatus.SUBMITTED), ReferralStatus.ACCEPTED, "接收", "accepted"),
        REJECT(Side.RECEIVER, EnumSet.of(ReferralStatus.SUBMITTED), ReferralStatus.REJECTED, "拒收", "rejected"),
        SCHEDULE(Side.RECEIVER, EnumSet.of(ReferralStatus.ACCEPTED), ReferralStatus.SCHEDULED, "预约号源", "scheduled"),
        // accepted without an outpatient number (admitted to a bed, examined directly) or with the booked number
        ARRIVE(Side.RECEIVER, EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.SCHEDULED), ReferralStatus.ARRIVED, "登记到诊",
                "marked arrived"),
        COMPLETE(Side.RECEIVER, EnumSet.of(ReferralStatus.ARRIVED), ReferralStatus.COMPLETED, "完成", "completed"),
        CANCEL(Side.SENDER, EnumSet.of(ReferralStatus.DRAFT, ReferralStatus.SUBMITTED, ReferralStatus.ACCEPTED,
                ReferralStatus.SCHEDULED), ReferralStatus.CANCELLED, "取消", "cancelled");

        final Side side;
        final Set<ReferralStatus> from;
        final ReferralStatus to;
        final String zh;
        final String en;

        Transition(Side side, Set<ReferralStatus> from, ReferralStatus to, String zh, String en) {
            this.side = side;
            this.from = from;
            this.to = to;
            this.zh = zh;
            this.en = en;
        }
    }

    private final ReferralStore store;
    private final ReferralRecorder recorder;
    private final Appointments appointments;
    private final Clock clock;

    ReferralWorkflow(ReferralStore store, ReferralRecorder recorder, Appointments appointments, Clock clock) {
        this.store = store;
        this.recorder = recorder;
        this.appointments = appointments;
        this.clock = clock;
    }

    @Transactional
    public ReferralView submit(long id) {
        return change(id, Transition.SUBMIT, null, Map.of("submitted_at", clock.instant()));
    }

    @Transactional
    public ReferralView accept(long id) {
        StaffPrincipal user = CurrentUser.get();
        return change(id, Transition.ACCEPT, null, Map.of("decided_by", user.username(), "decided_at", clock.instant()));
    }

    @Transactional
    public ReferralView reject(long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ReferralException(HttpStatus.BAD_REQUEST, "请填写拒收原因 / a reason is required", "reason");
        }
        StaffPrincipal user = CurrentUser.get();
        return change(id, Transition.REJECT, reason, Map.of("decided_by", user.username(), "decided_at", clock.instant(),
                "reject_reason", reason));
    }

    @Transactional
    public ReferralView arrive(long id) {
        return change(id, Transition.ARRIVE, null, Map.of("arrived_at", clock.instant()));
    }

    @Transactional
    public ReferralView complete(long id) {
        return change(id, Transition.COMPLETE, null, Map.of("completed_at", clock.instant()));
    }

    /** Cancels by the sender; a booked REFERRAL number goes back to its pool. */
    @Transactional
    public ReferralView cancel(long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ReferralException(HttpStatus.BAD_REQUEST, "请填写取消原因 / a reason is required", "reason");
        }
        ReferralStore.Row before = visible(id);
        ReferralView v = change(id, Transition.CANCEL, reason, Map.of("closed_at", clock.instant(), "closed_reason", reason));
        if (before.status() == ReferralStatus.SCHEDULED && before.appointmentId() != null) {
            onBehalfOfPatientsInstitution(before, () -> {
                appointments.cancel(before.appointmentId());
                return null;
            });
        }
        return v;
    }

    /**
     * Books a number of the receiving institution's REFERRAL pool for the patient and links it to
     * the referral ({@code REF-<id>}, so outpatient indicators count "referred patients seen").
     */
    @Transactional
    public ReferralView schedule(long id, long slotId) {
        ReferralStore.Row r = visible(id);
        SlotView slot = appointments.findSlot(slotId, Channel.REFERRAL)
                .filter(s -> s.institutionId() == r.toInstitution())
                .orElseThrow(() -> new ReferralException(HttpStatus.BAD_REQUEST,
                        "号源不属于接收机构 / the slot is not one of the receiving institution's", "slotId"));
        ReferralView v = change(id, Transition.SCHEDULE, "slot " + slot.id() + " " + slot.start(), Map.of());
        Appointments.Booking booking = onBehalfOfPatientsInstitution(r, () ->
                appointments.book(slot.id(), r.patientId(), Channel.REFERRAL, "REF-" + id, "REF-" + id));
        store.setAppointment(id, booking.appointment().id());
        return store.view(id, CurrentUser.get().scope()).orElseThrow();
    }

    /**
     * The REFERRAL pool is booked on behalf of the patient's home institution (the pool exists for
     * grassroots institutions booking for their patients, and the patient is in that institution's
     * scope, not always in the receiver's). The acting person's name stays on the appointment and in
     * the audit trail.
     */
    private <T> T onBehalfOfPatientsInstitution(ReferralStore.Row r, java.util.function.Supplier<T> work) {
        StaffPrincipal user = CurrentUser.get();
        long patientInstitution = Long.parseLong(r.patientPath().replaceAll(".*/(\\d+)/$", "$1"));
        return CurrentUser.runAs(new StaffPrincipal(user.staffId(), user.username(), user.role(), patientInstitution,
                r.communityId(), r.patientPath()), work);
    }

    private ReferralStore.Row visible(long id) {
        return store.row(id, CurrentUser.get().scope()).orElseThrow(ReferralException::notFound);
    }

    private ReferralView change(long id, Transition t, String note, Map<String, Object> columns) {
        StaffPrincipal user = CurrentUser.get();
        ReferralStore.Row r = visible(id);
        String side = t.side == Side.RECEIVER ? r.toPath() : r.fromPath();
        if (!side.startsWith(user.institutionPath())) {
            throw new ReferralException(HttpStatus.FORBIDDEN, t.side == Side.RECEIVER
                    ? "只有接收机构的人员可以" + t.zh + "转诊单 / only staff of the receiving institution may do this"
                    : "只有转出机构的人员可以" + t.zh + "转诊单 / only staff of the sending institution may do this", "id");
        }
        if (!t.from.contains(r.status())) {
            throw ReferralException.conflict(r.status(), t.zh, t.en);
        }
        Instant now = clock.instant();
        boolean changed;
        try {
            changed = store.change(r, t.to, new LinkedHashMap<>(columns));
        } catch (org.springframework.dao.ConcurrencyFailureException e) {
            // the winner held the row longer than the database waits for a lock: the same outcome, 409
            throw ReferralException.conflict(r.status(), t.zh, t.en);
        }
        if (!changed) {
            // another request changed it between our read and our update
            ReferralStatus current = store.row(id, user.scope()).map(ReferralStore.Row::status).orElse(r.status());
            throw ReferralException.conflict(current, t.zh, t.en);
        }
        recorder.changed(r, r.status(), t.to, user.username(), now, note, AuditAction.UPDATE);
        return store.view(id, user.scope()).orElseThrow();
    }
}
