package org.openhqd.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Timing of a run and its progress line: the caller calls {@link #check} every 4096 rows; after
 * the first second a {@code \r已处理 N 例 / processed N cases} line is shown at most once a second.
 */
final class Progress {

    /** Rows between two looks at the clock (a power of two: {@code (n & MASK) == 0}). */
    static final int EVERY = 4096;
    static final int MASK = EVERY - 1;
    private static final long SECOND = 1_000_000_000L;

    private final PrintWriter err;
    private final String zhVerb;
    private final String enVerb;
    private final long start = System.nanoTime();
    private long lastShown;
    private boolean shown;

    Progress(PrintWriter err, String zhVerb, String enVerb) {
        this.err = err;
        this.zhVerb = zhVerb;
        this.enVerb = enVerb;
    }

    void check(long rows) {
        long now = System.nanoTime();
        if (now - start >= SECOND && (!shown || now - lastShown >= SECOND)) {
            show(rows);
            lastShown = now;
            shown = true;
        }
    }

    private void show(long rows) {
        err.print("\r" + zhVerb + " " + rows + " 例 / " + enVerb + " " + rows + " cases");
        err.flush();
    }

    /** Ends the progress line (showing the final count) so the summary starts on its own line. */
    void finish(long rows) {
        if (shown) {
            show(rows);
            err.print('\n');
            err.flush();
        }
    }

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** {@code 用时 0.42 s，7143 例/秒} and {@code in 0.42 s, 7143 cases/s}. */
    String[] timing(long rows) {
        double s = seconds();
        String time = String.format(Locale.ROOT, s < 10 ? "%.2f" : "%.1f", s);
        long rate = s > 0 ? Math.round(rows / s) : 0;
        return new String[] {"用时 " + time + " s，" + rate + " 例/秒", "in " + time + " s, " + rate + " cases/s"};
    }
}
