package org.openhqd.platform.drg;

import org.openhqd.platform.security.StaffPrincipal;

/**
 * Who may do what with DRG data. Cases are always read inside the caller's data scope (its
 * institution's subtree, or the community for community-wide roles); these checks add what the
 * role may do there. The insurance office (医保办) and the quality office (质控办) run DRG work;
 * department heads and institution administrators read it; doctors only pre-group at their
 * workstation (they see their own patients' records elsewhere, not the hospital's case list);
 * a HIS integration imports and pre-groups.
 */
public final class DrgAccess {

    private DrgAccess() {
    }

    /** Reads cases, findings, groupings, weights and the analytics pages. */
    public static boolean mayRead(StaffPrincipal p) {
        return switch (p.role()) {
            case SYSTEM_ADMIN, COMMUNITY_ADMIN, INSTITUTION_ADMIN, DEPARTMENT_HEAD, INSURANCE_OFFICE, QUALITY_OFFICE,
                    INTEGRATION -> true;
            default -> false;
        };
    }

    /** Imports cases, re-groups them, loads weights and changes payment settings. */
    public static boolean mayManage(StaffPrincipal p) {
        return switch (p.role()) {
            case SYSTEM_ADMIN, COMMUNITY_ADMIN, INSTITUTION_ADMIN, INSURANCE_OFFICE, QUALITY_OFFICE, INTEGRATION -> true;
            default -> false;
        };
    }

    /** Pre-groups a case posted as JSON (doctor's workstation, coder's screen, HIS). */
    public static boolean mayPreGroup(StaffPrincipal p) {
        return switch (p.role()) {
            case SYSTEM_ADMIN, COMMUNITY_ADMIN, INSTITUTION_ADMIN, DEPARTMENT_HEAD, DOCTOR, INSURANCE_OFFICE,
                    QUALITY_OFFICE, INTEGRATION -> true;
            default -> false;
        };
    }
}
