package org.openhqd.platform.appointments;

import java.util.List;

/** 多学科诊疗团队: fixed members with their specialties, a chief responsible doctor and a coordinator. */
public record MdtTeam(long id, long institutionId, long departmentId, String name, String focus, long chiefId, Long coordinatorId,
                      boolean active, List<Member> members) {

    /** A member and the specialty they bring. */
    public record Member(long staffId, String name, String role) {
    }

    public MdtTeam {
        members = List.copyOf(members);
    }

    boolean hasMember(Long staffId) {
        return staffId != null && members.stream().anyMatch(m -> m.staffId() == staffId);
    }
}
