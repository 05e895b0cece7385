package org.nmt4j.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingCurveTest {

    @Test
    void drawsOneLinePerSeriesWithAPointPerValidation(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("log.csv");
        Files.writeString(csv, TrainingLog.HEADER + "\n"
                + "100,1,4.0,3.5,33.1,,1e-3,1000,10\n"
                + "200,2,3.0,2.5,12.2,20.5,1e-3,1000,20\n"
                + "300,3,2.0,2.0,7.4,25.0,5e-4,1000,30\n");
        Path svg = dir.resolve("curve.svg");
        TrainingCurve.draw(csv, svg);
        String out = Files.readString(svg);
        assertTrue(out.startsWith("<svg"), out);
        assertEquals(3, out.split("<polyline").length - 1, "train loss, validation loss, BLEU");
        assertEquals(3 + 3 + 2, out.split("<circle").length - 1, "a point per logged value; BLEU missing once");
        // The last validation loss point sits at the right edge of the plot.
        assertTrue(out.contains("points='") && out.contains("660.0,"), out);
    }

    @Test
    void anEmptyLogSaysSo(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("log.csv");
        Files.writeString(csv, TrainingLog.HEADER + "\n");
        TrainingCurve.draw(csv, dir.resolve("c.svg"));
        assertTrue(Files.readString(dir.resolve("c.svg")).contains("no validations yet"));
    }
}
