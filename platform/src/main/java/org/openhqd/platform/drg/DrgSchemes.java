package org.openhqd.platform.drg;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openhqd.casemix.drg.DrgDefinition;
import org.openhqd.casemix.drg.DrgGrouper;
import org.openhqd.casemix.drg.Scheme;
import org.openhqd.casemix.drg.SchemeCatalog;
import org.openhqd.casemix.drg.SchemeInfo;
import org.openhqd.quality.QualityChecker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The grouping schemes the platform knows (the built-in catalogue) and, per institution, the one
 * its cases are grouped with. A scheme's grouper and QC checker are built once and shared by every
 * thread (both are immutable).
 */
@Component
public class DrgSchemes {

    /** A scheme ready to use: the grouper and the QC rules bound to it. */
    public record Engine(SchemeInfo info, DrgGrouper grouper, QualityChecker checker) {
        public String id() {
            return info.id();
        }

        public String version() {
            return info.version();
        }

        /** The published name of a DRG code in this scheme; empty for no code or a code it does not know. */
        public Optional<String> drgName(String drg) {
            if (drg == null || drg.isEmpty()) {
                return Optional.empty();
            }
            return grouper.scheme().drg(drg).map(DrgDefinition::name);
        }
    }

    private final SchemeCatalog catalog = SchemeCatalog.builtIn();
    private final Map<String, Engine> engines = new ConcurrentHashMap<>();
    private final String defaultScheme;
    private final JdbcClient jdbc;

    DrgSchemes(@Value("${hqd.drg.default-scheme:chs-drg-1.1}") String defaultScheme, JdbcClient jdbc) {
        this.defaultScheme = defaultScheme;
        this.jdbc = jdbc;
    }

    /** The ids of the built-in schemes, e.g. {@code chs-drg-1.1}, {@code beijing-2022}. */
    public List<String> ids() {
        return catalog.ids();
    }

    public String defaultSchemeId() {
        return defaultScheme;
    }

    /** The engine of a scheme id, or empty when the id is unknown. */
    public Optional<Engine> find(String schemeId) {
        if (schemeId == null || !catalog.ids().contains(schemeId)) {
            return Optional.empty();
        }
        return Optional.of(engines.computeIfAbsent(schemeId, id -> {
            Scheme scheme = catalog.get(id);
            DrgGrouper grouper = DrgGrouper.of(scheme);
            return new Engine(scheme.info(), grouper, QualityChecker.of(grouper));
        }));
    }

    /** The engine of a known scheme id. */
    public Engine engine(String schemeId) {
        return find(schemeId).orElseThrow(() -> new IllegalArgumentException("unknown scheme " + schemeId));
    }

    /** The scheme configured for an institution (drg_setting), else the platform default. */
    public String schemeIdFor(long institutionId) {
        return jdbc.sql("SELECT scheme_id FROM drg_setting WHERE institution_id = :i")
                .param("i", institutionId).query(String.class).optional()
                .filter(catalog.ids()::contains).orElse(defaultScheme);
    }

    /** The name of a DRG code in a scheme the cases were stored with; empty when either is unknown. */
    public Optional<String> drgName(String schemeId, String drg) {
        return find(schemeId).flatMap(e -> e.drgName(drg));
    }

    public Engine engineFor(long institutionId) {
        return engine(schemeIdFor(institutionId));
    }
}
