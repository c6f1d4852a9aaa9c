package org.openhqd.platform.referral;

/** What a follow-up task after a downward referral asks the receiving institution to do. */
public enum CareTaskType {
    /** 随访 */
    VISIT,
    /** 检查检验 */
    TEST,
    /** 康复治疗 */
    REHAB,
    /** 用药评估 */
    MEDICATION_REVIEW
}
