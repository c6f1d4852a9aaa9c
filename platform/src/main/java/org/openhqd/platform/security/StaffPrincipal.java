package org.openhqd.platform.security;

import java.io.Serializable;

/**
 * Who is calling: a staff member logged in to the console, or a token's owner on the API.
 *
 * @param staffId the staff member, or null for an integration token
 * @param username login name, or the token's name for an integration
 * @param role the role
 * @param institutionId the institution the person or integration belongs to
 * @param communityId that institution's community
 * @param institutionPath materialised path of that institution ({@code /1/4/}); data scopes are
 *     subtrees of it
 */
public record StaffPrincipal(Long staffId, String username, Role role, long institutionId, long communityId,
                             String institutionPath) implements Serializable {

    /** The data this principal may see: its community or its institution's subtree. */
    public DataScope scope() {
        if (role == Role.SYSTEM_ADMIN) {
            return DataScope.everything();
        }
        if (role.communityWide()) {
            return DataScope.community(communityId);
        }
        return DataScope.subtree(communityId, institutionPath);
    }
}
