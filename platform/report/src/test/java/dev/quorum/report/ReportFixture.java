package dev.quorum.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/** Test helpers: the repository, the real plugin zips, and an independent PDF reader (PDFBox). */
final class ReportFixture {

    static final Path ROOT = Path.of(System.getProperty("quorum.root"));

    private ReportFixture() {
    }

    static Path install(Path pluginsDir, String... artifactIds) throws IOException {
        Files.createDirectories(pluginsDir);
        for (String id : artifactIds) {
            Path zip = Path.of(System.getProperty("quorum.testPlugins"), id + ".zip");
            Files.copy(zip, pluginsDir.resolve(id + ".zip"));
        }
        return pluginsDir;
    }

    /** @return the PDF's text as PDFBox extracts it, in reading order */
    static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        }
    }

    static int pages(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return doc.getNumberOfPages();
        }
    }

    /** @return every font used on any page or inside any form (the charts), with whether it is embedded */
    static List<String> fontsNotEmbedded(Path pdf) throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : doc.getPages()) {
                collect(page.getResources(), missing, seen, 0);
            }
        }
        if (seen.isEmpty()) {
            missing.add("(no fonts at all)");
        }
        return missing;
    }

    private static void collect(PDResources resources, List<String> missing, List<String> seen, int depth) throws IOException {
        if (resources == null || depth > 5) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            seen.add(font.getName());
            if (!font.isEmbedded()) {
                missing.add(font.getName());
            }
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form) {
                collect(form.getResources(), missing, seen, depth + 1);
            }
        }
    }

    /**
     * Renders every page to a PNG under target/report-pages, for a person to look at.
     *
     * @return the PNG files
     */
    static List<Path> renderPages(Path pdf, String prefix) throws IOException {
        Path out = Path.of("target", "report-pages");
        Files.createDirectories(out);
        List<Path> files = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            org.apache.pdfbox.rendering.PDFRenderer renderer = new org.apache.pdfbox.rendering.PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                File png = out.resolve(prefix + "-page-" + (i + 1) + ".png").toFile();
                javax.imageio.ImageIO.write(renderer.renderImageWithDPI(i, 110), "png", png);
                files.add(png.toPath());
            }
        }
        return files;
    }
}
