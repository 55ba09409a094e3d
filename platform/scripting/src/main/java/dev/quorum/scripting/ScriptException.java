package dev.quorum.scripting;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/**
 * A problem with a script, located where it can be: {@code file:line:column: message}, followed by the
 * offending line and a caret under the column. Without a line (a metadata error, a time-out outside
 * any frame) it is {@code file: message}.
 */
public final class ScriptException extends RuntimeException {

    private final String file;
    private final int line;
    private final int column;
    private final String problem;
    private final String excerpt;

    /**
     * @param file    the script's name as the user knows it
     * @param line    1-based, 0 if unknown
     * @param column  1-based, 0 if unknown
     * @param problem what is wrong
     * @param excerpt the source line, or empty
     */
    public ScriptException(String file, int line, int column, String problem, String excerpt) {
        super(format(file, line, column, problem, excerpt));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
        this.excerpt = excerpt;
    }

    /**
     * @param file    the script's name
     * @param problem what is wrong, with the field and the value
     * @return an exception without a line
     */
    static ScriptException of(String file, String problem) {
        return new ScriptException(file, 0, 0, problem, "");
    }

    /**
     * Locates a GraalJS error: its own source location, else the innermost guest frame that has one.
     *
     * @param file     the script's name
     * @param e        the error
     * @param fallback the message to use instead of the engine's (a time-out), or null
     * @return the located exception
     */
    static ScriptException from(String file, PolyglotException e, String fallback) {
        SourceSection at = e.getSourceLocation();
        if (at == null || !at.isAvailable()) {
            at = null;
            for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
                if (frame.isGuestFrame() && frame.getSourceLocation() != null && frame.getSourceLocation().isAvailable()
                        && !frame.getSourceLocation().getSource().getName().startsWith("quorum-")) {
                    at = frame.getSourceLocation();
                    break;
                }
            }
        }
        String message = fallback != null ? fallback : message(e);
        if (at == null) {
            return new ScriptException(file, 0, 0, message, "");
        }
        String lineText = at.getSource().hasCharacters() && at.getStartLine() <= at.getSource().getLineCount()
                ? at.getSource().getCharacters(at.getStartLine()).toString() : "";
        return new ScriptException(at.getSource().getName(), at.getStartLine(), at.getStartColumn(), message, lineText);
    }

    private static String message(PolyglotException e) {
        if (e.isHostException()) {
            Throwable host = e.asHostException();
            return host.getMessage() == null ? host.getClass().getSimpleName() : host.getMessage();
        }
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        String first = nl < 0 ? m : m.substring(0, nl);
        // a syntax error repeats its position ("SyntaxError: x.js:3:18 Expected ..."): the prefix says it already
        return first.replaceFirst("^(SyntaxError: )\\S+:\\d+:\\d+ ", "$1");
    }

    private static String format(String file, int line, int column, String problem, String excerpt) {
        if (line <= 0) {
            return file + ": " + problem;
        }
        StringBuilder s = new StringBuilder(file).append(':').append(line).append(':').append(column).append(": ").append(problem);
        if (!excerpt.isBlank()) {
            String shown = excerpt.replace('\t', ' ');
            s.append(System.lineSeparator()).append("    ").append(shown);
            s.append(System.lineSeparator()).append("    ").append(" ".repeat(Math.max(0, Math.min(column - 1, shown.length()))))
                    .append('^');
        }
        return s.toString();
    }

    /** @return the script's name */
    public String file() {
        return file;
    }

    /** @return the 1-based line, 0 if unknown */
    public int line() {
        return line;
    }

    /** @return the 1-based column, 0 if unknown */
    public int column() {
        return column;
    }

    /** @return what is wrong, without the location */
    public String problem() {
        return problem;
    }

    /** @return the offending source line, or empty */
    public String excerpt() {
        return excerpt;
    }

    /** @return {@code file:line:column: problem} on one line, for lists and logs */
    public String oneLine() {
        return line <= 0 ? file + ": " + problem : file + ":" + line + ":" + column + ": " + problem;
    }
}
