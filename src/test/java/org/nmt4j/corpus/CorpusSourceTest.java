package org.nmt4j.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusSourceTest {

    @TempDir
    Path dir;

    @Test
    void picksFormatFromArguments() {
        Path a = Path.of("a");
        Path b = Path.of("b");
        assertEquals(new CorpusSource.Tsv(a), CorpusSource.of(a, null, null));
        assertEquals(new CorpusSource.Aligned(a, b), CorpusSource.of(null, a, b));
        assertThrows(IllegalArgumentException.class, () -> CorpusSource.of(null, null, null));
        assertThrows(IllegalArgumentException.class, () -> CorpusSource.of(null, a, null));
        assertThrows(IllegalArgumentException.class, () -> CorpusSource.of(a, a, b));
    }

    @Test
    void bothFormatsReadTheSamePairs() throws IOException {
        Path tsv = Files.writeString(dir.resolve("c.tsv"), "x\ty\nz\tw\n");
        Path src = Files.writeString(dir.resolve("c.en"), "x\nz\n");
        Path tgt = Files.writeString(dir.resolve("c.fr"), "y\nw\n");
        assertEquals(CorpusSource.of(tsv, null, null).read(PairFilter.noLimit()).pairs(),
                CorpusSource.of(null, src, tgt).read(PairFilter.noLimit()).pairs());
    }
}
