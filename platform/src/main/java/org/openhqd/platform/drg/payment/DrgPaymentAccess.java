package org.openhqd.platform.drg.payment;

import org.openhqd.platform.drg.DrgAccess;
import org.openhqd.platform.organization.Institution;
import org.openhqd.platform.organization.InstitutionType;
import org.openhqd.platform.organization.Organizations;
import org.openhqd.platform.security.DataScope;
import org.openhqd.platform.security.Role;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and change weights and payment settings. Both belong to the community (they price
 * every member's cases, as the insurer's table does for a pooling area), so everyone who reads DRG
 * data sees them, and only the community's managers change them: community and system
 * administrators, and the DRG managers (医保办, 质控办, institution administrator, HIS) of a lead
 * hospital — a top-level hospital, not a campus or a township centre, whose staff run DRG work
 * for the community. A township centre's office reads them and its own cases' figures.
 */
@Component
class DrgPaymentAccess {

    private final Organizations organizations;

    DrgPaymentAccess(Organizations organizations) {
        this.organizations = organizations;
    }

    boolean mayRead(StaffPrincipal p) {
        return DrgAccess.mayRead(p);
    }

    boolean manages(StaffPrincipal p) {
        if (!DrgAccess.mayManage(p)) {
            return false;
        }
        return p.role() == Role.SYSTEM_ADMIN || p.role() == Role.COMMUNITY_ADMIN || atLeadHospital(p);
    }

    StaffPrincipal reader(StaffPrincipal p) {
        if (!mayRead(p)) {
            throw new AccessDeniedException("may not read DRG weights and payment");
        }
        return p;
    }

    StaffPrincipal manager(StaffPrincipal p) {
        if (!manages(p)) {
            throw new AccessDeniedException("may not change the community's DRG weights and payment settings");
        }
        return p;
    }

    /** The cases a set computed by this caller is computed from: its data scope, within its own community. */
    DataScope population(StaffPrincipal p) {
        return p.role() == Role.SYSTEM_ADMIN ? DataScope.community(p.communityId()) : p.scope();
    }

    /** A description of {@link #population} for the set (the caller's institution and those under it, or the community). */
    String describePopulation(StaffPrincipal p) {
        if (p.role().communityWide()) {
            return "医共体全部机构 / all institutions of the community";
        }
        String name = organizations.institution(p.institutionId(), p.scope()).map(Institution::name).orElse("#" + p.institutionId());
        return name + "（含下属机构）/ " + name + " and the institutions under it";
    }

    private boolean atLeadHospital(StaffPrincipal p) {
        Institution own = organizations.institution(p.institutionId(), p.scope()).orElse(null);
        return own != null && own.parentId() == null && own.type() == InstitutionType.HOSPITAL;
    }
}
