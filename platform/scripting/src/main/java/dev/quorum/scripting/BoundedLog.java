package dev.quorum.scripting;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A script's log: {@code ctx.log(...)} and {@code console.log(...)} lines, the latest {@code capacity}
 * kept, each cut at {@value #MAX_LINE} characters, older ones counted as dropped. A script that logs
 * on every bar cannot fill the host's memory. Also the {@link OutputStream} the context writes
 * {@code console} output to.
 */
public final class BoundedLog extends OutputStream {

    static final int MAX_LINE = 500;

    private final int capacity;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();
    private long dropped;

    /** @param capacity how many lines to keep, {@code >= 1} */
    public BoundedLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(String when, String text) {
        String line = when + " " + (text.length() > MAX_LINE ? text.substring(0, MAX_LINE) + "…" : text);
        if (lines.size() == capacity) {
            lines.removeFirst();
            dropped++;
        }
        lines.addLast(line);
    }

    /** @return the kept lines, oldest first */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** @return how many older lines were dropped */
    public synchronized long dropped() {
        return dropped;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            add("console", partial.toString());
            partial.setLength(0);
        } else if (partial.length() < MAX_LINE * 4) {
            partial.append((char) b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        String text = new String(b, off, len, StandardCharsets.UTF_8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                add("console", partial.toString());
                partial.setLength(0);
            } else if (partial.length() < MAX_LINE * 4) {
                partial.append(c);
            }
        }
    }
}
