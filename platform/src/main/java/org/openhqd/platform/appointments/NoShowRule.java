package org.openhqd.platform.appointments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * One version of a no-show/cancellation rule (爽约/退号规则), as loaded from data: which events count,
 * over what window, how many make a penalty, what the penalty is and where it applies. Times are
 * reckoned in China time (calendar months, month end).
 *
 * @param institutionId the institution the rule is written for, or null for the community default
 * @param communityId the community, or null for every community
 * @param windowLength days or months; null for a calendar month
 * @param penaltyDays days of suspension; null for "until month end"
 * @param exemptions excuses ({@code appointment.excuse}) that make an event not count
 */
public record NoShowRule(long id, String code, Long communityId, Long institutionId, EventType eventType,
                         WindowKind windowKind, Integer windowLength, int threshold, PenaltyKind penaltyKind,
                         Integer penaltyDays, Scope scope, Set<String> exemptions, LocalDate effectiveFrom,
                         LocalDate effectiveTo, String basis) {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** What is counted. */
    public enum EventType {
        /** 爽约: booked, not cancelled, not checked in by the cut-off */
        NO_SHOW("爽约", "no-shows"),
        /** 患者退号 (any time before the slot) */
        PATIENT_CANCELLED("退号", "cancellations"),
        /** 当日退号: cancelled on the day of the visit */
        SAME_DAY_CANCELLED("当日退号", "same-day cancellations");

        final String zh;
        final String en;

        EventType(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }

    public enum WindowKind { ROLLING_DAYS, CALENDAR_MONTH, MONTHS }

    public enum PenaltyKind { SUSPEND_DAYS, UNTIL_MONTH_END }

    /** Where the events are counted and where the penalty then blocks booking. */
    public enum Scope {
        DEPARTMENT("该科室", "in this department"),
        INSTITUTION("该机构", "at this institution"),
        /** all channels and all member institutions of the medical community (医共体) */
        COMMUNITY("医共体内所有机构和渠道", "at all institutions and channels of the community");

        final String zh;
        final String en;

        Scope(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }

    /** The first instant whose events count for an evaluation at {@code at}. */
    public Instant windowStart(Instant at) {
        return switch (windowKind) {
            case ROLLING_DAYS -> at.minus(Duration.ofDays(windowLength));
            case CALENDAR_MONTH -> at.atZone(CHINA).toLocalDate().withDayOfMonth(1).atStartOfDay(CHINA).toInstant();
            case MONTHS -> at.atZone(CHINA).minusMonths(windowLength).toInstant();
        };
    }

    /** When a penalty starting at {@code from} ends (exclusive). */
    public Instant penaltyEnd(Instant from) {
        return switch (penaltyKind) {
            case SUSPEND_DAYS -> from.plus(Duration.ofDays(penaltyDays));
            case UNTIL_MONTH_END -> from.atZone(CHINA).toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(CHINA).toInstant();
        };
    }

    /** Whether the rule is in force on a China date. */
    public boolean inForce(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || date.isBefore(effectiveTo));
    }

    /** How specific the rule's owner is: an institution's rule overrides the community's, which overrides the platform's. */
    int specificity() {
        return institutionId != null ? 2 : communityId != null ? 1 : 0;
    }

    /** The window in words, e.g. {@code 近 180 天内 / within 180 days}. */
    public String windowText() {
        return switch (windowKind) {
            case ROLLING_DAYS -> "近 " + windowLength + " 天内 / within " + windowLength + " days";
            case CALENDAR_MONTH -> "同一自然月内 / in one calendar month";
            case MONTHS -> "近 " + windowLength + " 个月内 / within " + windowLength + " months";
        };
    }

    /** The penalty in words. */
    public String penaltyText() {
        return switch (penaltyKind) {
            case SUSPEND_DAYS -> "暂停预约 " + penaltyDays + " 天 / booking suspended for " + penaltyDays + " days";
            case UNTIL_MONTH_END -> "暂停预约至当月月底 / booking suspended until the end of the month";
        };
    }

    /** Why a penalty was given, bilingual: e.g. {@code 近 180 天内爽约 3 次 / 3 no-shows within 180 days}. */
    String reason(int count) {
        String window = windowText();
        String zhWindow = window.substring(0, window.indexOf(" / "));
        String enWindow = window.substring(window.indexOf(" / ") + 3);
        return zhWindow + eventType.zh + " " + count + " 次 / " + count + " " + eventType.en + " " + enWindow;
    }
}
