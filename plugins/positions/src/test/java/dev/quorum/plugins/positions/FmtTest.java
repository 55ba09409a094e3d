package dev.quorum.plugins.positions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The number formats of the notes. */
class FmtTest {

    @Test
    void prices() {
        assertEquals("99.59", Fmt.price(99.59));
        assertEquals("100.00", Fmt.price(100));
        assertEquals("60111.06", Fmt.price(60111.06));
        assertEquals("60111.06", Fmt.price(60111.0612));
        assertEquals("1.23457", Fmt.price(1.234567));
        assertEquals("1.50", Fmt.price(1.5));
        assertEquals("0.000123456", Fmt.price(0.000123456));
        assertEquals("0.00", Fmt.price(0));
        assertEquals("-20.00", Fmt.price(-20));
        assertEquals("100.20", Fmt.price(100.19999999999999));
    }

    @Test
    void multipliersAndPercentages() {
        assertEquals("2.0", Fmt.num(2));
        assertEquals("1.5", Fmt.num(1.5));
        assertEquals("0.134", Fmt.num(0.134));
        assertEquals("3.25", Fmt.num(3.25));
        assertEquals("0.41%", Fmt.pct(0.0041));
        assertEquals("10.00%", Fmt.pct(0.1));
    }
}
