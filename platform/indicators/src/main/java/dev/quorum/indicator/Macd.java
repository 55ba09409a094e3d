package dev.quorum.indicator;

import dev.quorum.api.Indicator;
import dev.quorum.api.MACDIndicator;

/**
 * The three lines of a MACD.
 *
 * @param macd      fast EMA − slow EMA
 * @param signal    the EMA of the MACD line
 * @param histogram MACD − signal
 */
record Macd(Indicator macd, Indicator signal, Indicator histogram) implements MACDIndicator {
}
