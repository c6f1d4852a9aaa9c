package org.openhqd.platform.drg.analytics;

import java.util.HashMap;
import java.util.Map;
import org.openhqd.platform.drg.DrgSchemes;
import org.springframework.stereotype.Component;

/**
 * DRG names for report rows, from the scheme each institution groups with (a code's name depends
 * on the scheme). One instance per report: it remembers the institutions' schemes it looked up.
 */
@Component
class DrgNames {

    private final DrgSchemes schemes;

    DrgNames(DrgSchemes schemes) {
        this.schemes = schemes;
    }

    /** A lookup for one report. */
    Lookup lookup() {
        return new Lookup();
    }

    final class Lookup {
        private final Map<Long, DrgSchemes.Engine> engines = new HashMap<>();

        /** The code's name in the institution's scheme; empty for codes the scheme does not know. */
        String name(Long institutionId, String code) {
            if (code == null || institutionId == null) {
                return "";
            }
            DrgSchemes.Engine engine = engines.computeIfAbsent(institutionId, schemes::engineFor);
            return engine.drgName(code).orElse("");
        }
    }
}
