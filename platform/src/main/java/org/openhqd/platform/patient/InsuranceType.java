package org.openhqd.platform.patient;

/** 医保类型. */
public enum InsuranceType {
    /** 城镇职工基本医疗保险 */
    EMPLOYEE,
    /** 城乡居民基本医疗保险 */
    RESIDENT,
    /** 自费 */
    SELF_PAY,
    /** 其他（商业保险、公费等） */
    OTHER
}
