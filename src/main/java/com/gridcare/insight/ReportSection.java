package com.gridcare.insight;

import java.util.List;
import java.util.function.Function;

/**
 * One view of the monthly service report and the service dashboard: a table of figures broken down by
 * some dimensions, one sheet of the workbook. A feature adds its figures by declaring a Spring bean that
 * implements this interface; the report, its CSV and workbook, the dashboard and the drill-down to the
 * cases pick it up without change (see docs/service-report.md).
 *
 * <p>A section answers {@linkplain #facts facts}: one per case (or per event of a case: a clock, an
 * escalation) with its dimension values and one number per figure. The report sums them into rows; the
 * drill-down lists the cases of the facts behind a figure, so a figure and its cases always agree.
 */
public interface ReportSection {

    /** Short stable id, used in the API ({@code section=sla}) and the dashboard. */
    String id();

    /** Where the section comes in the report and the workbook (lower first). */
    int order();

    Label title();

    /**
     * The dimensions rows are broken down by, in order. {@link Dimension#GROUP} and {@link Dimension#CATEGORY}
     * are filled from the case when a fact leaves them {@code null}.
     */
    List<Dimension> dimensions();

    List<Figure> figures();

    /** The facts of the month (all groups and categories: the report filters). */
    List<Fact> facts(ReportScope scope);

    /** A section from its parts; {@code facts} answers {@link #facts}. */
    static ReportSection of(String id, int order, Label title, List<Dimension> dimensions, List<Figure> figures,
            Function<ReportScope, List<Fact>> facts) {
        record Section(String id, int order, Label title, List<Dimension> dimensions, List<Figure> figures,
                Function<ReportScope, List<Fact>> source) implements ReportSection {
            @Override
            public List<Fact> facts(ReportScope scope) {
                return source.apply(scope);
            }
        }
        return new Section(id, order, title, dimensions, figures, facts);
    }
}
