package dev.quorum.server;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.quorum.core.report.ReportFolder;
import dev.quorum.core.report.StoredReport;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.NotFoundResponse;

/**
 * The daily reports: {@code GET /api/reports} lists them newest first, {@code GET /api/reports/YYYY-MM-DD.pdf}
 * downloads one. The download accepts nothing but a valid date followed by {@code .pdf} and looks the file
 * up through {@link ReportFolder#find(LocalDate)}; the path of the request is never used as a file name, so
 * no request can read anything outside the folder.
 */
public final class ReportRoutes implements Routes {

    /** One entry of the listing. */
    record ReportEntry(String date, long size, String sha256, String url) {
    }

    private static final String PREFIX = "/api/reports";
    private static final String PDF = ".pdf";

    private final ReportFolder reports;

    /**
     * The report endpoints.
     *
     * @param reports the folder the reports are listed and served from
     */
    public ReportRoutes(ReportFolder reports) {
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PREFIX, this::list);
        routes.get(PREFIX + "/{file}", this::download);
        routes.head(PREFIX + "/{file}", this::download); // Jetty sends the headers only
    }

    private void list(Context ctx) throws IOException {
        List<ReportEntry> entries = reports.list().stream()
                .map(r -> new ReportEntry(r.day().toString(), r.size(), r.sha256(), PREFIX + "/" + r.day() + PDF))
                .toList();
        ctx.json(entries);
    }

    private void download(Context ctx) throws IOException {
        String name = ctx.pathParam("file");
        LocalDate day = dayOf(name);
        StoredReport report = reports.find(day)
                .orElseThrow(() -> new NotFoundResponse("no report for " + day));
        FileChannel channel;
        try {
            channel = FileChannel.open(report.file(), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new NotFoundResponse("no report for " + day); // deleted by retention since find()
        }
        try {
            // the size of the file as opened: a report replaced meanwhile is still served whole, old or new
            long size = channel.size();
            ctx.contentType("application/pdf")
                    .header(Header.CONTENT_DISPOSITION, "attachment; filename=\"" + report.file().getFileName() + "\"")
                    .header(Header.CONTENT_LENGTH, Long.toString(size))
                    .result(Channels.newInputStream(channel)); // Javalin closes it once written
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static LocalDate dayOf(String name) {
        Optional<LocalDate> day = name.endsWith(PDF)
                ? ReportFolder.parseDay(name.substring(0, name.length() - PDF.length()))
                : Optional.empty();
        return day.orElseThrow(() -> new BadRequestResponse(
                "expected a report name YYYY-MM-DD.pdf with a valid date, e.g. 2024-03-14.pdf, got \"" + printable(name) + "\""));
    }

    /** The name as given, cut short and with control characters escaped, for an error message. */
    private static String printable(String name) {
        String cut = name.length() > 80 ? name.substring(0, 80) + "..." : name;
        StringBuilder sb = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
