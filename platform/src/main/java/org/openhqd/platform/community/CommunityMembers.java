package org.openhqd.platform.community;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openhqd.platform.organization.Institution;
import org.openhqd.platform.organization.InstitutionLevel;
import org.openhqd.platform.organization.Organizations;
import org.openhqd.platform.security.DataScope;
import org.springframework.stereotype.Component;

/**
 * The member institutions money is shared between: the community's top-level institutions (the
 * county hospital; each township or community health centre). Campuses count with their hospital
 * and village clinics with their township centre (乡村一体化), so a settlement at a village clinic is
 * its centre's workload.
 */
@Component
public class CommunityMembers {

    /** A top-level member; {@code primary}: a primary-care institution (基层), as opposed to the county hospital. */
    public record Member(long id, String code, String name, boolean primary, String path) {
    }

    private final Organizations organizations;

    CommunityMembers(Organizations organizations) {
        this.organizations = organizations;
    }

    public List<Member> of(long communityId) {
        List<Member> out = new ArrayList<>();
        for (Institution i : organizations.institutions(DataScope.community(communityId))) {
            if (i.parentId() == null) {
                out.add(new Member(i.id(), i.code(), i.name(), i.level() == InstitutionLevel.PRIMARY, i.path()));
            }
        }
        return out;
    }

    /** Every institution of the community mapped to its top-level member. */
    public Map<Long, Member> memberOf(long communityId) {
        List<Member> members = of(communityId);
        Map<Long, Member> byId = members.stream().collect(Collectors.toMap(Member::id, Function.identity()));
        Map<Long, Member> out = new java.util.HashMap<>();
        for (Institution i : organizations.institutions(DataScope.community(communityId))) {
            String top = i.path().split("/")[1];
            out.put(i.id(), byId.get(Long.parseLong(top)));
        }
        return out;
    }

    /** Every institution of the community with its level, for indicators that count primary care. */
    public List<Institution> institutions(long communityId) {
        return organizations.institutions(DataScope.community(communityId));
    }
}
