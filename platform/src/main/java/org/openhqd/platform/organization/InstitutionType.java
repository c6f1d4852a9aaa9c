package org.openhqd.platform.organization;

/** 机构类型. */
public enum InstitutionType {
    /** 医院 (county or tertiary hospital) */
    HOSPITAL,
    /** 院区 */
    CAMPUS,
    /** 乡镇卫生院 */
    TOWNSHIP_HEALTH_CENTRE,
    /** 社区卫生服务中心 */
    COMMUNITY_HEALTH_CENTRE,
    /** 村卫生室 */
    VILLAGE_CLINIC
}
