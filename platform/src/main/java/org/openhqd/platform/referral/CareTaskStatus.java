package org.openhqd.platform.referral;

/** A follow-up task is OPEN until it is done or cancelled; overdue is not a status but OPEN past its due date. */
public enum CareTaskStatus {
    OPEN, DONE, CANCELLED
}
