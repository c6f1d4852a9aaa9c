package org.openhqd.platform.drg.analytics;

import java.util.ArrayList;
import java.util.List;

/**
 * The drill-down trail above the table: all institutions › the institution › the department › the
 * doctor › the DRG, each step a link back to its level with the filters above it.
 */
record Crumbs(List<Crumb> steps) {

    /** One step: its label, and the page it leads to (null for the current, last step). */
    record Crumb(String label, String url) {
    }

    static Crumbs of(AnalyticsQuery q, List<CubeQueries.Institution> institutions) {
        List<Crumb> out = new ArrayList<>();
        out.add(new Crumb(null, Links.url(Links.PAGE, new Links.Scope(q.from(), q.to(), null, null, null, null),
                Dimension.INSTITUTION)));
        if (q.institution() != null) {
            String name = institutions.stream().filter(i -> i.id() == q.institution()).map(CubeQueries.Institution::name)
                    .findFirst().orElse("#" + q.institution());
            out.add(new Crumb(name, Links.url(Links.PAGE, new Links.Scope(q.from(), q.to(), q.institution(), null, null, null),
                    Dimension.DEPARTMENT)));
        }
        if (q.department() != null) {
            out.add(new Crumb(q.department(), Links.url(Links.PAGE, new Links.Scope(q.from(), q.to(), q.institution(),
                    q.department(), null, null), Dimension.DOCTOR)));
        }
        if (q.doctor() != null) {
            out.add(new Crumb(q.doctor(), Links.url(Links.PAGE, new Links.Scope(q.from(), q.to(), q.institution(),
                    q.department(), q.doctor(), null), Dimension.DRG)));
        }
        if (q.drg() != null) {
            out.add(new Crumb(q.drg(), null));
        }
        return new Crumbs(out);
    }
}
