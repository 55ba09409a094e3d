package dev.quorum.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.quorum.core.journal.RunJournal;
import dev.quorum.core.journal.RunRecord;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.report.ReportFolder;
import dev.quorum.core.store.Database;
import dev.quorum.report.DailyReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code quorum report}: writes daily PDF reports of a stored run now. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the daily PDF report of a day (or of each day of a range) of a stored run, now.",
                "Files go to reports.dir as quorum-YYYY-MM-DD.pdf (written to a temporary file, then renamed).",
                "Every figure is computed from the run's stored trades, fills, equity curve and signal counts.",
                "Runs write their own reports as their engine clock passes each day (reports.duringRuns)."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOption config;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day to report, in reports.timezone.")
    private String date;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day of a range, inclusive (with --to).")
    private String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day of a range, inclusive (with --from).")
    private String to;

    @Option(names = "--run", paramLabel = "ID", description = "The run (default: the latest finished run that covers the day).")
    private Long runId;

    @Option(names = "--timezone", paramLabel = "ZONE", description = "The report's time zone (default: reports.timezone).")
    private String timezone;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Workspace ws = config.workspace();
        LocalDate first;
        LocalDate last;
        if (date != null) {
            if (from != null || to != null) {
                throw new ParameterException(spec.commandLine(), "give either --date or --from/--to, not both");
            }
            first = day("--date", date);
            last = first;
        } else if (from != null && to != null) {
            first = day("--from", from);
            last = day("--to", to);
            if (last.isBefore(first)) {
                throw new ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from);
            }
            if (first.plusDays(366).isBefore(last)) {
                throw new ParameterException(spec.commandLine(), "--from " + from + " --to " + to + " spans more than 366 days");
            }
        } else {
            throw new ParameterException(spec.commandLine(), "which day? give --date YYYY-MM-DD, or --from and --to");
        }
        ZoneId zone = ws.config().reports().zone();
        if (timezone != null) {
            try {
                zone = ZoneId.of(timezone);
            } catch (java.time.DateTimeException e) {
                throw new ParameterException(spec.commandLine(), "--timezone " + timezone + ": not a time zone; expected a region"
                        + " such as Europe/Berlin, UTC, or an offset such as +05:30");
            }
        }
        try (Database db = ws.openDatabase(); PluginHost host = ws.startPlugins()) {
            RunJournal journal = new RunJournal(db, Clock.systemUTC());
            DailyReports reports = ws.dailyReports(db, host);
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                long id = runId != null ? runId : latestCovering(journal, day, zone);
                DailyReports.Written w = reports.write(id, day, zone, null);
                out.println(describe(w, ws.workingDir()) + " (run " + id + ")");
                out.flush();
            }
        }
        return 0;
    }

    /**
     * @param w         a report written
     * @param workingDir the Quorum home, to print the path relative to it
     * @return one line: the day, the file, its pages, size, trades and the time it took
     */
    static String describe(DailyReports.Written w, Path workingDir) {
        Path shown = w.file().startsWith(workingDir) ? workingDir.relativize(w.file()) : w.file();
        return String.format(Locale.ROOT, "report %s: %s, %d page%s, %,d KB, %d trade%s, %.2f s", w.day(), shown, w.pages(),
                w.pages() == 1 ? "" : "s", (w.bytes() + 1023) / 1024, w.trades(), w.trades() == 1 ? "" : "s", w.took().toNanos() / 1e9);
    }

    private LocalDate day(String option, String text) {
        return ReportFolder.parseDay(text).orElseThrow(() -> new ParameterException(spec.commandLine(),
                option + " " + text + ": not a date; expected YYYY-MM-DD, such as 2018-04-05"));
    }

    private static long latestCovering(RunJournal journal, LocalDate day, ZoneId zone) {
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<RunRecord> runs = journal.runs();
        Optional<RunRecord> run = runs.stream().filter(r -> "FINISHED".equals(r.status()) && r.firstBar() != null
                && r.lastBar() != null && r.firstBar().isBefore(end) && r.lastBar().isAfter(start)).findFirst();
        return run.map(RunRecord::id).orElseThrow(() -> new IllegalArgumentException("no finished run covers " + day + " (" + zone
                + ")" + (runs.isEmpty() ? "; the store has no runs yet: run ./quorum backtest first"
                : "; finished runs: " + String.join(", ", runs.stream().filter(r -> "FINISHED".equals(r.status()) && r.firstBar() != null)
                .limit(10).map(r -> "#" + r.id() + " " + r.firstBar().atZone(zone).toLocalDate() + ".." + r.lastBar().minusMillis(1)
                        .atZone(zone).toLocalDate()).toList()))));
    }
}
