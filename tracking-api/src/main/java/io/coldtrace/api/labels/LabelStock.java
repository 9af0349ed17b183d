package io.coldtrace.api.labels;

/**
 * The label stock sheets are laid out for, in millimetres: A4 with 21 labels of 63.5 × 38.1 mm, 3 across and 7 down,
 * no gap between rows and 2.5 mm between columns (Avery L7160 / J8160 and the many "A4 21-up, 63.5 × 38.1"
 * compatibles). Text and QR keep {@link #PAD} inside each label, so a sheet fed a little off still prints whole.
 */
final class LabelStock {
    static final double PAGE_W = 210.0;
    static final double PAGE_H = 297.0;
    static final int COLUMNS = 3;
    static final int ROWS = 7;
    static final int PER_SHEET = COLUMNS * ROWS;
    static final double LABEL_W = 63.5;
    static final double LABEL_H = 38.1;
    /** Distance from one column's left edge to the next one's (label + gap). */
    static final double PITCH_X = 66.04;
    static final double PITCH_Y = 38.1;
    static final double TOP = 15.15;
    static final double LEFT = 7.21;
    /** Margin kept blank inside a label. */
    static final double PAD = 2.5;

    private LabelStock() {
    }

    /** Points per millimetre (PDF user space). */
    static float pt(double mm) {
        return (float) (mm * 72.0 / 25.4);
    }

    /** Left edge of label {@code i} (0-based on its sheet), in mm from the page's left. */
    static double x(int i) {
        return LEFT + (i % COLUMNS) * PITCH_X;
    }

    /** Bottom edge of label {@code i}, in mm from the page's bottom (PDF's origin). */
    static double y(int i) {
        return PAGE_H - TOP - (i / COLUMNS + 1) * PITCH_Y;
    }
}
