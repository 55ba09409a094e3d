package dev.quorum.core.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A candle file (or the catalog of embedded candle files) cannot be imported. Nothing of the failed
 * import is stored. The message has one fixed form that names the place, the problem, the offending
 * value and what was expected:
 * <pre>{@code <file>:<line>: <what is wrong> (<value>, expected <what>)}</pre>
 * for example {@code data/x.csv:17: malformed number in column 'high' ('68O1.2', expected a decimal number)}.
 * When the whole file is concerned (it does not exist, say) the line is 0 and left out:
 * {@code data/x.csv: no such file (...)}.
 */
public class CandleImportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    /**
     * @param file     the file as given to the importer
     * @param line     the 1-based line, or 0 for the whole file
     * @param problem  what is wrong, such as {@code negative volume}
     * @param value    the offending value as it should be shown, such as {@code -3.0} or {@code 'abc'}
     * @param expected what was expected, such as {@code >= 0}
     */
    public CandleImportException(Path file, long line, String problem, String value, String expected) {
        this(file, line, problem, value, expected, null);
    }

    /**
     * @param file     the file as given to the importer
     * @param line     the 1-based line, or 0 for the whole file
     * @param problem  what is wrong
     * @param value    the offending value as it should be shown
     * @param expected what was expected
     * @param cause    the underlying exception, or null
     */
    public CandleImportException(Path file, long line, String problem, String value, String expected, Throwable cause) {
        super(place(file, line) + ": " + problem + " (" + value + ", expected " + expected + ")", cause);
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
    }

    /**
     * The file concerned.
     *
     * @return the file as given to the importer
     */
    public Path file() {
        return file;
    }

    /**
     * The line concerned.
     *
     * @return the 1-based line, or 0 when the whole file is concerned
     */
    public long line() {
        return line;
    }

    private static String place(Path file, long line) {
        return line > 0 ? file + ":" + line : String.valueOf(file);
    }
}
