package dev.quorum.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.quorum.api.Bar;
import dev.quorum.api.BarQuery;
import dev.quorum.api.BarStream;
import dev.quorum.core.data.CandleStore;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.journal.RunJournal;
import dev.quorum.core.plugin.PluginStatus;
import dev.quorum.core.store.Database;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

/**
 * The API of a running paper session ({@code ./quorum run}), beside the reports' ({@link ReportRoutes}):
 * <ul>
 *   <li>{@code GET /api/status}: the session, its engine clock, equity, cash and open positions;</li>
 *   <li>{@code GET /api/trades?page=1&size=50&bot=&symbol=&day=YYYY-MM-DD}: its closed trades, newest first, paged and
 *       filtered (a bot's trades are those it voted for);</li>
 *   <li>{@code GET /api/bots}: each bot's weight, health and recent accuracy;</li>
 *   <li>{@code GET /api/equity}: the stored equity curve and the point now;</li>
 *   <li>{@code GET /api/candles?symbol=&after=&limit=}: a symbol's bars up to the engine clock (never past it);</li>
 *   <li>{@code GET /api/plugins}, {@code GET /api/scripts}: their state and errors;</li>
 *   <li>{@code GET /api/config}: the session's configuration, secrets redacted;</li>
 *   <li>WebSocket {@code /ws}: the session's changes as they happen ({@link EventHub}).</li>
 * </ul>
 * A bad parameter is a 400 naming it, its value and what is expected.
 */
public final class SessionRoutes implements Routes {

    /** The most trades one page holds. */
    static final int MAX_PAGE = 500;
    /** The most bars one candles request returns. */
    static final int MAX_BARS = 2_000;
    private static final Pattern SECRET = Pattern.compile("(?i).*(pass|pwd|secret|token|key|credential|auth|private).*");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)((?:password|pwd)=)[^;&]*");
    private static final Pattern URL_USERINFO = Pattern.compile("(://[^/@:]*:)[^/@]*@");

    private final Supplier<LiveSession> sessions;
    private final Database database;
    private final EventHub events;
    private final Supplier<List<PluginStatus>> plugins;
    private final Supplier<List<Map<String, Object>>> scripts;
    // what enables and disables plugins from the next start; null: they are only listed
    private final dev.quorum.core.plugin.PluginHost control;

    /**
     * @param session  the session
     * @param database its store
     * @param events   where the WebSocket clients join
     * @param plugins  the plugins' state now
     * @param scripts  the scripts' state now (name, file, state, last error with its line)
     */
    public SessionRoutes(LiveSession session, Database database, EventHub events, Supplier<List<PluginStatus>> plugins,
                         Supplier<List<Map<String, Object>>> scripts) {
        this(() -> session, database, events, plugins, scripts, null);
    }

    /**
     * The routes with the plugins listed from the host and enabled or disabled through it, from the next start
     * ({@code POST /api/plugins/ID/enable|disable}).
     *
     * @param session  the session
     * @param database its store
     * @param events   where the WebSocket clients join
     * @param host     the plugins
     * @param scripts  the scripts' state now
     */
    public SessionRoutes(LiveSession session, Database database, EventHub events, dev.quorum.core.plugin.PluginHost host,
                         Supplier<List<Map<String, Object>>> scripts) {
        this(() -> session, database, events, host::statuses, scripts, host);
    }

    /**
     * @param sessions the session of the moment (a benchmark runs one after another behind the same routes)
     * @param database its store
     * @param events   where the WebSocket clients join
     * @param plugins  the plugins' state now
     * @param scripts  the scripts' state now
     */
    public SessionRoutes(Supplier<LiveSession> sessions, Database database, EventHub events, Supplier<List<PluginStatus>> plugins,
                         Supplier<List<Map<String, Object>>> scripts) {
        this(sessions, database, events, plugins, scripts, null);
    }

    private SessionRoutes(Supplier<LiveSession> sessions, Database database, EventHub events, Supplier<List<PluginStatus>> plugins,
                          Supplier<List<Map<String, Object>>> scripts, dev.quorum.core.plugin.PluginHost control) {
        this.control = control;
        this.sessions = sessions;
        this.database = database;
        this.events = events;
        this.plugins = plugins;
        this.scripts = scripts;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/status", ctx -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("session", session().describe());
            body.put("status", session().status());
            body.put("clients", events.clients());
            ctx.json(body);
        });
        routes.get("/api/trades", this::trades);
        routes.get("/api/bots", ctx -> ctx.json(Map.of("bots", session().bots())));
        routes.get("/api/equity", this::equity);
        routes.get("/api/candles", this::candles);
        routes.get("/api/plugins", ctx -> ctx.json(Map.of("plugins", plugins.get().stream().map(this::plugin).toList())));
        routes.post("/api/plugins/{id}/{action}", this::changePlugin);
        routes.get("/api/scripts", ctx -> ctx.json(Map.of("scripts", scripts.get())));
        routes.get("/api/config", ctx -> ctx.json(redacted(new ObjectMapper().readTree(BacktestRunner.json(session().config())))));
        routes.ws("/ws", ws -> {
            ws.onConnect(ctx -> {
                ctx.enableAutomaticPings(15, java.util.concurrent.TimeUnit.SECONDS);
                events.join(ctx, Json.mapper().writeValueAsString(Map.of("type", "status", "data", session().status())));
            });
            ws.onClose(events::leave);
            ws.onError(events::leave);
        });
    }

    private LiveSession session() {
        return sessions.get();
    }

    /** Enables or disables a plugin from the next start; the running session keeps it as it is. */
    private void changePlugin(Context ctx) {
        String id = ctx.pathParam("id");
        String action = ctx.pathParam("action");
        if (!action.equals("enable") && !action.equals("disable")) {
            throw new BadRequestResponse("action " + action + ": expected enable or disable");
        }
        if (control == null) {
            throw new io.javalin.http.NotFoundResponse("plugins cannot be enabled or disabled from this server");
        }
        try {
            control.setEnabledFromNextStart(id, action.equals("enable"));
        } catch (IllegalArgumentException e) {
            throw new io.javalin.http.NotFoundResponse("no plugin " + id + " is installed");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("enabledAtNextStart", control.enabledAtNextStart(id));
        body.put("note", "from the next start of Quorum; this session keeps running with the plugin as it is");
        ctx.json(body);
    }

    private Map<String, Object> plugin(PluginStatus p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("version", p.version());
        m.put("state", p.health().name());
        m.put("message", p.message());
        m.put("errors", p.errors());
        m.put("extensions", p.extensions());
        if (control != null && !p.version().equals("?")) {
            m.put("enabledAtNextStart", control.enabledAtNextStart(p.id()));
        }
        return m;
    }


    private void trades(Context ctx) {
        int page = intParam(ctx, "page", 1, 1, Integer.MAX_VALUE);
        int size = intParam(ctx, "size", 50, 1, MAX_PAGE);
        String symbol = ctx.queryParam("symbol");
        if (symbol != null && !session().config().data().symbols().contains(symbol)) {
            throw new BadRequestResponse("symbol=" + symbol + ": the session trades " + String.join(", ", session().config().data().symbols()));
        }
        String bot = ctx.queryParam("bot");
        List<String> bots = session().bots().stream().map(LiveSession.BotRow::bot).toList();
        if (bot != null && !bots.contains(bot)) {
            throw new BadRequestResponse("bot=" + bot + ": the session's bots are " + String.join(", ", bots));
        }
        String dayText = ctx.queryParam("day");
        LocalDate day = null;
        if (dayText != null) {
            try {
                day = LocalDate.parse(dayText);
            } catch (DateTimeParseException e) {
                throw new BadRequestResponse("day=" + dayText + ": expected a date such as 2018-04-05 (UTC)");
            }
        }
        Instant from = day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = day == null ? null : day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long runId = session().status().runId(); // 0 until the run has started: no trades yet
        RunJournal.TradePage found = runId == 0 ? new RunJournal.TradePage(0, List.of())
                : new RunJournal(database, Clock.systemUTC()).tradePage(runId, symbol, bot, from, to, (int) Math.min((long) (page - 1) * size,
                Integer.MAX_VALUE), size);
        List<Map<String, Object>> rows = found.trades().stream().map(LiveSession::tradeEvent).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", page);
        body.put("size", size);
        body.put("total", found.total());
        body.put("trades", rows);
        ctx.json(body);
    }

    private void equity(Context ctx) {
        ctx.json(Map.of("points", session().equityCurve()));
    }

    private void candles(Context ctx) {
        String symbol = ctx.queryParam("symbol");
        if (symbol == null || !session().config().data().symbols().contains(symbol)) {
            throw new BadRequestResponse("symbol=" + symbol + ": expected one of " + String.join(", ", session().config().data().symbols()));
        }
        int limit = intParam(ctx, "limit", 500, 1, MAX_BARS);
        Instant clock = session().status().clock();
        if (clock == null) {
            ctx.json(Map.of("symbol", symbol, "bars", List.of()));
            return;
        }
        dev.quorum.api.Timeframe tf = session().config().data().baseTimeframe();
        Duration span = tf.duration().multipliedBy(limit);
        Instant from = clock.minus(span);
        String after = ctx.queryParam("after");
        if (after != null) {
            try {
                Instant a = Instant.parse(after);
                from = a.isAfter(from) ? a.plusMillis(1) : from;
            } catch (DateTimeParseException e) {
                throw new BadRequestResponse("after=" + after + ": expected an instant such as 2018-04-05T12:00:00Z");
            }
        }
        // open times up to clock - timeframe: the bars that have closed by the engine clock, never one from its future
        Instant to = clock.minus(tf.duration()).plusMillis(1);
        List<Map<String, Object>> bars = new ArrayList<>();
        if (from.isBefore(to)) {
            try (BarStream stream = new CandleStore(database).bars(new BarQuery(List.of(symbol), session().config().data().baseTimeframe(),
                    from, to))) {
                while (stream.hasNext()) {
                    Bar b = stream.next();
                    bars.add(Map.of("time", b.openTime().getEpochSecond(), "open", b.open(), "high", b.high(), "low", b.low(), "close", b.close()));
                }
            }
        }
        ctx.json(Map.of("symbol", symbol, "bars", bars));
    }

    private static int intParam(Context ctx, String name, int defaultValue, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            int v = Integer.parseInt(text);
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(String.format(Locale.ROOT, "%s=%s: expected a whole number from %d to %d", name, text, min, max));
        }
    }

    /** The configuration with every value whose key names a secret, and any password in a URL, replaced by ***. */
    static JsonNode redacted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode v = o.get(name);
                if (SECRET.matcher(name).matches() && v.isValueNode() && !v.isNull()) {
                    o.set(name, TextNode.valueOf("***"));
                } else {
                    o.set(name, redacted(v));
                }
            }
            return o;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, redacted(node.get(i)));
            }
            return node;
        }
        if (node.isTextual() && (URL_PASSWORD.matcher(node.asText()).find() || URL_USERINFO.matcher(node.asText()).find())) {
            return TextNode.valueOf(URL_USERINFO.matcher(URL_PASSWORD.matcher(node.asText()).replaceAll("$1***")).replaceAll("$1***@"));
        }
        return node;
    }
}
