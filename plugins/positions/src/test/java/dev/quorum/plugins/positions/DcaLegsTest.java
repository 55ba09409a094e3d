package dev.quorum.plugins.positions;

import static dev.quorum.plugins.positions.Fixtures.BTC;
import static dev.quorum.plugins.positions.Fixtures.T0;
import static dev.quorum.plugins.positions.Fixtures.policy;
import static dev.quorum.plugins.positions.Fixtures.portfolio;
import static dev.quorum.plugins.positions.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.api.Direction;
import dev.quorum.api.EntryLeg;
import dev.quorum.api.EntryPlan;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.ParameterException;
import dev.quorum.api.PositionPolicy;
import dev.quorum.testkit.TestMarkets;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The entry legs of {@code open}: their count by confidence, their splits, prices and delays, and bad splits. */
class DcaLegsTest {

    private static final double EPS = 1e-9;

    /** Percent levels: stop 2% and target 4% from the reference price. */
    private static final Object[] PERCENT = {"stopMode", "percent", "targetMode", "percent"};
    private static final Object[] PRICE = with(PERCENT, "dcaMode", "price");
    private static final Object[] BARS = with(PERCENT, "dcaMode", "bars");

    private final TestMarkets markets = new TestMarkets(BTC);

    /** An intent on BTC-USD with a consensus, without the voters' levels. */
    private static OrderIntent intent(Direction direction, double referencePrice, double consensus) {
        return new OrderIntent(BTC, direction, 1, referencePrice, T0, consensus, List.of("bot-a"), OptionalDouble.empty(),
                OptionalDouble.empty());
    }

    private EntryPlan open(Object[] params, Direction direction, double referencePrice, double consensus) {
        return policy(markets, params).open(intent(direction, referencePrice, consensus), portfolio());
    }

    private static double limit(EntryLeg leg) {
        return leg.limitPrice().orElseThrow();
    }

    private static void assertMarket(double fraction, EntryLeg leg) {
        assertEquals(fraction, leg.fraction());
        assertTrue(leg.isMarket(), leg::toString);
    }

    private static void assertLimit(double fraction, double price, EntryLeg leg) {
        assertEquals(fraction, leg.fraction());
        assertEquals(price, limit(leg), EPS);
        assertEquals(0, leg.afterBars());
    }

    private static void assertAfter(double fraction, int bars, EntryLeg leg) {
        assertEquals(fraction, leg.fraction());
        assertEquals(OptionalDouble.empty(), leg.limitPrice());
        assertEquals(bars, leg.afterBars());
    }

    // ---------------------------------------------------------------- the count of legs by confidence

    @Test
    void eachBandAtItsExactBoundaries() {
        assertEquals(2, open(PRICE, Direction.LONG, 100, 1.0).legs().size());
        assertEquals(2, open(PRICE, Direction.LONG, 100, 0.75).legs().size());
        assertEquals(3, open(PRICE, Direction.LONG, 100, 0.7499).legs().size());
        assertEquals(3, open(PRICE, Direction.LONG, 100, 0.65).legs().size());
        assertEquals(4, open(PRICE, Direction.LONG, 100, 0.6499).legs().size());
        assertEquals(4, open(PRICE, Direction.LONG, 100, 0.0).legs().size());
        // the same in bars mode, and for shorts
        assertEquals(2, open(BARS, Direction.SHORT, 100, 0.75).legs().size());
        assertEquals(3, open(BARS, Direction.SHORT, 100, 0.7499).legs().size());
        assertEquals(3, open(BARS, Direction.SHORT, 100, 0.65).legs().size());
        assertEquals(4, open(BARS, Direction.SHORT, 100, 0.6499).legs().size());
    }

    @Test
    void theBandsAreConfigurable() {
        Object[] params = with(PRICE, "dcaHighConfidence", 0.9, "dcaLowConfidence", 0.5);
        assertEquals(2, open(params, Direction.LONG, 100, 0.9).legs().size());
        assertEquals(3, open(params, Direction.LONG, 100, 0.8999).legs().size());
        assertEquals(3, open(params, Direction.LONG, 100, 0.5).legs().size());
        assertEquals(4, open(params, Direction.LONG, 100, 0.4999).legs().size());
        // equal bounds: no 3-leg band
        Object[] equal = with(PRICE, "dcaHighConfidence", 0.7, "dcaLowConfidence", 0.7);
        assertEquals(2, open(equal, Direction.LONG, 100, 0.7).legs().size());
        assertEquals(4, open(equal, Direction.LONG, 100, 0.6999).legs().size());
    }

    // ---------------------------------------------------------------- price mode

    @Test
    void priceModeLongHasTheSeedsExample() {
        // the seed: "3 entries: 40% at $40,000, 35% at $39,800, 25% at $39,600"
        EntryPlan plan = open(PRICE, Direction.LONG, 40_000, 0.7);
        assertEquals(OptionalDouble.of(39_200), plan.stopLoss());
        assertEquals(OptionalDouble.of(41_600), plan.takeProfit());
        assertEquals(3, plan.legs().size());
        assertMarket(0.4, plan.legs().get(0));
        assertLimit(0.35, 39_800, plan.legs().get(1));
        assertLimit(0.25, 39_600, plan.legs().get(2));
        assertEquals(40_000 * (1 - 1 * 0.005), limit(plan.legs().get(1)));
        assertEquals(40_000 * (1 - 2 * 0.005), limit(plan.legs().get(2)));
        assertEquals("stop 2.00% at 39200.00, target 4.00% at 41600.00; DCA 3 legs (consensus 0.700 in [0.65, 0.75)):"
                + " 40% market, 35% limit 39800.00, 25% limit 39600.00", plan.note());
    }

    @Test
    void priceModeShortIsTheMirror() {
        EntryPlan plan = open(PRICE, Direction.SHORT, 40_000, 0.7);
        assertEquals(OptionalDouble.of(40_800), plan.stopLoss());
        assertMarket(0.4, plan.legs().get(0));
        assertLimit(0.35, 40_200, plan.legs().get(1));
        assertLimit(0.25, 40_400, plan.legs().get(2));
        assertEquals(40_000 * (1 + 1 * 0.005), limit(plan.legs().get(1)));
        assertEquals(40_000 * (1 + 2 * 0.005), limit(plan.legs().get(2)));
        assertEquals("stop 2.00% at 40800.00, target 4.00% at 38400.00; DCA 3 legs (consensus 0.700 in [0.65, 0.75)):"
                + " 40% market, 35% limit 40200.00, 25% limit 40400.00", plan.note());
    }

    @Test
    void twoAndFourLegsWithTheirSplits() {
        EntryPlan high = open(PRICE, Direction.LONG, 200, 0.8);
        assertEquals(2, high.legs().size());
        assertMarket(0.6, high.legs().get(0));
        assertLimit(0.4, 199, high.legs().get(1));
        assertTrue(high.note().endsWith("; DCA 2 legs (consensus 0.800 ≥ 0.75): 60% market, 40% limit 199.00"),
                high::note);
        EntryPlan low = open(PRICE, Direction.LONG, 200, 0.6);
        assertEquals(4, low.legs().size());
        assertMarket(0.3, low.legs().get(0));
        assertLimit(0.27, 199, low.legs().get(1));
        assertLimit(0.23, 198, low.legs().get(2));
        assertLimit(0.2, 197, low.legs().get(3));
        assertTrue(low.note().endsWith("; DCA 4 legs (consensus 0.600 < 0.65): 30% market, 27% limit 199.00,"
                + " 23% limit 198.00, 20% limit 197.00"), low::note);
        EntryPlan lowShort = open(PRICE, Direction.SHORT, 200, 0.6);
        assertLimit(0.27, 201, lowShort.legs().get(1));
        assertLimit(0.23, 202, lowShort.legs().get(2));
        assertLimit(0.2, 203, lowShort.legs().get(3));
    }

    @Test
    void theSplitsAndTheSpacingAreConfigurable() {
        EntryPlan plan = open(with(PRICE, "splits3", " 50 , 30.5,19.5 ", "dcaSpacingPct", 0.0025), Direction.LONG, 7397.09,
                0.7);
        assertMarket(0.5, plan.legs().get(0));
        assertLimit(0.305, 7397.09 * (1 - 0.0025), plan.legs().get(1));
        assertLimit(0.195, 7397.09 * (1 - 2 * 0.0025), plan.legs().get(2));
        assertTrue(plan.note().endsWith("DCA 3 legs (consensus 0.700 in [0.65, 0.75)): 50% market, 30.5% limit 7378.60,"
                + " 19.5% limit 7360.10"), plan::note);
        // fractions never add up to more than the approved quantity
        double sum = plan.legs().stream().mapToDouble(EntryLeg::fraction).sum();
        assertEquals(1, sum, EPS);
    }

    @Test
    void aLimitAtTheStopIsDroppedWithEveryLegAfterIt() {
        // stop 1% at 39600: the 3rd leg's limit is exactly at it
        EntryPlan plan = open(with(PRICE, "stopPct", 0.01), Direction.LONG, 40_000, 0.6);
        assertEquals(40_000 * (1 - 2 * 0.005), plan.stopLoss().orElseThrow());
        assertEquals(2, plan.legs().size());
        assertMarket(0.3, plan.legs().get(0));
        assertLimit(0.27, 39_800, plan.legs().get(1));
        assertTrue(plan.note().endsWith("; DCA 4 legs (consensus 0.600 < 0.65): 30% market, 27% limit 39800.00"
                + " (dropped at or below the stop 39600.00, 43% not bought: 23% limit 39600.00, 20% limit 39400.00)"),
                plan::note);
        EntryPlan shrt = open(with(PRICE, "stopPct", 0.01), Direction.SHORT, 40_000, 0.6);
        assertEquals(40_000 * (1 + 2 * 0.005), shrt.stopLoss().orElseThrow());
        assertEquals(2, shrt.legs().size());
        assertLimit(0.27, 40_200, shrt.legs().get(1));
        assertTrue(shrt.note().endsWith(" (dropped at or above the stop 40400.00, 43% not bought:"
                + " 23% limit 40400.00, 20% limit 40600.00)"), shrt::note);
    }

    @Test
    void aLimitBeyondTheStopIsDroppedAndOneJustInsideIsKept() {
        // stop 1.2% at 39520: 39600 is inside it, 39400 beyond
        EntryPlan plan = open(with(PRICE, "stopPct", 0.012), Direction.LONG, 40_000, 0.6);
        assertEquals(3, plan.legs().size());
        assertLimit(0.23, 39_600, plan.legs().get(2));
        assertTrue(plan.note().endsWith(" (dropped at or below the stop 39520.00, 20% not bought: 20% limit 39400.00)"),
                plan::note);
        EntryPlan shrt = open(with(PRICE, "stopPct", 0.012), Direction.SHORT, 40_000, 0.6);
        assertEquals(3, shrt.legs().size());
        assertLimit(0.23, 40_400, shrt.legs().get(2));
    }

    @Test
    void whenOnlyTheFirstLegIsLeftItIsTheOnlyMarketLeg() {
        // stop 0.5% at 39800: every limit is at or beyond it
        EntryPlan plan = open(with(PRICE, "stopPct", 0.005), Direction.LONG, 40_000, 0.6);
        assertEquals(1, plan.legs().size());
        assertMarket(0.3, plan.legs().get(0));
        assertTrue(plan.note().endsWith("; DCA 4 legs (consensus 0.600 < 0.65): 30% market (dropped at or below the stop"
                + " 39800.00, 70% not bought: 27% limit 39800.00, 23% limit 39600.00, 20% limit 39400.00)"), plan::note);
        EntryPlan high = open(with(PRICE, "stopPct", 0.004), Direction.SHORT, 40_000, 0.9);
        assertEquals(1, high.legs().size());
        assertMarket(0.6, high.legs().get(0));
        assertTrue(high.note().endsWith(" (dropped at or above the stop 40160.00, 40% not bought: 40% limit 40200.00)"),
                high::note);
    }

    @Test
    void withoutAStopNoLegIsDropped() {
        markets.atr(BTC, 14, 0.0);
        // ATR 0 with a minimum of 0 leaves the stop out
        EntryPlan plan = open(new Object[] {"minStopPct", 0.0, "dcaMode", "price", "dcaSpacingPct", 0.2}, Direction.LONG, 100,
                0.1);
        assertEquals(OptionalDouble.empty(), plan.stopLoss());
        assertEquals(4, plan.legs().size());
        assertLimit(0.2, 100 * (1 - 3 * 0.2), plan.legs().get(3));
    }

    @Test
    void everyLimitLiesStrictlyBetweenTheStopAndTheReference() {
        double[] consensuses = {0.0, 0.6499, 0.65, 0.7, 0.75, 1.0};
        double[] spacings = {0.0001, 0.001, 0.003, 0.005, 0.0123, 0.05, 0.2};
        double[] stops = {0.0005, 0.002, 0.01, 0.017, 0.05, 0.3};
        double[] refs = {0.000123, 1.2345, 99.99, 7397.09, 60111.06};
        for (Direction direction : new Direction[] {Direction.LONG, Direction.SHORT}) {
            int s = direction == Direction.LONG ? 1 : -1;
            for (double spacing : spacings) {
                for (double stopPct : stops) {
                    PositionPolicy policy = policy(markets, with(PRICE, "dcaSpacingPct", spacing, "stopPct", stopPct,
                            "minStopPct", 0.0, "maxStopPct", 0.5));
                    for (double consensus : consensuses) {
                        for (double ref : refs) {
                            EntryPlan plan = policy.open(intent(direction, ref, consensus), portfolio());
                            double stop = plan.stopLoss().orElseThrow();
                            assertTrue(plan.legs().get(0).isMarket(), plan::note);
                            for (EntryLeg leg : plan.legs().subList(1, plan.legs().size())) {
                                double price = limit(leg);
                                assertTrue(s * (stop - price) < 0 && s * (price - ref) < 0, plan::note);
                            }
                        }
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- bars mode

    @Test
    void barsModeDelaysTheLegs() {
        EntryPlan plan = open(BARS, Direction.LONG, 100, 0.6);
        assertEquals(4, plan.legs().size());
        assertMarket(0.3, plan.legs().get(0));
        assertAfter(0.27, 5, plan.legs().get(1));
        assertAfter(0.23, 10, plan.legs().get(2));
        assertAfter(0.2, 15, plan.legs().get(3));
        assertTrue(plan.note().endsWith("; DCA 4 legs (consensus 0.600 < 0.65): 30% market, 27% after 5 bars,"
                + " 23% after 10 bars, 20% after 15 bars"), plan::note);
        EntryPlan shrt = open(with(BARS, "dcaSpacingBars", 1), Direction.SHORT, 100, 0.7);
        assertEquals(3, shrt.legs().size());
        assertMarket(0.4, shrt.legs().get(0));
        assertAfter(0.35, 1, shrt.legs().get(1));
        assertAfter(0.25, 2, shrt.legs().get(2));
        assertTrue(shrt.note().endsWith("; DCA 3 legs (consensus 0.700 in [0.65, 0.75)): 40% market, 35% after 1 bar,"
                + " 25% after 2 bars"), shrt::note);
    }

    @Test
    void barsModeIgnoresTheStop() {
        EntryPlan plan = open(with(BARS, "stopPct", 0.001, "minStopPct", 0.0), Direction.LONG, 100, 0.0);
        assertEquals(4, plan.legs().size());
        assertAfter(0.2, 15, plan.legs().get(3));
    }

    // ---------------------------------------------------------------- off mode

    @Test
    void offModeLeavesThePlanUnchanged() {
        EntryPlan plan = open(PERCENT, Direction.LONG, 100, 0.5);
        assertEquals(List.of(), plan.legs());
        assertEquals("stop 2.00% at 98.00, target 4.00% at 104.00", plan.note());
        assertEquals(98, plan.stopLoss().orElseThrow(), EPS);
        assertEquals(104, plan.takeProfit().orElseThrow(), EPS);
        // whatever the other DCA parameters say
        EntryPlan configured = open(with(PERCENT, "dcaMode", "off", "splits4", "10,20,30,40", "dcaSpacingPct", 0.1,
                "dcaSpacingBars", 3), Direction.SHORT, 100, 0.1);
        assertEquals(List.of(), configured.legs());
        assertEquals(open(PERCENT, Direction.SHORT, 100, 0.1), configured);
        assertEquals("stop 2.00% at 102.00, target 4.00% at 96.00", configured.note());
    }

    // ---------------------------------------------------------------- parameters

    private ParameterException refused(String name, String value) {
        return assertThrows(ParameterException.class, () -> policy(markets, name, value), name + " = " + value);
    }

    private void assertBadSplits(String name, String value, String expected) {
        ParameterException e = refused(name, value);
        assertEquals(name, e.parameter());
        assertEquals(value, e.value());
        assertEquals(expected, e.expected());
    }

    @Test
    void badSplitsAreRefusedNamingTheParameter() {
        String three = "3 positive percentages that add up to 100, such as 40,35,25";
        for (String bad : List.of("40,35", "40,35,15,10", "100", "", " ", "40,35,25,", ",40,35,25", "40,,60", "40;35;25",
                "40 35 25", "40,abc,25", "40,35%,25", "NaN,50,50", "Infinity,50,-Infinity", "1e1,45,45", "0x10,42,42",
                "40,35,25d", "+40,35,25", "40,-10,70", "-40,70,70", "40,0,60", "0,50,50", "40,35,24", "40,35,26",
                "40,35,24.999999", "33.3,33.3,33.3")) {
            assertBadSplits("splits3", bad, three);
        }
        String two = "2 positive percentages that add up to 100, such as 60,40";
        for (String bad : List.of("100", "60,30,10", "60,x", "110,-10", "60,39", "60,41", "100,0")) {
            assertBadSplits("splits2", bad, two);
        }
        String four = "4 positive percentages that add up to 100, such as 30,27,23,20";
        for (String bad : List.of("30,27,43", "30,27,23,10,10", "30,27,23,2O", "30,27,-23,66", "30,27,23,19", "30,27,23,21")) {
            assertBadSplits("splits4", bad, four);
        }
    }

    @Test
    void badSplitsAreRefusedInEveryMode() {
        ParameterException e = assertThrows(ParameterException.class, () -> policy(markets, "dcaMode", "off", "splits2", "50"));
        assertEquals("splits2", e.parameter());
        assertEquals("splits4", assertThrows(ParameterException.class,
                () -> policy(markets, "dcaMode", "bars", "splits4", "25,25,25,26")).parameter());
    }

    @Test
    void goodSplitsAreAccepted() {
        for (String good : List.of("40,35,25", " 40 , 35 , 25 ", "\t40,35,\t25", "33.5,33.5,33", "0.5,0.5,99",
                ".5,49.5,50", "50.,25,25", "33.3333333333,33.3333333333,33.3333333334", "1,1,98")) {
            assertDoesNotThrow(() -> policy(markets, "splits3", good), good);
        }
        assertDoesNotThrow(() -> policy(markets, "splits2", "99.9,0.1", "splits4", "25,25,25,25"));
    }

    @Test
    void aLowConfidenceAboveTheHighOneIsRefused() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> policy(markets, "dcaLowConfidence", 0.8, "dcaHighConfidence", 0.7));
        assertEquals("dcaLowConfidence", e.parameter());
        assertEquals(0.8, e.value());
        assertEquals("at most dcaHighConfidence (0.7)", e.expected());
        // against the default high 0.75, in every mode
        assertEquals("dcaLowConfidence", assertThrows(ParameterException.class,
                () -> policy(markets, "dcaLowConfidence", 0.76)).parameter());
        assertEquals("dcaLowConfidence", assertThrows(ParameterException.class,
                () -> policy(markets, "dcaHighConfidence", 0.6, "dcaMode", "price")).parameter());
        assertDoesNotThrow(() -> policy(markets, "dcaLowConfidence", 0.7, "dcaHighConfidence", 0.7));
    }

    // ---------------------------------------------------------------- formats and state

    @Test
    void sharesAndPercentagesOfTheNotes() {
        assertEquals("0.700", Fmt.share(0.7));
        assertEquals("0.7499", Fmt.share(0.7499));
        assertEquals("0.6667", Fmt.share(2.0 / 3));
        assertEquals("1.000", Fmt.share(1));
        assertEquals("40%", Fmt.percent(40));
        assertEquals("33.5%", Fmt.percent(33.5));
        assertEquals("43%", Fmt.percent(23.0 + 20.0000000001));
        assertEquals("0.1%", Fmt.percent(0.1));
    }

    @Test
    void noStaticMutableState() {
        for (Field field : DcaLegs.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                assertTrue(Modifier.isFinal(field.getModifiers()), field.getName());
            }
        }
    }
}
