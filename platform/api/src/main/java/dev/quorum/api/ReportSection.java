package dev.quorum.api;

import java.util.List;

import org.pf4j.ExtensionPoint;

/**
 * A report section: the extension point through which a plugin adds a titled section of text,
 * tables and charts to the daily PDF report.
 *
 * @since 1.0
 */
public interface ReportSection extends ExtensionPoint {

    /**
     * The section's id, title (as {@code name}) and description.
     *
     * @return the info
     * @since 1.0
     */
    ComponentInfo info();

    /**
     * Builds the section's content for one day.
     *
     * @param context the day and its trades
     * @return the blocks, in order; empty to leave the section out
     * @since 1.0
     */
    List<ReportBlock> render(ReportContext context);
}
