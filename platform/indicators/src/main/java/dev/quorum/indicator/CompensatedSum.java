package dev.quorum.indicator;

/**
 * A running sum kept as an unevaluated pair {@code hi + lo} (Neumaier / TwoSum compensation), so
 * that adding and later subtracting the same terms leaves no drift: the rounding error of every
 * addition is carried in {@code lo}. Products are added exactly with {@link Math#fma}. Used for
 * the window sums that are updated by adding the new term and removing the old one.
 */
final class CompensatedSum {

    private double hi;
    private double lo;

    /** Adds {@code x}. */
    void add(double x) {
        double s = hi + x;
        double bp = s - hi;
        lo += (hi - (s - bp)) + (x - bp);
        hi = s;
    }

    /** Adds the exact product {@code a·b}. */
    void addProduct(double a, double b) {
        double p = a * b;
        add(p);
        lo += Math.fma(a, b, -p);
    }

    /** Subtracts the exact product {@code a·b}. */
    void subtractProduct(double a, double b) {
        double p = a * b;
        add(-p);
        lo -= Math.fma(a, b, -p);
    }

    /** Adds another compensated sum times {@code sign} (+1 or −1). */
    void add(CompensatedSum other, double sign) {
        add(sign * other.hi);
        lo += sign * other.lo;
    }

    /** Sets the sum to zero. */
    void clear() {
        hi = 0;
        lo = 0;
    }

    /** The high part. */
    double hi() {
        return hi;
    }

    /** The low part (the accumulated rounding errors). */
    double lo() {
        return lo;
    }

    /** The sum, rounded to a double. */
    double value() {
        return hi + lo;
    }
}
