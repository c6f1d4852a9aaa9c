package org.openhqd.platform.community;

import org.openhqd.platform.organization.Institution;
import org.openhqd.platform.organization.InstitutionType;
import org.openhqd.platform.organization.Organizations;
import org.openhqd.platform.security.Role;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.stereotype.Component;

/**
 * Who sees the community's figures. The bundled payment and the county indicators are about the
 * whole community, so they are shown whole to community administrators and to the lead (county)
 * hospital's insurance and quality offices, who run them for the community (牵头医院医保办/质控办).
 * Everyone else (township centres, village clinics, hospital departments) sees the community's
 * totals and the shares of the member institutions inside their own data scope only — a township
 * centre its own share, never a sibling's; the county indicators are not shown to them at all.
 */
@Component
class PaymentAccess {

    private final Organizations organizations;

    PaymentAccess(Organizations organizations) {
        this.organizations = organizations;
    }

    /** Whether the caller sees every member's figures and the county indicators. */
    boolean seesWholeCommunity(StaffPrincipal p) {
        return switch (p.role()) {
            case SYSTEM_ADMIN, COMMUNITY_ADMIN -> true;
            case INSURANCE_OFFICE, QUALITY_OFFICE, INTEGRATION -> atLeadHospital(p);
            default -> false;
        };
    }

    /** Whether the caller may change the budget settings and import settlements and external figures. */
    boolean manages(StaffPrincipal p) {
        return p.role() == Role.SYSTEM_ADMIN || p.role() == Role.COMMUNITY_ADMIN
                || (p.role() == Role.INSURANCE_OFFICE || p.role() == Role.INTEGRATION) && atLeadHospital(p);
    }

    /** The caller works at a top-level hospital of the community (not a campus, not a township centre). */
    private boolean atLeadHospital(StaffPrincipal p) {
        Institution own = organizations.institution(p.institutionId(), p.scope()).orElse(null);
        return own != null && own.parentId() == null && own.type() == InstitutionType.HOSPITAL;
    }
}
