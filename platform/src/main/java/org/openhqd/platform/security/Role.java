package org.openhqd.platform.security;

/** Roles of the platform; the message key {@code role.<NAME>} gives the Chinese name. */
public enum Role {
    /** 系统管理员: every community. */
    SYSTEM_ADMIN,
    /** 医共体管理员: the whole community. */
    COMMUNITY_ADMIN,
    /** 机构管理员 */
    INSTITUTION_ADMIN,
    /** 科主任 */
    DEPARTMENT_HEAD,
    DOCTOR,
    NURSE,
    /** 医保办 */
    INSURANCE_OFFICE,
    /** 质控办 */
    QUALITY_OFFICE,
    /** 乡村医生 */
    VILLAGE_DOCTOR,
    /** 审计员: reads the audit trail. */
    AUDITOR,
    /** A system such as a HIS calling the API with its own token. */
    INTEGRATION;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether the role sees the whole community rather than its institution's subtree. */
    public boolean communityWide() {
        return this == SYSTEM_ADMIN || this == COMMUNITY_ADMIN || this == AUDITOR;
    }

    /** Whether the role administers organisation data (institutions, departments, staff). */
    public boolean administers() {
        return this == SYSTEM_ADMIN || this == COMMUNITY_ADMIN || this == INSTITUTION_ADMIN;
    }

    /** Whether the role may read and register patients. */
    public boolean treatsPatients() {
        return switch (this) {
            case SYSTEM_ADMIN, COMMUNITY_ADMIN, INSTITUTION_ADMIN, DEPARTMENT_HEAD, DOCTOR, NURSE, INSURANCE_OFFICE,
                    QUALITY_OFFICE, VILLAGE_DOCTOR, INTEGRATION -> true;
            case AUDITOR -> false;
        };
    }
}
