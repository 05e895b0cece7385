package org.nmt4j.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.decode.DecodeOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranslationServicesTest {

    @TempDir
    Path models;

    @Test
    void findsDirectoriesWithConfigAndReportsThemFailed() throws Exception {
        for (String name : List.of("fr-en", "en-de", "notes")) Files.createDirectories(models.resolve(name));
        Files.writeString(models.resolve("fr-en/config.yaml"), "x: 1\n");
        Files.writeString(models.resolve("en-de/config.yaml"), "x: 1\n");
        Files.writeString(models.resolve("README.txt"), "not a model\n");

        assertEquals(List.of(models.resolve("en-de"), models.resolve("fr-en")), ModelDirectories.scan(models));
        TranslationService service = TranslationServices.fromModelsDirectory(models);
        assertEquals(List.of("en-de", "fr-en"), service.models().stream().map(ModelInfo::name).toList());
        assertTrue(service.models().stream().allMatch(m -> m.status().equals(ModelInfo.FAILED)));

        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> service.translate("en-de", "hello", DecodeOptions.GREEDY));
        assertEquals("model 'en-de' failed to load: model loading not available yet", e.getMessage());
        assertThrows(UnknownModelException.class, () -> service.translate("notes", "hello", DecodeOptions.GREEDY));
    }

    @Test
    void missingDirectoryHasNoModels() {
        assertEquals(List.of(), TranslationServices.fromModelsDirectory(models.resolve("absent")).models());
    }

    @Test
    void modelInfoRejectsUnknownStatus() {
        assertThrows(IllegalArgumentException.class,
                () -> new ModelInfo("m", null, null, null, null, false, null, "loading", null, null));
        assertThrows(NullPointerException.class, () -> ModelInfo.failed(null, "x"));
    }
}
