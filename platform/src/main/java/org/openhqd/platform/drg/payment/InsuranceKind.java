package org.openhqd.platform.drg.payment;

/** Which base rate a case is settled at, from its imported insurance type (医保类型). */
public enum InsuranceKind {
    /** 职工基本医疗保险 */
    EMPLOYEE,
    /** 城乡居民基本医疗保险 */
    RESIDENT,
    /** 自费, other or unknown */
    OTHER
}
