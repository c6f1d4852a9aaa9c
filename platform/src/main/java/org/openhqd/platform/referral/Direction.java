package org.openhqd.platform.referral;

import org.openhqd.platform.organization.InstitutionLevel;

/** 上转 (to a higher-level institution) or 下转 (to a lower level, for rehabilitation or chronic care). */
public enum Direction {
    UP, DOWN;

    /** Whether a referral from one level to another goes this way; same-level (lateral) transfers go neither. */
    boolean fits(InstitutionLevel from, InstitutionLevel to) {
        int step = rank(to) - rank(from);
        return this == UP ? step > 0 : step < 0;
    }

    /** Higher is more specialised: 基层 < 一级 < 二级 < 三级. */
    static int rank(InstitutionLevel level) {
        return switch (level) {
            case PRIMARY -> 0;
            case LEVEL_1 -> 1;
            case LEVEL_2 -> 2;
            case LEVEL_3 -> 3;
        };
    }
}
