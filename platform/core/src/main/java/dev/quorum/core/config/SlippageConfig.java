package dev.quorum.core.config;

import java.util.List;
import java.util.Locale;

/**
 * How the paper broker prices slippage ({@code broker.slippage}). Slippage is adverse: buys pay more,
 * sells receive less. It applies to market and stop fills; limit fills never slip.
 *
 * <ul>
 *   <li>{@code none} (default): fills at the price the intrabar rules give, in full.</li>
 *   <li>{@code fixed}: {@code bps} basis points of the price on every market and stop fill, in full.</li>
 *   <li>{@code volume}: at most {@code maxParticipation × bar volume} units of a symbol execute per bar
 *       (the rest on the following bars of the symbol); a market or stop fill of {@code q} units on a bar
 *       of volume {@code V} slips by {@code bps / 10,000 + impact × q / V} of the price. A bar of volume 0
 *       executes nothing.</li>
 * </ul>
 * A key a model does not use is refused rather than ignored, so that {@code bps: 10} without
 * {@code model: fixed} cannot silently mean no slippage.
 *
 * @param model            {@code none}, {@code fixed} or {@code volume}; default {@code none}
 * @param bps              slippage in basis points (1 bps = 0.01%) for {@code fixed}, base slippage for
 *                         {@code volume}; in [0, 500]; default 5
 * @param impact           price impact per unit of participation for {@code volume} (0.1: taking 1% of a
 *                         bar's volume costs 0.1% more); in [0, 0.5]; default 0.1
 * @param maxParticipation the most of a bar's volume one symbol's orders may take for {@code volume}, in
 *                         (0, 1]; default 0.1
 */
public record SlippageConfig(String model, Double bps, Double impact, Double maxParticipation) {

    /** The models, in the order the error messages list them. */
    public static final List<String> MODELS = List.of("none", "fixed", "volume");

    /** Applies defaults, checks ranges and that each key given is used by the model. */
    public SlippageConfig {
        model = Check.notBlank("broker.slippage.model", model, "none");
        if (!MODELS.contains(model)) {
            throw new IllegalArgumentException("broker.slippage.model = '" + model + "' is not valid: expected none, fixed or volume");
        }
        unused(model, "bps", bps, model.equals("none"));
        unused(model, "impact", impact, !model.equals("volume"));
        unused(model, "maxParticipation", maxParticipation, !model.equals("volume"));
        bps = Check.range("broker.slippage.bps", bps, 5, 0, 500, false);
        impact = Check.range("broker.slippage.impact", impact, 0.1, 0, 0.5, false);
        maxParticipation = Check.range("broker.slippage.maxParticipation", maxParticipation, 0.1, 0, 1, true);
    }

    /** @return no slippage */
    public static SlippageConfig none() {
        return new SlippageConfig(null, null, null, null);
    }

    /** @return a short description, such as {@code no slippage} or {@code slippage fixed 5 bps} */
    public String describe() {
        return switch (model) {
            case "fixed" -> String.format(Locale.ROOT, "slippage fixed %s bps", number(bps));
            case "volume" -> String.format(Locale.ROOT, "slippage volume: %s bps + %s x participation, at most %s%% of a bar's volume",
                    number(bps), number(impact), number(maxParticipation * 100));
            default -> "no slippage";
        };
    }

    private static void unused(String model, String key, Double value, boolean unused) {
        if (value != null && unused) {
            throw new IllegalArgumentException("broker.slippage." + key + " = " + value + " has no effect with broker.slippage.model = "
                    + model + ": it applies to " + (key.equals("bps") ? "fixed and volume" : "volume") + " (set the model, or remove the key)");
        }
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
