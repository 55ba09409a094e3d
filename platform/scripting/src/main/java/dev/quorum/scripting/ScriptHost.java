package dev.quorum.scripting;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.graalvm.polyglot.HostAccess;

import dev.quorum.api.Bar;
import dev.quorum.api.BarHistory;
import dev.quorum.api.BandsIndicator;
import dev.quorum.api.Direction;
import dev.quorum.api.Indicator;
import dev.quorum.api.Indicators;
import dev.quorum.api.MarketView;
import dev.quorum.api.Position;
import dev.quorum.api.Signal;
import dev.quorum.api.StrategyContext;
import dev.quorum.api.Timeframe;

/**
 * The host side of one script instance: what the framework in {@code quorum-prelude.js} calls to build
 * {@code ctx} and to hand back the signal. Only the {@link HostAccess.Export exported} methods are
 * visible to the script, and they take and return numbers, strings and the read-only views
 * {@link ScriptBar}, {@link ScriptPosition}, {@link ScriptIndicator}. Not thread-safe: one engine thread.
 */
public final class ScriptHost {

    private final StrategyContext context;
    private final ScriptMeta meta;
    private final BoundedLog log;
    private MarketView view;
    private Bar lastBar;
    private ScriptBar lastScriptBar;
    private Position lastPosition;
    private ScriptPosition lastScriptPosition;
    // the outcome of the latest call
    private Signal signal;
    private String rejection;
    // the previous signal, reused when the next one is the same (most bars repeat a vote)
    private Signal cached = Signal.flat();
    private String cachedReason = "";
    private String lastReason = "";

    ScriptHost(StrategyContext context, ScriptMeta meta, BoundedLog log) {
        this.context = context;
        this.meta = meta;
        this.log = log;
    }

    void bind(MarketView view) {
        this.view = view;
        this.signal = null;
        this.rejection = null;
    }

    /** @return the signal of the latest call, or null when it was rejected (see {@link #rejection()}) */
    Signal signal() {
        return signal;
    }

    /** @return why the latest call's result was not a signal, or null */
    String rejection() {
        return rejection;
    }

    /** @return the symbol the instance votes on */
    @HostAccess.Export
    public String symbol() {
        return context.symbol();
    }

    /** @return the base timeframe, such as {@code "1m"} */
    @HostAccess.Export
    public String timeframe() {
        return context.timeframe().toString();
    }

    /** @return the bot's name */
    @HostAccess.Export
    public String botName() {
        return context.botName();
    }

    /** @return the parameters, defaults filled in, as a JSON object */
    @HostAccess.Export
    public String parametersJson() {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, Object> e : context.parameters().values().entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quote(e.getKey())).append(':');
            Object v = e.getValue();
            json.append(v instanceof String s ? quote(s) : String.valueOf(v));
        }
        return json.append('}').toString();
    }

    /** @return the bar that just closed */
    @HostAccess.Export
    public ScriptBar bar() {
        Bar bar = view.bar();
        if (bar != lastBar) {
            lastBar = bar;
            lastScriptBar = new ScriptBar(bar);
        }
        return lastScriptBar;
    }

    /** @return the open position on the symbol, or null */
    @HostAccess.Export
    public ScriptPosition position() {
        Optional<Position> p = view.position();
        if (p.isEmpty()) {
            return null;
        }
        if (p.get() != lastPosition) {
            lastPosition = p.get();
            lastScriptPosition = new ScriptPosition(lastPosition);
        }
        return lastScriptPosition;
    }

    /**
     * @param timeframe {@code ""} for the base timeframe, or a timeframe the script declares
     * @return how many closed bars of it can be read
     */
    @HostAccess.Export
    public int historySize(String timeframe) {
        return history(timeframe).size();
    }

    /**
     * @param timeframe {@code ""} for the base timeframe, or a timeframe the script declares
     * @param barsAgo   0 for the latest closed bar
     * @return the bar, or null when the history does not reach that far back
     */
    @HostAccess.Export
    public ScriptBar historyBar(String timeframe, int barsAgo) {
        BarHistory h = history(timeframe);
        if (barsAgo < 0 || barsAgo >= h.size()) {
            return null;
        }
        Bar bar = h.get(barsAgo);
        return bar == view.bar() ? bar() : new ScriptBar(bar);
    }

    private BarHistory history(String timeframe) {
        return timeframe.isEmpty() ? view.history() : view.history(declared(timeframe));
    }

    /**
     * Fails unless the script declared the timeframe in {@code meta.timeframes}.
     *
     * @param timeframe such as {@code "1h"}
     */
    @HostAccess.Export
    public void checkTimeframe(String timeframe) {
        declared(timeframe);
    }

    private Timeframe declared(String text) {
        Timeframe tf;
        try {
            tf = Timeframe.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (!tf.equals(context.timeframe()) && !meta.timeframes().contains(tf)) {
            throw new IllegalArgumentException("timeframe '" + text + "' is not declared: add it to meta.timeframes (declared: "
                    + meta.timeframes().stream().map(Timeframe::toString).toList() + ", base " + context.timeframe() + ")");
        }
        return tf;
    }

    /**
     * One of the host's indicators, created on first use (the framework memoises the handle).
     *
     * @param kind      such as {@code ema} or {@code macd.signal}
     * @param timeframe {@code ""} for the base timeframe
     * @param a         first parameter
     * @param b         second parameter
     * @param c         third parameter
     * @return the live indicator
     */
    @HostAccess.Export
    public ScriptIndicator indicator(String kind, String timeframe, double a, double b, double c) {
        Indicators lib = timeframe.isEmpty() ? context.indicators() : context.indicators(declared(timeframe));
        return new ScriptIndicator(switch (kind) {
            case "sma" -> lib.sma(whole(kind, "period", a));
            case "ema" -> lib.ema(whole(kind, "period", a));
            case "wma" -> lib.wma(whole(kind, "period", a));
            case "rsi" -> lib.rsi(whole(kind, "period", a));
            case "atr" -> lib.atr(whole(kind, "period", a));
            case "vwap" -> lib.vwap(whole(kind, "period", a));
            case "obv" -> lib.obv();
            case "stddev" -> lib.stdDev(whole(kind, "period", a));
            case "zscore" -> lib.zScore(whole(kind, "period", a));
            case "highest" -> lib.highest(whole(kind, "period", a));
            case "lowest" -> lib.lowest(whole(kind, "period", a));
            case "macd.macd", "macd.signal", "macd.histogram" -> {
                var m = lib.macd(whole("macd", "fast", a), whole("macd", "slow", b), whole("macd", "signal", c));
                yield kind.endsWith(".macd") ? m.macd() : kind.endsWith(".signal") ? m.signal() : m.histogram();
            }
            case "bollinger.upper", "bollinger.middle", "bollinger.lower" ->
                    band(kind, lib.bollinger(whole("bollinger", "period", a), b));
            case "donchian.upper", "donchian.middle", "donchian.lower" -> band(kind, lib.donchian(whole("donchian", "period", a)));
            case "keltner.upper", "keltner.middle", "keltner.lower" ->
                    band(kind, lib.keltner(whole("keltner", "emaPeriod", a), whole("keltner", "atrPeriod", b), c));
            case "adx.adx", "adx.plusDI", "adx.minusDI" -> {
                var x = lib.adx(whole("adx", "period", a));
                yield kind.endsWith(".adx") ? x.adx() : kind.endsWith(".plusDI") ? x.plusDI() : x.minusDI();
            }
            case "stochastic.k", "stochastic.d" -> {
                var s = lib.stochastic(whole("stochastic", "kPeriod", a), whole("stochastic", "dPeriod", b));
                yield kind.endsWith(".k") ? s.k() : s.d();
            }
            default -> throw new IllegalArgumentException("no indicator '" + kind + "'");
        });
    }

    private static Indicator band(String kind, BandsIndicator bands) {
        return kind.endsWith(".upper") ? bands.upper() : kind.endsWith(".middle") ? bands.middle() : bands.lower();
    }

    private static int whole(String indicator, String parameter, double value) {
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(indicator + "(): " + parameter + " must be a whole number, was " + value);
        }
        return (int) value;
    }

    /**
     * Appends to the script's bounded log.
     *
     * @param line the text
     */
    @HostAccess.Export
    public void log(String line) {
        log.add(view == null ? "init" : view.now().toString(), line);
    }

    /**
     * The framework's report that {@code onBar} returned something that is not a signal.
     *
     * @param problem what and where
     */
    @HostAccess.Export
    public void reject(String problem) {
        this.rejection = problem;
    }

    /**
     * The framework's hand-over of a checked signal.
     *
     * @param direction  1 LONG, -1 SHORT, 0 FLAT
     * @param confidence in [0, 1]
     * @param reason     the reasons, joined; may be empty
     * @param stopLoss   a price, or NaN for none
     * @param takeProfit a price, or NaN for none
     */
    @HostAccess.Export
    public void signal(int direction, double confidence, String reason, double stopLoss, double takeProfit) {
        lastReason = reason;
        signalSameReason(direction, confidence, stopLoss, takeProfit);
    }

    /**
     * The framework's hand-over of a checked signal whose reason is the one of the previous call.
     *
     * @param direction  1 LONG, -1 SHORT, 0 FLAT
     * @param confidence in [0, 1]
     * @param stopLoss   a price, or NaN for none
     * @param takeProfit a price, or NaN for none
     */
    @HostAccess.Export
    public void signalSameReason(int direction, double confidence, double stopLoss, double takeProfit) {
        String reason = lastReason;
        Direction d = direction > 0 ? Direction.LONG : direction < 0 ? Direction.SHORT : Direction.FLAT;
        boolean plain = Double.isNaN(stopLoss) && Double.isNaN(takeProfit);
        if (plain && cached.direction() == d && cached.confidence() == confidence && cachedReason.equals(reason)) {
            signal = cached;
            return;
        }
        try {
            Signal s = new Signal(d, confidence, reason.isEmpty() ? java.util.List.of() : java.util.List.of(reason),
                    Double.isNaN(stopLoss) ? OptionalDouble.empty() : OptionalDouble.of(stopLoss),
                    Double.isNaN(takeProfit) ? OptionalDouble.empty() : OptionalDouble.of(takeProfit));
            if (plain) {
                cached = s;
                cachedReason = reason;
            }
            signal = s;
        } catch (IllegalArgumentException e) {
            rejection = "the signal is not valid: " + e.getMessage();
        }
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        q.append(String.format("\\u%04x", (int) ch));
                    } else {
                        q.append(ch);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
