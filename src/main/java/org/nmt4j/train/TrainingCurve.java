package org.nmt4j.train;

import org.nmt4j.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws {@code training-log.csv} as an SVG line chart ({@code training-curve.svg} beside it): training and
 * validation loss against steps, with validation BLEU on a second axis when it was measured. Rewritten after
 * every validation so it can be watched during a run.
 */
public final class TrainingCurve {

    private static final int W = 720, H = 360, LEFT = 60, RIGHT = 60, TOP = 30, BOTTOM = 45;

    private TrainingCurve() {
    }

    /** Reads the CSV log and writes the SVG. */
    public static void draw(Path csv, Path svg) throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length < 9) continue;
            rows.add(new double[]{Double.parseDouble(f[0]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    f[5].isEmpty() ? Double.NaN : Double.parseDouble(f[5])});
        }
        AtomicFiles.writeString(svg, render(rows));
    }

    static String render(List<double[]> rows) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' "
                + "font-family='system-ui, sans-serif' font-size='12'>%n<rect width='100%%' height='100%%' fill='white'/>%n", W, H));
        if (rows.isEmpty()) return s.append("<text x='20' y='30'>no validations yet</text></svg>\n").toString();
        double maxStep = rows.stream().mapToDouble(r -> r[0]).max().orElse(1);
        double maxLoss = rows.stream().mapToDouble(r -> Math.max(r[1], r[2])).filter(Double::isFinite).max().orElse(1);
        double maxBleu = rows.stream().mapToDouble(r -> r[3]).filter(Double::isFinite).max().orElse(Double.NaN);
        int pw = W - LEFT - RIGHT, ph = H - TOP - BOTTOM;
        s.append(String.format(Locale.ROOT, "<g stroke='#ccc'><line x1='%d' y1='%d' x2='%d' y2='%d'/><line x1='%d' y1='%d' x2='%d' y2='%d'/></g>%n",
                LEFT, TOP + ph, LEFT + pw, TOP + ph, LEFT, TOP, LEFT, TOP + ph));
        for (int i = 0; i <= 4; i++) {
            double v = maxLoss * i / 4;
            int y = TOP + ph - (int) (ph * i / 4.0);
            s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='end' fill='#555'>%.2f</text>%n", LEFT - 6, y + 4, v));
            s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle' fill='#555'>%.0f</text>%n",
                    LEFT + (int) (pw * i / 4.0), TOP + ph + 18, maxStep * i / 4));
            if (Double.isFinite(maxBleu)) {
                s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' fill='#2a7'>%.1f</text>%n", LEFT + pw + 6, y + 4, maxBleu * i / 4));
            }
        }
        s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle' fill='#333'>step</text>%n", LEFT + pw / 2, H - 8));
        polyline(s, rows, 1, maxStep, maxLoss, "#d62", "train loss", 0);
        polyline(s, rows, 2, maxStep, maxLoss, "#26c", "validation loss", 1);
        if (Double.isFinite(maxBleu)) polyline(s, rows, 3, maxStep, maxBleu, "#2a7", "validation BLEU (right axis)", 2);
        return s.append("</svg>\n").toString();
    }

    private static void polyline(StringBuilder s, List<double[]> rows, int col, double maxX, double maxY, String colour,
                                 String label, int legendRow) {
        int pw = W - LEFT - RIGHT, ph = H - TOP - BOTTOM;
        StringBuilder pts = new StringBuilder();
        for (double[] r : rows) {
            if (!Double.isFinite(r[col])) continue;
            double x = LEFT + pw * r[0] / Math.max(maxX, 1e-9), y = TOP + ph - ph * r[col] / Math.max(maxY, 1e-9);
            pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            s.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='2.5' fill='%s'/>%n", x, y, colour));
        }
        s.append(String.format(Locale.ROOT, "<polyline fill='none' stroke='%s' stroke-width='2' points='%s'/>%n", colour, pts.toString().trim()));
        int ly = TOP + ph / 2 - 20 + legendRow * 16;   // mid-height: losses fall and BLEU rises away from it
        s.append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='%s' stroke-width='2'/>"
                + "<text x='%d' y='%d' fill='#333'>%s</text>%n", LEFT + pw - 190, ly, LEFT + pw - 170, ly, colour, LEFT + pw - 164, ly + 4, label));
    }
}
