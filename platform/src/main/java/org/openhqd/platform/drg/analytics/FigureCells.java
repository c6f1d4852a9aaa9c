package org.openhqd.platform.drg.analytics;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * The figure cells of the page's table, formatted once in Java (a table of hundreds of DRG rows
 * would otherwise cost thousands of template expressions): the shown value, and as its tooltip the
 * numerator and denominator it is made of.
 */
final class FigureCells {

    /** One cell: the text shown ("—" without a denominator) and its numerator / denominator. */
    record Cell(String text, String title) {
    }

    /** A row of the page: the report row and its formatted figures. */
    record PageRow(AnalyticsRow row, List<Cell> cells) {
    }

    private final DecimalFormat integer = new DecimalFormat("#,##0");
    private final DecimalFormat one = new DecimalFormat("#,##0.0");
    private final DecimalFormat two = new DecimalFormat("#,##0.00");
    private final DecimalFormat four = new DecimalFormat("#,##0.0000");
    private final DecimalFormat plain = new DecimalFormat("#,##0.####");

    /** Formats rows (a new instance per request: DecimalFormat is not thread-safe). */
    static List<PageRow> of(List<AnalyticsRow> rows) {
        FigureCells f = new FigureCells();
        List<PageRow> out = new ArrayList<>(rows.size());
        for (AnalyticsRow r : rows) {
            out.add(new PageRow(r, f.cells(r)));
        }
        return out;
    }

    List<Cell> cells(AnalyticsRow r) {
        Indicators x = r.indicators();
        CubeSums s = r.sums();
        return List.of(
                new Cell(integer.format(s.cases()), null),
                ratio(x.groupingRate(), two, "%"),
                new Cell(Long.toString(x.drgCount()), null),
                new Cell(two.format(x.totalWeight()), null),
                ratio(x.cmi(), four, ""),
                ratio(x.costIndex(), four, ""),
                ratio(x.timeIndex(), four, ""),
                ratio(x.lowRiskMortality(), two, "%"),
                ratio(x.lowMidRiskMortality(), two, "%"),
                new Cell(percent(x.highOutlierShare()) + " / " + percent(x.lowOutlierShare()),
                        s.highOutliers() + " / " + s.lowOutliers() + " / " + s.priced()),
                amount(x.totalCost()),
                ratio(x.costPerCase(), integer, ""),
                ratio(x.meanLos(), one, ""),
                amount(x.expectedPayment()),
                amount(x.profitLoss()));
    }

    private Cell ratio(Ratio v, DecimalFormat format, String unit) {
        String title = plain.format(v.numerator()) + " / " + plain.format(v.denominator());
        return new Cell(v.value() == null ? "—" : format.format(v.value()) + unit, title);
    }

    private String percent(Ratio v) {
        return v.value() == null ? "—" : two.format(v.value()) + "%";
    }

    private Cell amount(BigDecimal a) {
        return new Cell(integer.format(a), null);
    }
}
