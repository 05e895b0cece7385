package org.nmt4j.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.nmt4j.decode.DecodeOptions;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The beam search constraint fields of a translate request; the other fields are covered by TranslationServerTest. */
class TranslateRequestTest {

    private static final ServerConfig CONFIG = ServerConfig.defaults();
    private static final ObjectMapper MAPPER = TranslateRequest.jsonMapper(CONFIG);

    private static TranslateRequest parse(String json) {
        return TranslateRequest.parse(json.getBytes(StandardCharsets.UTF_8), MAPPER, CONFIG);
    }

    private static void assertBadRequest(String json, String message) {
        ApiException e = assertThrows(ApiException.class, () -> parse(json));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void constraintFieldsDefaultToTheDecoderDefaults() {
        DecodeOptions options = parse("{\"text\": \"a b\"}").decodeOptions();
        DecodeOptions defaults = DecodeOptions.beam(options.beam(), 1);
        assertEquals(defaults, options);
        assertEquals(DecodeOptions.DEFAULT_COVERAGE_BETA, options.coverageBeta());
        assertEquals(DecodeOptions.DEFAULT_BLOCK_NGRAM_REPEAT, options.blockNgramRepeat());
        assertEquals(DecodeOptions.DEFAULT_MIN_LENGTH_RATIO, options.minLengthRatio());
        assertEquals(DecodeOptions.DEFAULT_BLOCK_WORD_REPEAT, options.blockWordRepeat());
    }

    @Test
    void constraintFieldsReachTheDecoder() {
        TranslateRequest r = parse("{\"text\": \"a b\", \"beam\": 4, \"nbest\": 2, \"coverageBeta\": 0.25, "
                + "\"blockNgramRepeat\": 3, \"minLengthRatio\": 0.5}");
        DecodeOptions options = r.decodeOptions();
        assertEquals(4, options.beam());
        assertEquals(2, options.nbest());
        assertEquals(0.25, options.coverageBeta());
        assertEquals(3, options.blockNgramRepeat());
        assertEquals(0.5, options.minLengthRatio());
        // integers are numbers too; 0 switches each off
        DecodeOptions off = parse("{\"text\": \"a\", \"coverageBeta\": 0, \"blockNgramRepeat\": 0, \"minLengthRatio\": 0}")
                .decodeOptions();
        assertEquals(0.0, off.coverageBeta());
        assertEquals(0, off.blockNgramRepeat());
        assertEquals(0.0, off.minLengthRatio());
        assertEquals(false, parse("{\"text\": \"a\", \"blockWordRepeat\": false}").decodeOptions().blockWordRepeat());
    }

    @Test
    void refusesConstraintValuesOutOfRangeOrOfTheWrongType() {
        assertBadRequest("{\"text\": \"a\", \"coverageBeta\": -0.1}", "'coverageBeta' must be in 0..10.0, got -0.1");
        assertBadRequest("{\"text\": \"a\", \"coverageBeta\": 11}", "'coverageBeta' must be in 0..10.0, got 11");
        assertBadRequest("{\"text\": \"a\", \"coverageBeta\": 1e999}", "'coverageBeta' must be in 0..10.0");
        assertBadRequest("{\"text\": \"a\", \"coverageBeta\": \"0.2\"}", "'coverageBeta' must be a number");
        assertBadRequest("{\"text\": \"a\", \"coverageBeta\": true}", "'coverageBeta' must be a number");
        assertBadRequest("{\"text\": \"a\", \"blockNgramRepeat\": -1}", "'blockNgramRepeat' must be in 0..10 (0 = off), got -1");
        assertBadRequest("{\"text\": \"a\", \"blockNgramRepeat\": 11}", "'blockNgramRepeat' must be in 0..10");
        assertBadRequest("{\"text\": \"a\", \"blockNgramRepeat\": 2.5}", "'blockNgramRepeat' must be an integer");
        assertBadRequest("{\"text\": \"a\", \"blockNgramRepeat\": 99999999999}", "'blockNgramRepeat' must be an integer");
        assertBadRequest("{\"text\": \"a\", \"minLengthRatio\": -1}", "'minLengthRatio' must be in 0..2.0, got -1");
        assertBadRequest("{\"text\": \"a\", \"minLengthRatio\": 2.5}", "'minLengthRatio' must be in 0..2.0, got 2.5");
        assertBadRequest("{\"text\": \"a\", \"minLengthRatio\": [1]}", "'minLengthRatio' must be a number");
        assertBadRequest("{\"text\": \"a\", \"blockWordRepeat\": 1}", "'blockWordRepeat' must be true or false, got 1");
        assertBadRequest("{\"text\": \"a\", \"blockWordRepeat\": \"no\"}", "'blockWordRepeat' must be true or false");
        assertBadRequest("{\"text\": \"a\", \"coverage\": 1}", "unknown field 'coverage'");
    }
}
