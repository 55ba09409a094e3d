package dev.quorum.plugins.riskguards;

import static dev.quorum.plugins.riskguards.Fixtures.BTC;
import static dev.quorum.plugins.riskguards.Fixtures.bar;
import static dev.quorum.plugins.riskguards.Fixtures.context;
import static dev.quorum.plugins.riskguards.Fixtures.intent;
import static dev.quorum.plugins.riskguards.Fixtures.portfolio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.api.ParameterException;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.ParameterType;
import dev.quorum.api.RiskCheck;
import dev.quorum.api.RiskDecision;
import dev.quorum.api.RiskDecision.Verdict;
import dev.quorum.testkit.TestPortfolio;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyLossLimitRiskModuleTest {

    private final DailyLossLimitRiskModule module = new DailyLossLimitRiskModule();

    private RiskCheck check(Object... parameters) {
        return module.create(context(module, parameters));
    }

    /** The host's per-bar call, with a bar that closes at the portfolio's clock. */
    private static void onBar(RiskCheck check, TestPortfolio portfolio) {
        check.onBar(bar(BTC, portfolio.now().minusSeconds(60), 100), portfolio);
    }

    private static RiskDecision evaluate(RiskCheck check, TestPortfolio portfolio) {
        return check.evaluate(intent(1, 100), portfolio);
    }

    private static TestPortfolio at(String instant, double equity) {
        return portfolio(equity).at(instant);
    }

    @Test
    void exactlyAtTheLimitTrips() {
        // start of day = initial equity 10,000; 3% of it is 300
        RiskDecision decision = evaluate(check("limit", 0.03), at("2018-04-05T10:00:00Z", 9_700));
        assertEquals(Verdict.REJECT, decision.verdict());
        assertEquals("daily-loss-limit: 2018-04-05 (UTC) down 3.00% from 10000.00 at the day's start (limit 3.00%);"
                + " no new entries until 2018-04-06T00:00 UTC", decision.reason());
    }

    @Test
    void justBelowTheLimitDoesNotTrip() {
        RiskCheck check = check("limit", 0.03);
        assertEquals(RiskDecision.approve(), evaluate(check, at("2018-04-05T10:00:00Z", 9_700.01)));
        assertEquals(RiskDecision.approve(), evaluate(check, at("2018-04-05T10:01:00Z", 10_000)));
    }

    @Test
    void theDefaultLimitIsThreePercent() {
        assertEquals(RiskDecision.approve(), evaluate(check(), at("2018-04-05T10:00:00Z", 9_700.01)));
        assertEquals(Verdict.REJECT, evaluate(check(), at("2018-04-05T10:00:00Z", 9_700)).verdict());
    }

    @Test
    void staysTrippedForTheRestOfTheDayEvenAfterEquityRecovers() {
        RiskCheck check = check("limit", 0.03);
        onBar(check, at("2018-04-05T10:00:00Z", 9_650));     // seen on a bar only: no entry was asked for
        RiskDecision decision = evaluate(check, at("2018-04-05T11:00:00Z", 10_100));
        assertEquals(Verdict.REJECT, decision.verdict());
        assertEquals("daily-loss-limit: 2018-04-05 (UTC) up 1.00% from 10000.00 at the day's start"
                + " (limit 3.00%, reached 3.50% at 2018-04-05T10:00 UTC); no new entries until 2018-04-06T00:00 UTC",
                decision.reason());
        onBar(check, at("2018-04-05T23:59:00Z", 10_200));
        assertEquals(Verdict.REJECT, evaluate(check, at("2018-04-05T23:59:00Z", 10_200)).verdict());
    }

    @Test
    void resetsAtTheNextDayBoundary() {
        RiskCheck check = check("limit", 0.03);
        assertEquals(Verdict.REJECT, evaluate(check, at("2018-04-05T10:00:00Z", 9_600)).verdict());
        onBar(check, at("2018-04-05T23:59:00Z", 9_500));
        // the next day starts from the equity at the boundary, 9,500; 3% of it is 285
        assertEquals(RiskDecision.approve(), evaluate(check, at("2018-04-06T00:00:00Z", 9_500)));
        assertEquals(RiskDecision.approve(), evaluate(check, at("2018-04-06T05:00:00Z", 9_215.01)));
        RiskDecision decision = evaluate(check, at("2018-04-06T06:00:00Z", 9_200));
        assertEquals(Verdict.REJECT, decision.verdict());
        assertEquals("daily-loss-limit: 2018-04-06 (UTC) down 3.16% from 9500.00 at the day's start (limit 3.00%);"
                + " no new entries until 2018-04-07T00:00 UTC", decision.reason());
    }

    @Test
    void startOfDayEquityIsTheEquityAtTheBoundaryNotInitialEquity() {
        RiskCheck check = check("limit", 0.03);
        onBar(check, at("2018-04-05T09:00:00Z", 11_000));
        onBar(check, at("2018-04-05T23:59:00Z", 12_000));
        // 3% of 12,000 is 360; measured from the initial 10,000 both would be gains
        assertEquals(RiskDecision.approve(), evaluate(check, at("2018-04-06T01:00:00Z", 11_640.01)));
        RiskDecision decision = evaluate(check, at("2018-04-06T02:00:00Z", 11_640));
        assertEquals(Verdict.REJECT, decision.verdict());
        assertTrue(decision.reason().startsWith("daily-loss-limit: 2018-04-06 (UTC) down 3.00% from 12000.00 at the day's start"),
                decision.reason());
    }

    @Test
    void theFirstDayStartsFromInitialEquity() {
        RiskCheck check = check("limit", 0.05);
        TestPortfolio first = at("2018-04-05T10:00:00Z", 9_800).withInitialEquity(10_400);
        // 10,400 − 9,800 = 600 ≥ 5% of 10,400 = 520, although 9,800 is the first equity seen
        assertEquals(Verdict.REJECT, evaluate(check, first).verdict());
        assertEquals(RiskDecision.approve(), evaluate(check("limit", 0.05), first.withInitialEquity(10_000)));
    }

    @Test
    void aBarClosingAtTheBoundaryBelongsToTheNewDay() {
        RiskCheck check = check("limit", 0.03);
        onBar(check, at("2018-04-05T23:59:00Z", 10_000));
        onBar(check, at("2018-04-06T00:00:00Z", 9_690));     // the last bar of the 5th, closing at midnight
        RiskDecision decision = evaluate(check, at("2018-04-06T00:00:00Z", 9_690));
        assertEquals(Verdict.REJECT, decision.verdict());
        assertTrue(decision.reason().startsWith("daily-loss-limit: 2018-04-06 (UTC) down 3.10% from 10000.00"), decision.reason());
    }

    @Test
    void berlinDaysFollowDaylightSavingTime() {
        // 2018-03-25 in Europe/Berlin runs from 2018-03-24T23:00Z (CET) to 2018-03-25T22:00Z (CEST): 23 hours
        RiskCheck check = check("timezone", "Europe/Berlin");
        onBar(check, at("2018-03-24T22:59:00Z", 10_000));                // 23:59 CET on the 24th
        onBar(check, at("2018-03-24T23:00:00Z", 9_000));                 // 00:00 CET on the 25th
        RiskDecision decision = evaluate(check, at("2018-03-25T21:59:00Z", 9_000));   // 23:59 CEST on the 25th
        assertEquals(Verdict.REJECT, decision.verdict());
        assertEquals("daily-loss-limit: 2018-03-25 (Europe/Berlin) down 10.00% from 10000.00 at the day's start"
                + " (limit 3.00%); no new entries until 2018-03-26T00:00 Europe/Berlin", decision.reason());
        // 00:00 CEST on the 26th: the new day starts from 9,000
        assertEquals(RiskDecision.approve(), evaluate(check, at("2018-03-25T22:00:00Z", 9_000)));
    }

    @Test
    void aDayStartHourSkippedByDaylightSavingStartsAtTheNextLocalTime() {
        // 02:00 does not exist in Berlin on 2018-03-25 (clocks jump from 02:00 CET to 03:00 CEST, at 01:00Z)
        RiskCheck check = check("timezone", "Europe/Berlin", "dayStartHour", 2);
        RiskDecision decision = evaluate(check, at("2018-03-24T12:00:00Z", 9_600));
        assertEquals("daily-loss-limit: 2018-03-24 (from 2018-03-24T02:00 Europe/Berlin) down 4.00% from 10000.00"
                + " at the day's start (limit 3.00%); no new entries until 2018-03-25T03:00 Europe/Berlin", decision.reason());
        assertEquals(Verdict.REJECT, evaluate(check, at("2018-03-25T00:59:00Z", 9_600)).verdict());   // 01:59 CET
        assertEquals(RiskDecision.approve(), evaluate(check, at("2018-03-25T01:00:00Z", 9_600)));     // 03:00 CEST
    }

    @Test
    void aDayStartHourMovesTheBoundary() {
        RiskCheck check = check("dayStartHour", 8);
        // 07:00 UTC on the 5th still belongs to the day that started at 08:00 on the 4th
        RiskDecision decision = evaluate(check, at("2018-04-05T07:00:00Z", 9_000));
        assertEquals("daily-loss-limit: 2018-04-04 (from 2018-04-04T08:00 UTC) down 10.00% from 10000.00 at the day's start"
                + " (limit 3.00%); no new entries until 2018-04-05T08:00 UTC", decision.reason());
        assertEquals(Verdict.REJECT, evaluate(check, at("2018-04-05T07:59:00Z", 9_000)).verdict());
        assertEquals(RiskDecision.approve(), evaluate(check, at("2018-04-05T08:00:00Z", 9_000)));
        // at midnight nothing happens: 8,700 is 3.33% below the 8:00 equity of 9,000
        assertEquals(Verdict.REJECT, evaluate(check, at("2018-04-06T00:00:00Z", 8_700)).verdict());
    }

    @Test
    void anOffsetTimezoneWorks() {
        // +05:30: the day starts at 18:30 UTC
        RiskCheck check = check("timezone", "+05:30");
        RiskDecision decision = evaluate(check, at("2018-04-05T18:00:00Z", 9_000));
        assertEquals("daily-loss-limit: 2018-04-05 (+05:30) down 10.00% from 10000.00 at the day's start (limit 3.00%);"
                + " no new entries until 2018-04-06T00:00 +05:30", decision.reason());
        assertEquals(Verdict.REJECT, evaluate(check, at("2018-04-05T18:29:00Z", 9_000)).verdict());
        assertEquals(RiskDecision.approve(), evaluate(check, at("2018-04-05T18:30:00Z", 9_000)));
    }

    @Test
    void anInvalidTimezoneIsAParameterError() {
        for (String zone : List.of("Mars/Olympus", "", "+25:00", "utc+1")) {
            ParameterException e = assertThrows(ParameterException.class, () -> check("timezone", zone), zone);
            assertEquals("timezone", e.parameter());
            assertEquals(zone, e.value());
            assertEquals("a time zone such as UTC, Europe/Berlin or +05:30", e.expected());
        }
    }

    @Test
    void rejectsWithoutPositiveEquity() {
        RiskDecision decision = evaluate(check(), at("2018-04-05T10:00:00Z", 0));
        assertEquals(Verdict.REJECT, decision.verdict());
        assertEquals("daily-loss-limit: equity 0.00 is not positive", decision.reason());
        assertEquals(Verdict.REJECT, evaluate(check(), at("2018-04-05T10:00:00Z", -50)).verdict());
        assertEquals("daily-loss-limit: equity NaN is not positive",
                evaluate(check(), at("2018-04-05T10:00:00Z", Double.NaN)).reason());
    }

    @Test
    void aNaNEquityIsNotRecorded() {
        RiskCheck check = check();
        onBar(check, at("2018-04-05T23:00:00Z", 12_000));
        onBar(check, at("2018-04-05T23:59:00Z", Double.NaN));
        // the new day starts from 12,000, the last number seen (neither NaN nor the initial 10,000)
        RiskDecision decision = evaluate(check, at("2018-04-06T00:01:00Z", 11_640));
        assertTrue(decision.reason().contains("down 3.00% from 12000.00"), decision.reason());
    }

    @Test
    void eachCreateStartsAFreshDay() {
        RiskCheck first = check();
        assertEquals(Verdict.REJECT, evaluate(first, at("2018-04-05T10:00:00Z", 9_000)).verdict());
        assertEquals(RiskDecision.approve(), evaluate(check(), at("2018-04-05T10:00:00Z", 9_900)));
    }

    @Test
    void declaresItsParameters() {
        assertEquals("daily-loss-limit", module.info().id());
        List<ParameterSpec> specs = module.info().parameters();
        assertEquals(List.of("limit", "timezone", "dayStartHour"), specs.stream().map(ParameterSpec::name).toList());
        assertEquals(0.03, specs.get(0).defaultValue());
        assertEquals(0.001, specs.get(0).min());
        assertEquals(1.0, specs.get(0).max());
        assertEquals(ParameterType.TEXT, specs.get(1).type());
        assertEquals("UTC", specs.get(1).defaultValue());
        assertEquals(0, specs.get(2).defaultValue());
        assertEquals(23.0, specs.get(2).max());
    }
}
