package org.openhqd.platform.drg.cases;

import java.util.List;
import java.util.Optional;
import org.openhqd.platform.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The institutions of a caller's scope, for filter lists and for checking an institution id. */
@Component
class ScopeInstitutions {

    record Institution(long id, String code, String name) {
    }

    private final JdbcClient jdbc;

    ScopeInstitutions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Institution> all(DataScope scope) {
        return jdbc.sql("SELECT i.id, i.code, i.name FROM institution i WHERE " + scope.sql("i") + " ORDER BY i.path, i.id")
                .params(scope.params())
                .query((rs, n) -> new Institution(rs.getLong("id"), rs.getString("code"), rs.getString("name"))).list();
    }

    /** The ids of the scope's institutions (what every DRG query filters on). */
    List<Long> ids(DataScope scope) {
        return jdbc.sql("SELECT i.id FROM institution i WHERE " + scope.sql("i") + " ORDER BY i.id").params(scope.params())
                .query(Long.class).list();
    }

    /** The institution if it is inside the scope. */
    Optional<Institution> find(long id, DataScope scope) {
        return jdbc.sql("SELECT i.id, i.code, i.name FROM institution i WHERE i.id = :id AND " + scope.sql("i"))
                .param("id", id).params(scope.params())
                .query((rs, n) -> new Institution(rs.getLong("id"), rs.getString("code"), rs.getString("name"))).optional();
    }
}
