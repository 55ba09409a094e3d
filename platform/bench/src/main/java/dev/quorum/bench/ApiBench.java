package dev.quorum.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.quorum.api.Timeframe;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.data.CsvBarImporter;
import dev.quorum.core.engine.BacktestReport;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.engine.ProgressListener;
import dev.quorum.core.engine.RunStop;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.report.ReportFolder;
import dev.quorum.core.store.Database;
import dev.quorum.server.ApiToken;
import dev.quorum.server.EventHub;
import dev.quorum.server.LiveSession;
import dev.quorum.server.QuorumServer;
import dev.quorum.server.ReportRoutes;
import dev.quorum.server.ServerSettings;
import dev.quorum.server.SessionRoutes;

/**
 * {@code ./quorum bench --api}: the paper session's API under load while the engine runs. A session (the four bundled
 * technical strategies tuned to trade often, the H2 journal, the live observer that feeds the dashboard) runs at full
 * speed over days of 1-minute random-walk bars for three symbols, first alone, then with concurrent clients on loopback
 * that ask for {@code /api/status} and {@code /api/trades?size=50} back to back for as long as the run lasts. It prints the
 * engine's bars per second in both (the median of the runs), how much the load took off it, and each endpoint's
 * requests per second and latency percentiles. Loopback only, stops by itself.
 */
final class ApiBench {

    /** The stated margin: under the paced load, the engine keeps at least this share of its bars per second. */
    static final double MIN_KEPT = 0.80;
    /** The paced load: requests per second per client (4 clients: 100 a second, like a hundred dashboards polling once a second). */
    static final double RATE_PER_CLIENT = 25;

    private ApiBench() {
    }

    static void run(boolean quick, Path pluginsDir) throws Exception {
        int days = quick ? 14 : 28;
        int runs = quick ? 3 : 5;
        int clients = 4;
        LocalDate lastDay = ReportBench.FIRST_DAY.plusDays(days - 1);
        int barsPerSymbol = days * 24 * 60;
        out("Quorum API benchmark%s: the paper session's API under load while the engine runs", quick ? " (quick)" : "");
        out("JDK %s (%s), %d cores, max heap %,d MiB", Runtime.version(), System.getProperty("java.vm.vendor"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1048576);
        out("Data: NOT real candles: %d days of 1-minute bars of 3 seeded random walks (%,d bars); the engine at full speed with the"
                + " H2 journal and the dashboard's observer", days, 3L * barsPerSymbol);
        Path work = Files.createTempDirectory("quorum-bench-api");
        try {
            Path plugins = Files.createDirectories(work.resolve("plugins"));
            for (String id : List.of("technical.zip", "risk-basic.zip")) {
                Files.copy(pluginsDir.resolve(id), plugins.resolve(id));
            }
            String url = Database.fileUrl(work.resolve("db/quorum"));
            QuorumConfig config = ReportBench.config(url, plugins, work.resolve("reports"), lastDay);
            try (Database db = Database.open(url); PluginHost host = PluginHost.start(plugins); EventHub events = new EventHub()) {
                for (ReportBench.Walk w : ReportBench.WALKS) {
                    Path csv = work.resolve(w.symbol() + "_1m.csv");
                    ReportBench.writeCsv(csv, RandomWalk.stream(w.symbol(), barsPerSymbol, w.seed(), w.startPrice()));
                    new CsvBarImporter(db, Clock.systemUTC()).importCsv(csv, w.symbol(), Timeframe.M1);
                    Files.delete(csv);
                }
                ApiToken token = ApiToken.loadOrCreate(work.resolve("server-token")).token();
                List<String> bots = config.bots().stream().map(b -> b.name()).toList();
                // one server for the whole benchmark; each run gets a new session behind the same routes
                SessionHolder holder = new SessionHolder(config, bots, events);
                try (QuorumServer server = QuorumServer.start(new ServerSettings("127.0.0.1", 0), token, List.of(
                        new ReportRoutes(new ReportFolder(work.resolve("reports"))), holder.routes(db, host)))) {
                    out("Server: %s (loopback); %d clients, each asking GET /api/status and GET /api/trades?size=50 in turn:"
                            + " paced at %.0f requests/s each (%.0f/s in all), then back to back (as many as the server answers)",
                            server.baseUri(), clients, RATE_PER_CLIENT, clients * RATE_PER_CLIENT);
                    out("%nwarm-up: three runs alone, one under each load, not counted");
                    for (int i = 0; i < 3; i++) {
                        session(db, host, config, holder, server, token, 0, 0);
                    }
                    session(db, host, config, holder, server, token, clients, RATE_PER_CLIENT);
                    session(db, host, config, holder, server, token, clients, 0);
                    List<Result> alone = new ArrayList<>();
                    List<Result> loaded = new ArrayList<>();
                    List<Result> saturated = new ArrayList<>();
                    for (int i = 0; i < runs; i++) {
                        alone.add(session(db, host, config, holder, server, token, 0, 0));
                        loaded.add(session(db, host, config, holder, server, token, clients, RATE_PER_CLIENT));
                        saturated.add(session(db, host, config, holder, server, token, clients, 0));
                    }
                    double aloneRate = median(alone.stream().mapToDouble(Result::barsPerSecond).toArray());
                    double loadedRate = median(loaded.stream().mapToDouble(Result::barsPerSecond).toArray());
                    double saturatedRate = median(saturated.stream().mapToDouble(Result::barsPerSecond).toArray());
                    long[] satStatus = saturated.stream().flatMapToLong(r -> Arrays.stream(r.statusNanos())).sorted().toArray();
                    long[] satTrades = saturated.stream().flatMapToLong(r -> Arrays.stream(r.tradesNanos())).sorted().toArray();
                    double satSeconds = saturated.stream().mapToDouble(Result::seconds).sum();
                    long[] status = loaded.stream().flatMapToLong(r -> Arrays.stream(r.statusNanos())).sorted().toArray();
                    long[] trades = loaded.stream().flatMapToLong(r -> Arrays.stream(r.tradesNanos())).sorted().toArray();
                    double seconds = loaded.stream().mapToDouble(Result::seconds).sum();
                    int errors = loaded.stream().mapToInt(Result::errors).sum() + saturated.stream().mapToInt(Result::errors).sum();
                    double kept = loadedRate / aloneRate;
                    out("%n%-26s %12s %10s", "engine", "bars/s", "runs");
                    out("%-26s %,12.0f %10d   (median; %s)", "alone", aloneRate, runs, rates(alone));
                    out("%-26s %,12.0f %10d   (median; %s)", String.format(Locale.ROOT, "under %.0f requests/s", clients * RATE_PER_CLIENT),
                            loadedRate, runs, rates(loaded));
                    out("%-26s %,12.0f %10d   (median; %s)", "under back-to-back load", saturatedRate, runs, rates(saturated));
                    out("under %.0f requests a second the engine kept %.1f%% of its bars per second (a drop of %.1f%%); stated margin: it keeps"
                            + " at least %.0f%%: %s", clients * RATE_PER_CLIENT, 100 * kept, 100 * (1 - kept), 100 * MIN_KEPT,
                            kept >= MIN_KEPT ? "met" : "MISSED");
                    out("under back-to-back requests (the clients, the server and the engine share the %d cores) it kept %.1f%%",
                            Runtime.getRuntime().availableProcessors(), 100 * saturatedRate / aloneRate);
                    out("%n%-34s %10s %12s %10s %10s %10s", "endpoint", "requests", "requests/s", "p50 ms", "p99 ms", "max ms");
                    endpoint("GET /api/status (paced)", status, seconds);
                    endpoint("GET /api/trades?size=50 (paced)", trades, seconds);
                    endpoint("GET /api/status (back to back)", satStatus, satSeconds);
                    endpoint("GET /api/trades?size=50 (back to back)", satTrades, satSeconds);
                    out("failed requests: %d (any status but 200, or no answer)", errors);
                    System.out.println();
                    System.out.printf(Locale.ROOT, "api.engine_bars_per_s.alone=%.0f%n", aloneRate);
                    System.out.printf(Locale.ROOT, "api.engine_bars_per_s.loaded=%.0f%n", loadedRate);
                    System.out.printf(Locale.ROOT, "api.engine_kept=%.3f%n", kept);
                    System.out.printf(Locale.ROOT, "api.engine_kept.back_to_back=%.3f%n", saturatedRate / aloneRate);
                    System.out.printf(Locale.ROOT, "api.back_to_back.rps=%.0f%n", (satStatus.length + satTrades.length) / satSeconds);
                    System.out.printf(Locale.ROOT, "api.status.rps=%.0f%n", status.length / seconds);
                    System.out.printf(Locale.ROOT, "api.status.p99_ms=%.2f%n", percentile(status, 0.99) / 1e6);
                    System.out.printf(Locale.ROOT, "api.trades.rps=%.0f%n", trades.length / seconds);
                    System.out.printf(Locale.ROOT, "api.trades.p99_ms=%.2f%n", percentile(trades, 0.99) / 1e6);
                    System.out.printf(Locale.ROOT, "api.errors=%d%n", errors);
                    System.out.printf(Locale.ROOT, "api.target_met=%s%n", kept >= MIN_KEPT && errors == 0);
                }
            }
        } finally {
            ReportBench.deleteTree(work);
        }
    }

    /** The session the routes show: each run gets a new one. */
    private static final class SessionHolder {
        private final QuorumConfig config;
        private final List<String> bots;
        private final EventHub events;
        private volatile LiveSession session;

        SessionHolder(QuorumConfig config, List<String> bots, EventHub events) {
            this.config = config;
            this.bots = bots;
            this.events = events;
            this.session = fresh();
        }

        LiveSession fresh() {
            session = new LiveSession(config, bots, 0, Clock.systemUTC(), events);
            return session;
        }

        dev.quorum.server.Routes routes(Database db, PluginHost host) {
            return new SessionRoutes(() -> session, db, events, host::statuses, List::of);
        }
    }

    private record Result(double seconds, long bars, long[] statusNanos, long[] tradesNanos, int errors) {
        double barsPerSecond() {
            return bars / seconds;
        }
    }

    /** One run of the session, with {@code clients} asking at {@code rate} requests a second each (0: back to back). */
    private static Result session(Database db, PluginHost host, QuorumConfig config, SessionHolder holder, QuorumServer server, ApiToken token,
                                  int clients, double rate) throws Exception {
        LiveSession session = holder.fresh();
        BacktestRunner runner = new BacktestRunner(db, host, Path.of("."), Clock.systemUTC()).observedBy(session::observerFor);
        AtomicBoolean running = new AtomicBoolean(true);
        List<long[]> status = new ArrayList<>();
        List<long[]> trades = new ArrayList<>();
        int[] errors = new int[1];
        CountDownLatch done = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                long[] s = new long[1 << 20];
                long[] tr = new long[1 << 20];
                int ns = 0;
                int nt = 0;
                int err = 0;
                try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
                    HttpRequest statusRequest = request(server, token, "/api/status");
                    HttpRequest tradesRequest = request(server, token, "/api/trades?size=50");
                    boolean even = true;
                    long interval = rate > 0 ? (long) (1e9 / rate) : 0;
                    long due = System.nanoTime();
                    while (running.get()) {
                        if (interval > 0) {
                            // paced: the next request at its time; one that is late goes at once, without a catch-up burst
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                java.util.concurrent.locks.LockSupport.parkNanos(wait);
                            }
                            due = Math.max(due + interval, System.nanoTime());
                        }
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = http.send(even ? statusRequest : tradesRequest, HttpResponse.BodyHandlers.ofByteArray());
                            if (r.statusCode() != 200) {
                                err++;
                            }
                        } catch (java.io.IOException e) {
                            err++;
                        } catch (InterruptedException e) {
                            break;
                        }
                        long took = System.nanoTime() - t0;
                        if (even && ns < s.length) {
                            s[ns++] = took;
                        } else if (!even && nt < tr.length) {
                            tr[nt++] = took;
                        }
                        even = !even;
                    }
                } finally {
                    synchronized (status) {
                        status.add(Arrays.copyOf(s, ns));
                        trades.add(Arrays.copyOf(tr, nt));
                        errors[0] += err;
                    }
                    done.countDown();
                }
            }, "api-client-" + c);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        long t0 = System.nanoTime();
        BacktestReport report = runner.run(config, ProgressListener.NONE, "paper", b -> b, null, RunStop.never());
        double seconds = (System.nanoTime() - t0) / 1e9;
        running.set(false);
        done.await();
        Result r = new Result(seconds, report.result().bars(), status.stream().flatMapToLong(Arrays::stream).toArray(),
                trades.stream().flatMapToLong(Arrays::stream).toArray(), errors[0]);
        out("  run %d, %s: %,d bars in %.2f s = %,.0f bars/s, %,d trades%s", report.runId(), clients == 0 ? "alone"
                        : rate > 0 ? String.format(Locale.ROOT, "%d clients at %.0f/s", clients, rate) : clients + " clients back to back",
                report.result().bars(), seconds, r.barsPerSecond(), report.trades().size(),
                clients == 0 ? "" : String.format(Locale.ROOT, ", %,d requests", r.statusNanos().length + r.tradesNanos().length));
        return r;
    }

    private static HttpRequest request(QuorumServer server, ApiToken token, String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUri() + path)).header("Authorization", "Bearer " + token.reveal())
                .timeout(Duration.ofSeconds(10)).GET().build();
    }

    private static String rates(List<Result> results) {
        return String.join(", ", results.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r.barsPerSecond())).toList());
    }

    private static void endpoint(String name, long[] sorted, double seconds) {
        out("%-34s %,10d %,12.0f %10.2f %10.2f %10.2f", name, sorted.length, sorted.length / seconds, percentile(sorted, 0.5) / 1e6,
                percentile(sorted, 0.99) / 1e6, sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void out(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
