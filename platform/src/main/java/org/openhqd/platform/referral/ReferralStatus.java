package org.openhqd.platform.referral;

/**
 * The states of a referral. Only {@link #ARRIVED} (and {@link #COMPLETED} after it) counts as a
 * completed referral in the indicators: the patient actually reached the receiver.
 */
public enum ReferralStatus {
    /** 草稿 */
    DRAFT,
    /** 已提交, waiting for the receiver */
    SUBMITTED,
    /** 已接收 */
    ACCEPTED,
    /** 已拒收 (with a reason) */
    REJECTED,
    /** 已预约: a number of the receiver's REFERRAL pool is booked */
    SCHEDULED,
    /** 已到诊 */
    ARRIVED,
    /** 已完成 */
    COMPLETED,
    /** 已取消 (by the sender) */
    CANCELLED,
    /** 已过期: not decided in time */
    EXPIRED
}
