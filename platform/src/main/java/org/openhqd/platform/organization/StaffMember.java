package org.openhqd.platform.organization;

import org.openhqd.platform.security.Role;

/** A staff member as listed (never with credentials). */
public record StaffMember(long id, long institutionId, Long departmentId, String name, Role role, String title,
                         String username) {
}
