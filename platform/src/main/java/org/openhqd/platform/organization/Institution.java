package org.openhqd.platform.organization;

/** A member institution of a medical community, as the API shows it. */
public record Institution(long id, long communityId, Long parentId, String code, String name,
                          InstitutionLevel level, InstitutionType type, String path) {
}
