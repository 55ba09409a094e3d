package dev.quorum.plugins.positions;

import dev.quorum.api.Direction;
import dev.quorum.api.EntryLeg;
import dev.quorum.api.EntryPlan;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.ParameterException;
import dev.quorum.api.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The entry legs of {@link dev.quorum.api.PositionPolicy#open} (dollar-cost averaging): how many legs the
 * approved quantity is bought (or sold) in, following the decision's confidence, and how each leg after the
 * first is placed. Immutable.
 *
 * <p>The confidence is the intent's {@link OrderIntent#consensus()}: {@code ≥ dcaHighConfidence} → 2 legs;
 * {@code ≥ dcaLowConfidence} (and below the high one) → 3 legs; below {@code dcaLowConfidence} → 4 legs.
 * The legs take the percentages of {@code splits2}, {@code splits3} or {@code splits4}, in order. Leg 1 is
 * always a market order at the next open ({@link EntryLeg#market}); leg {@code k + 1} ({@code k = 1, 2, 3}) is
 * <ul>
 *   <li>{@code price} mode: a limit at {@code ref × (1 − k × dcaSpacingPct)} for a long,
 *       {@code ref × (1 + k × dcaSpacingPct)} for a short ({@code ref} the intent's reference price). A limit
 *       at or beyond the plan's stop-loss (long: {@code ≤ stop}; short: {@code ≥ stop}) is dropped, and so is
 *       every leg after it: their share is not bought, and the note says so.</li>
 *   <li>{@code bars} mode: a market order {@code k × dcaSpacingBars} bars after the first fill's bar.</li>
 * </ul>
 * {@code off} mode leaves the plan as it is: one market order for the whole quantity. A limit always lies
 * strictly beyond the reference price on the loss side ({@code k × dcaSpacingPct} is at most {@code 0.6} and
 * more than 0) and, once the legs at or beyond the stop are dropped, strictly inside the stop, so the host
 * never refuses a plan of this class. Note:
 * {@code "DCA 3 legs (consensus 0.700 in [0.65, 0.75)): 40% market, 35% limit 99.50, 25% limit 99.00"}.
 */
final class DcaLegs {

    /** How the legs after the first are placed. */
    enum Mode {
        /** One market order, no legs. */
        OFF,
        /** Limit orders spaced by a share of the reference price. */
        PRICE,
        /** Market orders spaced by bars. */
        BARS
    }

    /** A percentage: digits with an optional fraction, or a fraction alone; no sign, no exponent. */
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");

    private static final int MIN_LEGS = 2;
    private static final int MAX_LEGS = 4;

    private final Mode mode;
    private final double highConfidence;
    private final double lowConfidence;
    /** The percentages of 2, 3 and 4 legs, at index {@code legs − 2}. */
    private final List<List<Double>> splits;
    private final double spacingPct;
    private final int spacingBars;

    private DcaLegs(Mode mode, double highConfidence, double lowConfidence, List<List<Double>> splits,
                    double spacingPct, int spacingBars) {
        this.mode = mode;
        this.highConfidence = highConfidence;
        this.lowConfidence = lowConfidence;
        this.splits = List.copyOf(splits);
        this.spacingPct = spacingPct;
        this.spacingBars = spacingBars;
    }

    /**
     * Reads and checks the parameters, in every mode (a config error is one whether or not it is used).
     *
     * @param p the validated parameters
     * @return the rule
     * @throws ParameterException if {@code dcaLowConfidence > dcaHighConfidence} (on {@code dcaLowConfidence}),
     *                            a {@code splitsN} is not N positive percentages adding up to 100, or
     *                            {@code dcaMode} is not a declared choice
     */
    static DcaLegs of(Parameters p) {
        String modeText = p.getString("dcaMode");
        Mode mode = switch (modeText) {
            case "off" -> Mode.OFF;
            case "price" -> Mode.PRICE;
            case "bars" -> Mode.BARS;
            default -> throw new ParameterException("dcaMode", modeText, "off, price or bars");
        };
        double high = p.getDouble("dcaHighConfidence");
        double low = p.getDouble("dcaLowConfidence");
        if (low > high) {
            throw new ParameterException("dcaLowConfidence", low, "at most dcaHighConfidence (" + high + ")");
        }
        List<List<Double>> splits = new ArrayList<>();
        for (int legs = MIN_LEGS; legs <= MAX_LEGS; legs++) {
            splits.add(splits(p, legs));
        }
        return new DcaLegs(mode, high, low, splits, p.getDouble("dcaSpacingPct"), p.getInt("dcaSpacingBars"));
    }

    /** Parses {@code splitsN}: exactly N comma-separated positive numbers adding up to 100 within 1e-9. */
    private static List<Double> splits(Parameters p, int legs) {
        String name = "splits" + legs;
        String text = p.getString(name);
        String[] parts = text.split(",", -1);
        if (parts.length != legs) {
            throw badSplits(name, text, legs);
        }
        List<Double> percents = new ArrayList<>(legs);
        double sum = 0;
        for (String part : parts) {
            String number = part.strip();
            if (!NUMBER.matcher(number).matches()) {
                throw badSplits(name, text, legs);
            }
            double percent = Double.parseDouble(number);
            if (!(percent > 0) || !Double.isFinite(percent)) {
                throw badSplits(name, text, legs);
            }
            percents.add(percent);
            sum += percent;
        }
        if (Math.abs(sum - 100) > 1e-9) {
            throw badSplits(name, text, legs);
        }
        return List.copyOf(percents);
    }

    /** The error of a {@code splitsN} that cannot be used, with the default as the example. */
    private static ParameterException badSplits(String name, String text, int legs) {
        String example = switch (legs) {
            case 2 -> "60,40";
            case 3 -> "40,35,25";
            default -> "30,27,23,20";
        };
        return new ParameterException(name, text, legs + " positive percentages that add up to 100, such as " + example);
    }

    /**
     * The plan with its entry legs.
     *
     * @param plan  the plan with the levels of {@link InitialLevels}
     * @param entry the approved intent
     * @return the plan itself in {@code off} mode, else the plan with its legs and the legs' note appended
     */
    EntryPlan apply(EntryPlan plan, OrderIntent entry) {
        if (mode == Mode.OFF) {
            return plan;
        }
        double confidence = entry.consensus();
        int count;
        String band;
        if (confidence >= highConfidence) {
            count = 2;
            band = "≥ " + Fmt.num(highConfidence);
        } else if (confidence >= lowConfidence) {
            count = 3;
            band = "in [" + Fmt.num(lowConfidence) + ", " + Fmt.num(highConfidence) + ")";
        } else {
            count = 4;
            band = "< " + Fmt.num(lowConfidence);
        }
        List<Double> percents = splits.get(count - MIN_LEGS);
        Direction direction = entry.direction();
        double ref = entry.referencePrice();
        List<EntryLeg> legs = new ArrayList<>(count);
        List<String> placed = new ArrayList<>(count);
        List<String> dropped = new ArrayList<>();
        double droppedPercent = 0;
        legs.add(EntryLeg.market(percents.get(0) / 100));
        placed.add(Fmt.percent(percents.get(0)) + " market");
        for (int k = 1; k < count; k++) {
            double percent = percents.get(k);
            double fraction = percent / 100;
            if (mode == Mode.BARS) {
                int bars = k * spacingBars;
                legs.add(EntryLeg.after(fraction, bars));
                placed.add(Fmt.percent(percent) + " after " + bars + (bars == 1 ? " bar" : " bars"));
                continue;
            }
            double price = ref * (1 - Sides.sign(direction) * k * spacingPct);
            String leg = Fmt.percent(percent) + " limit " + Fmt.price(price);
            boolean atOrBeyondStop = plan.stopLoss().isPresent()
                    && !Sides.lossSide(direction, plan.stopLoss().getAsDouble(), price);
            if (!dropped.isEmpty() || atOrBeyondStop) {
                dropped.add(leg);
                droppedPercent += percent;
            } else {
                legs.add(EntryLeg.limit(fraction, price));
                placed.add(leg);
            }
        }
        StringBuilder note = new StringBuilder("DCA ").append(count).append(" legs (consensus ")
                .append(Fmt.share(confidence)).append(' ').append(band).append("): ").append(String.join(", ", placed));
        if (!dropped.isEmpty()) {
            note.append(" (dropped at or ").append(Sides.lossWord(direction)).append(" the stop ")
                    .append(Fmt.price(plan.stopLoss().orElseThrow())).append(", ").append(Fmt.percent(droppedPercent))
                    .append(" not bought: ").append(String.join(", ", dropped)).append(')');
        }
        return plan.withLegs(legs, note.toString());
    }
}
