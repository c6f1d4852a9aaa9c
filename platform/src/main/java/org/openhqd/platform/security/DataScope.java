package org.openhqd.platform.security;

/**
 * The organisations whose data a caller may see: everything, one community, or the subtree of
 * one institution (its campuses, or a township centre's village clinics). Repositories turn it
 * into a SQL condition on the institution's materialised path, so a query can never return a row
 * outside it.
 */
public record DataScope(Long communityId, String pathPrefix) {

    public static DataScope everything() {
        return new DataScope(null, "/");
    }

    public static DataScope community(long communityId) {
        return new DataScope(communityId, "/");
    }

    public static DataScope subtree(long communityId, String path) {
        return new DataScope(communityId, path);
    }

    /**
     * A SQL condition on an institution table alias, e.g. {@code i}, with named parameters
     * {@code scopeCommunity} and {@code scopePath} (bind them with {@link #params()}).
     */
    public String sql(String alias) {
        return "(" + (communityId == null ? "1 = 1" : alias + ".community_id = :scopeCommunity")
                + " AND " + alias + ".path LIKE :scopePath)";
    }

    /** The named parameters of {@link #sql}: bind with {@code .params(scope.params())}. */
    public java.util.Map<String, Object> params() {
        return java.util.Map.of("scopeCommunity", communityParam(), "scopePath", pathParam());
    }

    public Long communityParam() {
        return communityId == null ? -1L : communityId;
    }

    public String pathParam() {
        return pathPrefix + "%";
    }

    /** Whether an institution with this community and path is inside the scope. */
    public boolean includes(long institutionCommunity, String institutionPath) {
        return (communityId == null || communityId == institutionCommunity) && institutionPath.startsWith(pathPrefix);
    }
}
