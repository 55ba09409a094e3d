package dev.quorum.plugins.riskguards;

import dev.quorum.api.Bar;
import dev.quorum.api.ComponentInfo;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.ParameterException;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.Parameters;
import dev.quorum.api.PortfolioView;
import dev.quorum.api.RiskCheck;
import dev.quorum.api.RiskContext;
import dev.quorum.api.RiskDecision;
import dev.quorum.api.RiskModule;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * Stops new entries for the rest of the trading day once the day's loss reaches a share of the
 * equity the day started with, and allows them again from the next day's start.
 *
 * <p><b>The day.</b> A trading day runs from {@code dayStartHour}:00 local time in {@code timezone} to
 * the same local hour on the next calendar day, so it lasts 23 or 25 hours across a daylight-saving
 * change. The day an instant belongs to (its <i>day key</i>) is the local date of
 * {@code localDateTime(now, timezone) − dayStartHour hours}, computed on the local wall clock. When the
 * start hour does not exist on a day (skipped by a spring-forward change) the day starts at the first
 * local time after it; when it exists twice (fall-back), at its first occurrence.
 *
 * <p><b>Observation.</b> The module observes {@code (now, equity)} from {@link PortfolioView#now()}
 * and {@link PortfolioView#equity()} on every bar ({@link RiskCheck#onBar}) and at the start of every
 * {@code evaluate}. When an observation's day key differs from the previous one, the new day's
 * <i>start-of-day equity</i> is the last equity observed before it (the equity at the boundary); on
 * the very first observation, {@link PortfolioView#initialEquity()}. A bar closing exactly at the
 * boundary belongs to the new day, so its price move counts in the new day. A NaN equity is not
 * recorded.
 *
 * <p><b>Rule.</b> The day's loss is {@code start − equity}: realised and unrealised PnL, fees
 * included, as equity carries them all. The module trips when {@code start − equity ≥ limit · start}
 * (exactly at the limit trips) and stays tripped until the next day key, even if equity recovers.
 * {@code evaluate} rejects while tripped, naming the day, the loss, the start-of-day equity, the limit
 * and when entries resume; otherwise it approves. Equity {@code ≤ 0} or NaN is rejected. It never
 * resizes.
 *
 * <p>Parameters: {@code limit} (decimal, default 0.03, in [0.001, 1]), {@code timezone} (text, default
 * {@code UTC}: any {@link ZoneId#of(String)} form such as {@code Europe/Berlin}, {@code UTC} or
 * {@code +05:30}; anything else is a {@link ParameterException}), {@code dayStartHour} (integer,
 * default 0, in [0, 23]).
 */
@Extension
public class DailyLossLimitRiskModule implements RiskModule {

    /** The id in config. */
    public static final String ID = "daily-loss-limit";

    private static final ComponentInfo INFO = ComponentInfo.of(ID, "Daily loss limit",
            "Blocks new entries for the rest of the day once equity has fallen by the limit since the day's start.",
            ParameterSpec.decimal("limit", 0.03, 0.001, 1.0,
                    "the day's loss, as a fraction of the start-of-day equity, that stops new entries"),
            ParameterSpec.text("timezone", "UTC",
                    "the calendar of the trading day: a region such as Europe/Berlin, UTC, or an offset such as +05:30"),
            ParameterSpec.integer("dayStartHour", 0, 0, 23, "the local hour at which the trading day starts"));

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm", Locale.ROOT);

    /** Called by PF4J. */
    public DailyLossLimitRiskModule() {
    }

    @Override
    public ComponentInfo info() {
        return INFO;
    }

    @Override
    public RiskCheck create(RiskContext context) {
        Parameters parameters = context.parameters();
        String timezone = parameters.getString("timezone");
        ZoneId zone;
        try {
            zone = ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new ParameterException("timezone", timezone, "a time zone such as UTC, Europe/Berlin or +05:30");
        }
        return new Check(parameters.getDouble("limit"), zone, parameters.getInt("dayStartHour"));
    }

    /** One run's state: the current day, its start-of-day equity, the last equity seen and the latch. */
    private static final class Check implements RiskCheck {

        private final double limit;
        private final ZoneId zone;
        private final int dayStartHour;

        private LocalDate day;                      // null before the first observation
        private double startEquity = Double.NaN;
        private double lastEquity = Double.NaN;
        private boolean tripped;
        private Instant trippedAt;                  // when the latch closed today
        private double trippedLoss;                 // the day's loss, as a fraction, at that moment

        Check(double limit, ZoneId zone, int dayStartHour) {
            this.limit = limit;
            this.zone = zone;
            this.dayStartHour = dayStartHour;
        }

        @Override
        public void onBar(Bar bar, PortfolioView portfolio) {
            observe(portfolio.now(), portfolio.equity(), portfolio.initialEquity());
        }

        @Override
        public RiskDecision evaluate(OrderIntent intent, PortfolioView portfolio) {
            double equity = portfolio.equity();
            observe(portfolio.now(), equity, portfolio.initialEquity());
            if (!Guards.usable(equity)) {
                return Guards.rejectEquity(ID, equity);
            }
            return tripped ? RiskDecision.reject(reason(equity)) : RiskDecision.approve();
        }

        private void observe(Instant now, double equity, double initialEquity) {
            LocalDate key = dayKey(now);
            if (!key.equals(day)) {
                startEquity = day == null || Double.isNaN(lastEquity) ? initialEquity : lastEquity;
                day = key;
                tripped = false;
                trippedAt = null;
            }
            if (Double.isNaN(equity)) {
                return;
            }
            lastEquity = equity;
            double loss = startEquity - equity;
            if (!tripped && loss >= limit * startEquity) {
                tripped = true;
                trippedAt = now;
                trippedLoss = loss / startEquity;
            }
        }

        private LocalDate dayKey(Instant now) {
            return LocalDateTime.ofInstant(now, zone).minusHours(dayStartHour).toLocalDate();
        }

        private ZonedDateTime dayStart(LocalDate key) {
            return ZonedDateTime.of(key.atTime(dayStartHour, 0), zone);
        }

        private String reason(double equity) {
            double loss = (startEquity - equity) / startEquity;
            String label = dayStartHour == 0
                    ? day + " (" + zone.getId() + ")"
                    : day + " (from " + MINUTES.format(dayStart(day)) + " " + zone.getId() + ")";
            String move = loss >= 0 ? "down " + Guards.pct(loss) : "up " + Guards.pct(-loss);
            String limitText = startEquity - equity >= limit * startEquity
                    ? "limit " + Guards.pct(limit)
                    : "limit " + Guards.pct(limit) + ", reached " + Guards.pct(trippedLoss) + " at "
                            + MINUTES.format(trippedAt.atZone(zone)) + " " + zone.getId();
            return String.format(Locale.ROOT, "%s: %s %s from %.2f at the day's start (%s); no new entries until %s %s",
                    ID, label, move, startEquity, limitText, MINUTES.format(dayStart(day.plusDays(1))), zone.getId());
        }
    }
}
