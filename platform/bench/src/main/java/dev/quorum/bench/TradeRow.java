package dev.quorum.bench;

/**
 * A round trip as both engines can report it: the index of the bar whose open filled the entry and
 * the exit, and those prices.
 *
 * @param entryIndex bar index of the entry fill
 * @param entryPrice entry price
 * @param exitIndex  bar index of the exit fill
 * @param exitPrice  exit price
 */
record TradeRow(int entryIndex, double entryPrice, int exitIndex, double exitPrice) {
}
