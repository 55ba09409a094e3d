package dev.quorum.indicator;

import dev.quorum.api.ADXIndicator;
import dev.quorum.api.Indicator;

/**
 * The lines of Wilder's directional movement system.
 *
 * @param adx     the average directional index
 * @param plusDI  +DI
 * @param minusDI −DI
 */
record Adx(Indicator adx, Indicator plusDI, Indicator minusDI) implements ADXIndicator {
}
