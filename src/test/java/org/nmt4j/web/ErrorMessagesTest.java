package org.nmt4j.web;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ErrorMessagesTest {

    @Test
    void pathsInsideTheModelDirectoryBecomeRelativeToItsParent() {
        Path dir = Path.of("/srv/nmt/models/en-de");
        assertEquals("cannot parse en-de/config.yaml: line 3",
                ErrorMessages.withoutPaths("cannot parse /srv/nmt/models/en-de/config.yaml: line 3", dir));
        assertEquals("en-de/weights.bin is truncated",
                ErrorMessages.withoutPaths("/srv/nmt/models/en-de/weights.bin is truncated", dir));
    }

    @Test
    void otherAbsolutePathsBecomeTheirFileName() {
        assertEquals("missing 'vocab.src' (see libnd4j.so)",
                ErrorMessages.withoutPaths("missing '/home/me/x/vocab.src' (see /usr/lib/libnd4j.so)"));
        assertEquals("cannot open weights.bin", ErrorMessages.withoutPaths("cannot open C:\\models\\en\\weights.bin"));
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertEquals("weights.bin is truncated", ErrorMessages.withoutPaths("weights.bin is truncated"));
        assertEquals("1/2 done, see en-de/config.yaml or https://example.org/a/b",
                ErrorMessages.withoutPaths("1/2 done, see en-de/config.yaml or https://example.org/a/b"));
        assertNull(ErrorMessages.withoutPaths(null));
    }
}
