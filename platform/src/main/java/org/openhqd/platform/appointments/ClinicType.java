package org.openhqd.platform.appointments;

/** 号别: the kind of clinic, which sets fee and who may hold it. */
public enum ClinicType {
    /** 普通门诊 */
    GENERAL,
    /** 专家门诊 (副主任/主任医师) */
    EXPERT,
    /** 特需门诊 / 知名专家 */
    SPECIAL,
    /** 专病/专科门诊 */
    DISEASE,
    /** 多学科联合门诊 */
    MDT,
    /** 互联网复诊 */
    ONLINE
}
