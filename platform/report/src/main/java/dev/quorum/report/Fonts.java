package dev.quorum.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.FontMapper;

/**
 * The report's one typeface, Liberation Sans (from openpdf-fonts-extra), embedded in every PDF as a
 * subset, for the text OpenPDF lays out and, through {@link #mapper()}, for the text in the charts, so
 * that the document does not depend on the fonts of the machine that made it or reads it.
 */
final class Fonts {

    private static final String REGULAR = "liberation/LiberationSans-Regular.ttf";
    private static final String BOLD = "liberation/LiberationSans-Bold.ttf";

    private final BaseFont regular;
    private final BaseFont bold;
    private final Font awtRegular;
    private final Font awtBold;

    private Fonts() {
        byte[] r = read(REGULAR);
        byte[] b = read(BOLD);
        try {
            this.regular = BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, r, null);
            this.bold = BaseFont.createFont("LiberationSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, b, null);
            this.awtRegular = Font.createFont(Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(r));
            this.awtBold = Font.createFont(Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(b));
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot load the report font " + REGULAR + ": " + e.getMessage(), e);
        }
    }

    private static final class Holder {
        private static final Fonts INSTANCE = new Fonts();
    }

    /** @return the fonts, loaded once per JVM (they never change) */
    static Fonts get() {
        return Holder.INSTANCE;
    }

    BaseFont regular() {
        return regular;
    }

    BaseFont bold() {
        return bold;
    }

    /**
     * @param size  points
     * @param style {@link Font#PLAIN} or {@link Font#BOLD}
     * @return the AWT font for charts
     */
    Font awt(float size, int style) {
        return (style & Font.BOLD) != 0 ? awtBold.deriveFont(Font.PLAIN, size) : awtRegular.deriveFont(Font.PLAIN, size);
    }

    /** @return maps every AWT font a chart uses to the embedded Liberation Sans, bold where the AWT font is bold */
    FontMapper mapper() {
        return new FontMapper() {
            @Override
            public BaseFont awtToPdf(Font font) {
                return font.isBold() || font.getFontName().contains("Bold") ? bold : regular;
            }

            @Override
            public Font pdfToAwt(BaseFont font, int size) {
                return awt(size, font == bold ? Font.BOLD : Font.PLAIN);
            }
        };
    }

    private static byte[] read(String resource) {
        try (InputStream in = Fonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is missing from the class path (openpdf-fonts-extra)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
