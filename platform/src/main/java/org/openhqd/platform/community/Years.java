package org.openhqd.platform.community;

/** The reporting years the community pages accept. */
final class Years {

    private Years() {
    }

    static int check(int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidCommunityRequestException("year", "year：年度应在 2000–2100 之间 / year: must be between 2000 and 2100");
        }
        return year;
    }
}
