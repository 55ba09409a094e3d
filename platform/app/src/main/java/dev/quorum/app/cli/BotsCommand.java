package dev.quorum.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.quorum.core.engine.BotReport;
import dev.quorum.core.journal.LearnerRecords;
import dev.quorum.core.journal.PredictionRecords;
import dev.quorum.core.learning.LearnerDesk;
import dev.quorum.core.learning.BotHealth;
import dev.quorum.core.journal.RunJournal;
import dev.quorum.core.journal.RunRecord;
import dev.quorum.core.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quorum bots}: each bot of a stored run, its state and its predictions' record at every horizon. */
@Command(name = "bots", mixinStandardHelpOptions = true,
        description = {"Show each bot of a stored run (the latest finished one by default): its state, its weight in the vote,",
                "and how its predictions turned out at each horizon (learning.horizons)."})
final class BotsCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;
    @Mixin
    private ConfigOption config;
    @Option(names = "--run", paramLabel = "N", description = "The run to show (see the run numbers printed by backtest and replay).")
    private Long run;
    @Option(names = "--by", paramLabel = "MEASURE",
            description = "Also show each bot's hit rate at the first horizon per bucket of one measure of the market situation:"
                    + " regime, volatility, volume or momentum.")
    private String by;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = config.workspace().openDatabase()) {
            RunJournal journal = new RunJournal(db, Clock.systemUTC());
            Optional<RunRecord> chosen = run != null ? journal.run(run)
                    : journal.runs().stream().filter(r -> r.status().equals("FINISHED")).findFirst();
            if (chosen.isEmpty()) {
                if (run != null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--run " + run + ": no such run (the runs are "
                            + journal.runs().stream().map(r -> Long.toString(r.id())).toList() + ")");
                }
                out.println("no finished run yet: ./quorum backtest makes one");
                return 0;
            }
            if (by != null && !PredictionRecords.MEASURES.contains(by)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--by " + by + ": expected one of "
                        + String.join(", ", PredictionRecords.MEASURES));
            }
            print(out, chosen.get(), journal.bots(chosen.get().id()), new PredictionRecords(db), new LearnerRecords(db));
            if (by != null) {
                printBySituation(out, chosen.get().id(), new PredictionRecords(db), by);
            }
        }
        return 0;
    }

    private static void print(PrintWriter out, RunRecord r, List<BotReport> bots, PredictionRecords records, LearnerRecords learners) {
        Map<String, Map<String, Double>> weights = learners.weights(r.id());
        List<PredictionRecords.BotRecord> byBot = records.byBot(r.id());
        List<Duration> horizons = records.horizons(r.id());
        Map<String, PredictionRecords.BotRecord> record = new HashMap<>();
        byBot.forEach(b -> record.put(b.bot(), b));
        Map<String, PredictionRecords.HealthChange> lastChange = new HashMap<>();
        List<PredictionRecords.HealthChange> changes = records.healthChanges(r.id());
        changes.forEach(c -> lastChange.put(c.bot(), c));
        long total = byBot.stream().mapToLong(PredictionRecords.BotRecord::predictions).sum();
        out.printf(Locale.ROOT, "Run %d: %s of %s %s, %s; %s, %d bots, %s predictions%n", r.id(), r.kind(), String.join(", ", r.symbols()),
                r.timeframe(), r.from().atZone(java.time.ZoneOffset.UTC).toLocalDate() + " .. "
                        + r.to().minusMillis(1).atZone(java.time.ZoneOffset.UTC).toLocalDate(), r.status(), bots.size(), Format.count(total));
        out.println("A prediction is a bot's LONG or SHORT call (made again every learning.cadence bars while it holds); a hit:");
        out.println("the price moved the called way by the horizon (mean move: before fees). WEIGHT: the bot's weight in the vote when");
        out.println("the run ended, the mean over the symbols (1 without learners; learning.learners).");
        out.println("STATE is the bot's health at the end of the run; every change, with its reason: below the table.");
        out.println();
        List<String> header = new ArrayList<>(List.of("BOT", "STRATEGY", "STATE", "STRIKES", "WEIGHT", "PREDICTIONS"));
        horizons.forEach(h -> header.add("HIT " + span(h)));
        horizons.forEach(h -> header.add("MOVE " + span(h)));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (BotReport b : bots) {
            PredictionRecords.HealthChange change = lastChange.get(b.bot());
            String state = b.suspended() ? "SUSPENDED (errors)" : change == null ? "ACTIVE" : change.transition().to().name();
            List<String> row = new ArrayList<>(List.of(b.bot(), b.strategy(), state,
                    Integer.toString(change == null ? 0 : change.transition().strikes()), weight(weights.get(b.bot()))));
            PredictionRecords.BotRecord rec = record.get(b.bot());
            row.add(Format.count(rec == null ? 0 : rec.predictions()));
            for (int i = 0; i < horizons.size(); i++) {
                PredictionRecords.HorizonRecord h = rec == null ? null : rec.horizons().get(i);
                row.add(h == null || h.judged() == 0 ? "-" : Format.percent(h.hitRate()) + " of " + Format.count(h.judged()));
            }
            for (int i = 0; i < horizons.size(); i++) {
                PredictionRecords.HorizonRecord h = rec == null ? null : rec.horizons().get(i);
                row.add(h == null || h.judged() == 0 ? "-" : String.format(Locale.ROOT, "%+.3f%%", h.meanMove() * 100));
            }
            rows.add(row);
        }
        Format.table(out, rows, 3);
        printFigures(out, bots, learners.figures(r.id()));
        if (!changes.isEmpty()) {
            out.println();
            out.println("Health changes:");
            for (PredictionRecords.HealthChange c : changes) {
                BotHealth.Transition t = c.transition();
                out.printf(Locale.ROOT, "  %s  %-16s %s -> %s: %s%n", t.time(), c.bot(), t.from(), t.to(), t.reason());
            }
        }
        if (horizons.isEmpty()) {
            out.println();
            out.println("(no prediction of this run was judged: learning.enabled is false, or the data ended before the first horizon)");
        }
    }

    private static String weight(Map<String, Double> perSymbol) {
        if (perSymbol == null || perSymbol.isEmpty()) {
            return "1.00";
        }
        double mean = perSymbol.values().stream().mapToDouble(Double::doubleValue).average().orElse(1);
        return String.format(Locale.ROOT, "%.2f", mean);
    }

    /** The learners' figures per bot (trust, calibration, ...): one column per learner and figure. */
    private static void printFigures(PrintWriter out, List<BotReport> bots, List<LearnerDesk.Figure> figures) {
        if (figures.isEmpty()) {
            return;
        }
        java.util.LinkedHashMap<String, String> columns = new java.util.LinkedHashMap<>(); // "learner figure" -> header
        Map<String, Double> value = new HashMap<>();
        java.util.Map<String, List<String>> whole = new java.util.TreeMap<>(); // figures on a learner as a whole
        for (LearnerDesk.Figure f : figures) {
            if (f.bot().equals(LearnerDesk.WHOLE)) {
                whole.computeIfAbsent(f.learner(), l -> new ArrayList<>()).add(f.figure() + " " + (f.value() == Math.rint(f.value())
                        ? Format.count((long) f.value()) : String.format(Locale.ROOT, "%.3f", f.value())));
                continue;
            }
            columns.putIfAbsent(f.learner() + " " + f.figure(), f.figure().toUpperCase(Locale.ROOT));
            value.put(f.bot() + " " + f.learner() + " " + f.figure(), f.value());
        }
        out.println();
        out.println("What the learners report on each bot at the end of the run (README, \"Learning\", says what each figure is):");
        List<String> learnerRow = new ArrayList<>(List.of(""));
        List<String> header = new ArrayList<>(List.of("BOT"));
        String previous = null;
        for (Map.Entry<String, String> c : columns.entrySet()) {
            String learner = c.getKey().substring(0, c.getKey().indexOf(' '));
            learnerRow.add(learner.equals(previous) ? "" : learner);
            previous = learner;
            header.add(c.getValue());
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(learnerRow);
        rows.add(header);
        for (BotReport b : bots) {
            List<String> row = new ArrayList<>(List.of(b.bot()));
            for (String c : columns.keySet()) {
                Double v = value.get(b.bot() + " " + c);
                row.add(v == null ? "-" : String.format(Locale.ROOT, "%.3f", v));
            }
            rows.add(row);
        }
        Format.table(out, rows, 1);
        whole.forEach((learner, list) -> out.println(learner + " as a whole: " + String.join(", ", list)));
    }

    private static void printBySituation(PrintWriter out, long runId, PredictionRecords records, String measure) {
        List<Duration> horizons = records.horizons(runId);
        out.println();
        if (horizons.isEmpty()) {
            out.println("(no judged prediction to show by " + measure + ")");
            return;
        }
        Duration h = horizons.get(0);
        Map<String, Map<String, PredictionRecords.HorizonRecord>> table = records.bySituation(runId, measure, h);
        java.util.SortedSet<String> buckets = new java.util.TreeSet<>(java.util.Comparator.comparingInt(PredictionRecords::bucketOrder));
        table.values().forEach(m -> buckets.addAll(m.keySet()));
        out.println("Hit rate at " + span(h) + " by " + measure + " when the call was made (right of judged):");
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("BOT"));
        header.addAll(buckets);
        rows.add(header);
        table.forEach((bot, byBucket) -> {
            List<String> row = new ArrayList<>(List.of(bot));
            for (String bucket : buckets) {
                PredictionRecords.HorizonRecord r = byBucket.get(bucket);
                row.add(r == null ? "-" : Format.percent(r.hitRate()) + " of " + Format.count(r.judged()));
            }
            rows.add(row);
        });
        Format.table(out, rows, 1);
    }

    private static String span(Duration d) {
        long minutes = d.toMinutes();
        return minutes % 1440 == 0 ? minutes / 1440 + "d" : minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }
}
