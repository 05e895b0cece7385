package org.nmt4j.spark;

import org.junit.jupiter.api.Test;
import org.nmt4j.decode.Translator;

import java.io.UncheckedIOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCacheTest {

    @Test
    void loadsAModelOncePerJvmByPathOrFileUri() {
        String uri = Path.of("models/numbers-de-en").toAbsolutePath().toUri().toString();
        int before = ModelCache.loads();
        Translator a = ModelCache.translator(uri, 50);
        Translator b = ModelCache.translator(uri, 50);
        assertSame(a, b);
        assertEquals(before + 1, ModelCache.loads());
        assertEquals(50, a.maxSourceTokens());
    }

    @Test
    void localPathsAndFileUrisNameLocalDirectories() throws Exception {
        assertEquals(Path.of("models/en-fr"), ModelCache.localDirectory("models/en-fr"));
        assertEquals(Path.of("/srv/models/en fr"), ModelCache.localDirectory("file:/srv/models/en%20fr"));
    }

    @Test
    void aMissingModelSaysWhichOne() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> ModelCache.translator("target/no-such-model", 10));
        assertTrue(e.getMessage().startsWith("target/no-such-model: cannot load the model"), e.getMessage());
    }
}
