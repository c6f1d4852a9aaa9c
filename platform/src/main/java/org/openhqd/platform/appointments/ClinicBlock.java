package org.openhqd.platform.appointments;

/** 出诊单元: the part of the day a session takes. */
public enum ClinicBlock {
    /** 上午 */
    MORNING,
    /** 下午 */
    AFTERNOON,
    /** 夜间 */
    EVENING
}
