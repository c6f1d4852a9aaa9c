package org.openhqd.platform.referral;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import org.openhqd.platform.audit.AuditAction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The timing rules of referrals (settings): a submitted referral not accepted within
 * {@code hqd.referral.accept-within} (default 24 h) is escalated — its status stays, the community
 * admin gets a notice (督办); one not decided within {@code hqd.referral.expire-after} (default 7
 * days) expires. Driven by {@link ReferralJobs} with the clock's instant, and by tests with theirs;
 * safe to run twice or on two nodes (each change is conditional).
 */
@Service
public class ReferralTimers {

    /** What one run did. */
    public record Run(int escalated, int expired) {
    }

    private final ReferralStore store;
    private final ReferralRecorder recorder;
    private final Duration acceptWithin;
    private final Duration expireAfter;

    ReferralTimers(ReferralStore store, ReferralRecorder recorder,
                   @Value("${hqd.referral.accept-within:PT24H}") Duration acceptWithin,
                   @Value("${hqd.referral.expire-after:P7D}") String expireAfter) {
        this.store = store;
        this.recorder = recorder;
        this.acceptWithin = acceptWithin;
        this.expireAfter = parse(expireAfter);
    }

    /** Accepts both a duration (PT168H) and a period of days (P7D), as administrators write them. */
    static Duration parse(String text) {
        return text.contains("T") ? Duration.parse(text) : Duration.ofDays(Period.parse(text).getDays());
    }

    public Duration acceptWithin() {
        return acceptWithin;
    }

    public Duration expireAfter() {
        return expireAfter;
    }

    @Transactional
    public Run run(Instant now) {
        int expired = 0;
        for (ReferralStore.Row r : store.submittedBefore(now.minus(expireAfter), false)) {
            String reason = "提交后 " + expireAfter.toDays() + " 天内未处理 / not decided within " + expireAfter;
            if (store.change(r, ReferralStatus.EXPIRED, java.util.Map.of("closed_at", now, "closed_reason", reason))) {
                recorder.changed(r, ReferralStatus.SUBMITTED, ReferralStatus.EXPIRED, ReferralRecorder.SYSTEM, now, reason,
                        AuditAction.UPDATE);
                expired++;
            }
        }
        int escalated = 0;
        for (ReferralStore.Row r : store.submittedBefore(now.minus(acceptWithin), true)) {
            if (store.escalate(r.id(), now)) {
                String message = "转诊单 " + r.id() + " 提交后 " + acceptWithin.toHours() + " 小时内未接收，请督办 / referral " + r.id()
                        + " not accepted within " + acceptWithin;
                store.notice(r.communityId(), r.id(), "ESCALATION", message, now);
                recorder.escalated(r, now, message);
                escalated++;
            }
        }
        return new Run(escalated, expired);
    }
}
