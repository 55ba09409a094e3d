package dev.quorum.plugins.learners;

/** A bot's last {@code size} judged calls, hit or miss, oldest first. */
final class HitWindow {

    private final boolean[] hits;
    private int start;
    private int count;
    private int hitCount;

    HitWindow(int size) {
        this.hits = new boolean[size];
    }

    void add(boolean hit) {
        if (count == hits.length) {
            if (hits[start]) {
                hitCount--;
            }
            hits[start] = hit;
            start = (start + 1) % hits.length;
        } else {
            hits[(start + count) % hits.length] = hit;
            count++;
        }
        if (hit) {
            hitCount++;
        }
    }

    int count() {
        return count;
    }

    int hits() {
        return hitCount;
    }

    /** @return the i-th call kept, oldest first */
    boolean get(int i) {
        return hits[(start + i) % hits.length];
    }

    /** @return the calls as text: {@code 1} for a hit, {@code 0} for a miss, oldest first ({@code -} when empty) */
    String encode() {
        StringBuilder s = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            s.append(get(i) ? '1' : '0');
        }
        return s.isEmpty() ? "-" : s.toString();
    }

    /** Adds the calls of {@link #encode()}; false when the text is not of that form. */
    boolean decode(String text) {
        if (text.equals("-")) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '0' && c != '1') {
                return false;
            }
            add(c == '1');
        }
        return true;
    }
}
