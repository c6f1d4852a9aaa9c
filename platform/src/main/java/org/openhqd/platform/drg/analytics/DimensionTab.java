package org.openhqd.platform.drg.analytics;

import java.util.ArrayList;
import java.util.List;

/** A dimension tab of the page: the same period and filters with other rows. */
record DimensionTab(String word, String url, boolean active) {

    static List<DimensionTab> of(AnalyticsQuery q) {
        List<DimensionTab> out = new ArrayList<>();
        Links.Scope s = Links.Scope.of(q, null, null, null, null, null);
        for (Dimension d : Dimension.values()) {
            out.add(new DimensionTab(d.word(), Links.url(Links.PAGE, s, d), d == q.dimension()));
        }
        return out;
    }
}
