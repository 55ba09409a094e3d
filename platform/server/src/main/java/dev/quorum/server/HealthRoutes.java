package dev.quorum.server;

import java.io.IOException;
import java.util.Objects;

import dev.quorum.core.report.ReportFolder;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code GET /api/health}: {@code {"status":"ok","reports":<count>}} while the server can read its reports. */
public final class HealthRoutes implements Routes {

    /** The body of a health response. */
    record Health(String status, int reports) {
    }

    private final ReportFolder reports;

    /**
     * The health endpoint.
     *
     * @param reports the folder whose reports are counted
     */
    public HealthRoutes(ReportFolder reports) {
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/health", this::health);
    }

    private void health(Context ctx) throws IOException {
        ctx.json(new Health("ok", reports.list().size()));
    }
}
