package dev.quorum.plugins.learners;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.quorum.api.ParameterException;

/** The {@code horizon} parameter: which of the run's horizons a learner learns from. */
final class Horizon {

    private static final Pattern SPAN = Pattern.compile("([1-9][0-9]{0,5})([mhd])");

    private Horizon() {
    }

    /**
     * @param text     the parameter's value: empty for the shortest horizon, else such as {@code 1h}, {@code 15m}, {@code 1d}
     * @param horizons the run's horizons, shortest first
     * @return the horizon
     * @throws ParameterException when it is not one of the run's horizons
     */
    static Duration of(String text, List<Duration> horizons) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            if (horizons.isEmpty()) {
                throw new ParameterException("horizon", text, "a horizon, as the host judges no calls (learning.horizons is empty)");
            }
            return horizons.get(0);
        }
        Matcher m = SPAN.matcher(t);
        if (!m.matches()) {
            throw new ParameterException("horizon", text, "a whole number of minutes, hours or days such as 1h, one of learning.horizons "
                    + names(horizons));
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (!horizons.contains(d)) {
            throw new ParameterException("horizon", text, "one of learning.horizons " + names(horizons));
        }
        return d;
    }

    private static List<String> names(List<Duration> horizons) {
        return horizons.stream().map(d -> d.toDays() >= 2 && d.toHours() % 24 == 0 ? d.toDays() + "d"
                : d.toMinutes() % 60 == 0 ? d.toHours() + "h" : d.toMinutes() + "m").toList();
    }
}
