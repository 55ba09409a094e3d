package dev.quorum.core.data;

/**
 * One validated bar of a candle file, with the line it came from.
 *
 * @param line     the 1-based line in the file
 * @param openTime the open time, epoch milliseconds UTC
 * @param open     open price
 * @param high     high price
 * @param low      low price
 * @param close    close price
 * @param volume   volume
 */
record CsvRow(long line, long openTime, double open, double high, double low, double close, double volume) {

    /**
     * Whether a stored bar has exactly these values.
     *
     * @param stored open, high, low, close, volume of the stored bar
     * @return true if all five are equal
     */
    boolean sameValues(double[] stored) {
        return stored[0] == open && stored[1] == high && stored[2] == low && stored[3] == close && stored[4] == volume;
    }

    /**
     * The values for messages.
     *
     * @return such as {@code open 1.0 high 2.0 low 0.5 close 1.5 volume 3.0}
     */
    String values() {
        return values(new double[] {open, high, low, close, volume});
    }

    static String values(double[] v) {
        return "open " + v[0] + " high " + v[1] + " low " + v[2] + " close " + v[3] + " volume " + v[4];
    }
}
