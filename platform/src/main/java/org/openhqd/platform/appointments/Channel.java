package org.openhqd.platform.appointments;

/** Booking channels, each with its own pool of a slot's numbers. */
public enum Channel {
    /** 窗口/自助机 */
    WINDOW,
    /** 医院 App / 微信 */
    APP,
    /** 区域预约平台 (e.g. 114) */
    REGIONAL,
    /** 诊间预约: the doctor books the follow-up */
    CLINIC,
    /** 基层转诊预留: township and village doctors booking for a referred patient */
    REFERRAL,
    /** 加号: a number the doctor adds beyond the planned capacity for one patient */
    ADD_ON
}
