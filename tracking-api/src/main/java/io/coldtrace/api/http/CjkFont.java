package io.coldtrace.api.http;

import com.lowagie.text.pdf.BaseFont;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The TrueType font PDFs (daily records, label sheets) are written in: one that has Simplified Chinese, Latin and °,
 * embedded (subset) so any reader shows it. Found among the Debian font packages below (first match wins); .ci/run
 * installs fonts-wqy-microhei. Loaded once per instance, on first use.
 */
public final class CjkFont {
    /** Debian package to install when no font is found. */
    public static final String PACKAGE = "fonts-wqy-microhei";
    /** Candidate files; a ",0" suffix selects the first face of a TrueType collection. */
    static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc");

    private BaseFont font;

    /** The font; fails with the package to install when none of the candidates exists. */
    public synchronized BaseFont get() {
        if (font == null) {
            font = load();
        }
        return font;
    }

    private static BaseFont load() {
        for (String file : CANDIDATES) {
            if (Files.isReadable(Path.of(file))) {
                try {
                    return BaseFont.createFont(file + ",0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot load the CJK font " + file + ": " + e.getMessage(), e);
                }
            }
        }
        throw new IllegalStateException("no font with Chinese glyphs for PDFs: none of " + CANDIDATES
                + " exists; install one (apt-get install " + PACKAGE + ")");
    }
}
