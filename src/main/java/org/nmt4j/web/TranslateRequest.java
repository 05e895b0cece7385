package org.nmt4j.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.tokenize.TextNormalizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;

/**
 * A validated body of {@code POST /api/translate}.
 *
 * @param text  input text, not blank after normalisation and at most {@code maxChars} code points
 * @param model model name, or null for the server's default
 * @param beam  beam width in 1..maxBeam
 * @param nbest hypotheses to return, in 1..beam
 * @param granularity the units of the returned tokens and alignments: words (the default) or, for a subword model,
 *                    the subwords the model saw
 * @param coverageBeta     coverage-penalty weight in 0..{@link DecodeOptions#MAX_COVERAGE_BETA} (0 = off), see
 *                         {@link DecodeOptions#coverageBeta()}
 * @param blockNgramRepeat n-gram size whose repeats are blocked, in 0..{@link DecodeOptions#MAX_BLOCK_NGRAM_REPEAT}
 *                         (0 = off)
 * @param blockWordRepeat  whether a word may not follow itself, see {@link DecodeOptions#blockWordRepeat()}
 * @param minLengthRatio   minimum output length relative to the source, in 0..{@link DecodeOptions#DEFAULT_MAX_LENGTH_RATIO}
 */
public record TranslateRequest(String text, String model, int beam, int nbest, Granularity granularity,
                               double coverageBeta, int blockNgramRepeat, boolean blockWordRepeat,
                               double minLengthRatio) {

    /** Tokens and alignments in words, or in the subwords of a subword model (the same for a word-level model). */
    public enum Granularity {
        WORD, SUBWORD;

        /** A request's {@code granularity} field: "word" (also when absent or null) or "subword"; anything else is a 400. */
        static Granularity of(JsonNode node) {
            if (node == null || node.isNull()) return WORD;
            String g = node.isTextual() ? node.asText() : "";
            if (g.equals("word")) return WORD;
            if (g.equals("subword")) return SUBWORD;
            throw ApiException.badRequest("'granularity' must be \"word\" or \"subword\", got " + node);
        }
    }

    /** A request for word-level tokens and alignments. */
    public TranslateRequest(String text, String model, int beam, int nbest) {
        this(text, model, beam, nbest, Granularity.WORD);
    }

    /** A request with the default coverage penalty, repeat blocking and minimum length. */
    public TranslateRequest(String text, String model, int beam, int nbest, Granularity granularity) {
        this(text, model, beam, nbest, granularity, DecodeOptions.DEFAULT_COVERAGE_BETA,
                DecodeOptions.DEFAULT_BLOCK_NGRAM_REPEAT, DecodeOptions.DEFAULT_BLOCK_WORD_REPEAT,
                DecodeOptions.DEFAULT_MIN_LENGTH_RATIO);
    }

    /** The decoder's options for this request: the defaults of {@link DecodeOptions} with the request's fields. */
    public DecodeOptions decodeOptions() {
        return DecodeOptions.beam(beam, nbest).withCoverageBeta(coverageBeta).withBlockNgramRepeat(blockNgramRepeat)
                .withBlockWordRepeat(blockWordRepeat).withMinLengthRatio(minLengthRatio);
    }

    private static final Set<String> FIELDS = Set.of("text", "model", "beam", "nbest", "granularity",
            "coverageBeta", "blockNgramRepeat", "blockWordRepeat", "minLengthRatio");
    /** The request body is one flat object; anything nested deeper is refused before it is built. */
    static final int MAX_NESTING_DEPTH = 16;
    /** Digits a number may have (beam and nbest are small integers). */
    static final int MAX_NUMBER_LENGTH = 32;
    private static final TextNormalizer NORMALIZER = new TextNormalizer("NFC");

    /**
     * The JSON mapper for request bodies (and answers): parser limits sized for {@code config} instead of Jackson's
     * generous defaults, duplicate keys and content after the object refused.
     */
    public static ObjectMapper jsonMapper(ServerConfig config) {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(maxStringLength(config))
                .maxDocumentLength(config.maxBodyBytes())
                .build();
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(limits).build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /**
     * Parses and checks a request body. Only {@code text} is required; {@code beam} defaults to
     * {@link ServerConfig#defaultBeam()} and {@code nbest} to 1.
     *
     * @param mapper a mapper from {@link #jsonMapper(ServerConfig)}
     * @throws ApiException (400) saying exactly what is wrong
     */
    public static TranslateRequest parse(byte[] body, ObjectMapper mapper, ServerConfig config) {
        if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw ApiException.badRequest("request body is empty; expected JSON like {\"text\": \"...\"}");
        }
        JsonNode root = readTree(body, mapper, config);
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("request body must be a JSON object like {\"text\": \"...\"}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest("unknown field '" + name + "'; expected text, model, beam, nbest, granularity, "
                        + "coverageBeta, blockNgramRepeat, blockWordRepeat, minLengthRatio");
            }
        }

        JsonNode textNode = root.get("text");
        if (textNode == null || textNode.isNull()) throw ApiException.badRequest("missing field 'text'");
        if (!textNode.isTextual()) throw ApiException.badRequest("'text' must be a string");
        String text = textNode.asText();
        if (text.isEmpty()) throw ApiException.badRequest("'text' is empty");
        if (NORMALIZER.normalize(text).isEmpty()) {
            throw ApiException.badRequest("'text' is empty: it holds only spaces or invisible characters");
        }
        int chars = text.codePointCount(0, text.length());
        if (chars > config.maxChars()) {
            throw ApiException.badRequest("'text' is too long: " + chars + " characters, the limit is "
                    + config.maxChars());
        }

        String model = null;
        JsonNode modelNode = root.get("model");
        if (modelNode != null && !modelNode.isNull()) {
            if (!modelNode.isTextual()) throw ApiException.badRequest("'model' must be a string");
            model = modelNode.asText().isBlank() ? null : modelNode.asText();
        }

        int maxBeam = config.maxBeam();
        int beam = intField(root, "beam", config.defaultBeam());
        if (beam < 1 || beam > maxBeam) {
            throw ApiException.badRequest("'beam' must be in 1.." + maxBeam + ", got " + beam);
        }
        int nbest = intField(root, "nbest", 1);
        if (nbest < 1 || nbest > beam) {
            throw ApiException.badRequest("'nbest' must be in 1..beam (1.." + beam + "), got " + nbest);
        }
        long work = (long) beam * nbest * chars;
        if (work > config.maxWork()) {
            throw ApiException.badRequest("request asks for too much work: beam " + beam + " x nbest " + nbest
                    + " x " + chars + " characters = " + work + ", the limit is " + config.maxWork()
                    + "; use a smaller beam or nbest, or a shorter text");
        }
        Granularity granularity = Granularity.of(root.get("granularity"));
        double coverageBeta = numberField(root, "coverageBeta", DecodeOptions.DEFAULT_COVERAGE_BETA);
        if (!(coverageBeta >= 0 && coverageBeta <= DecodeOptions.MAX_COVERAGE_BETA)) {
            throw ApiException.badRequest("'coverageBeta' must be in 0.." + DecodeOptions.MAX_COVERAGE_BETA + ", got "
                    + root.get("coverageBeta"));
        }
        int blockNgramRepeat = intField(root, "blockNgramRepeat", DecodeOptions.DEFAULT_BLOCK_NGRAM_REPEAT);
        if (blockNgramRepeat < 0 || blockNgramRepeat > DecodeOptions.MAX_BLOCK_NGRAM_REPEAT) {
            throw ApiException.badRequest("'blockNgramRepeat' must be in 0.." + DecodeOptions.MAX_BLOCK_NGRAM_REPEAT
                    + " (0 = off), got " + blockNgramRepeat);
        }
        JsonNode wordRepeat = root.get("blockWordRepeat");
        if (wordRepeat != null && !wordRepeat.isNull() && !wordRepeat.isBoolean()) {
            throw ApiException.badRequest("'blockWordRepeat' must be true or false, got " + wordRepeat);
        }
        boolean blockWordRepeat = wordRepeat == null || wordRepeat.isNull() ? DecodeOptions.DEFAULT_BLOCK_WORD_REPEAT
                : wordRepeat.booleanValue();
        double minLengthRatio = numberField(root, "minLengthRatio", DecodeOptions.DEFAULT_MIN_LENGTH_RATIO);
        if (!(minLengthRatio >= 0 && minLengthRatio <= DecodeOptions.DEFAULT_MAX_LENGTH_RATIO)) {
            throw ApiException.badRequest("'minLengthRatio' must be in 0.." + DecodeOptions.DEFAULT_MAX_LENGTH_RATIO
                    + ", got " + root.get("minLengthRatio"));
        }
        return new TranslateRequest(text, model, beam, nbest, granularity, coverageBeta, blockNgramRepeat, blockWordRepeat,
                minLengthRatio);
    }

    /** The body as a JSON tree under the mapper's limits; every parse error as a 400 saying what is wrong. */
    static JsonNode readTree(byte[] body, ObjectMapper mapper, ServerConfig config) {
        try {
            return mapper.readTree(body);
        } catch (StreamConstraintsException e) {
            throw ApiException.badRequest("request JSON exceeds the parser limits: nesting deeper than "
                    + MAX_NESTING_DEPTH + " levels, a string longer than " + maxStringLength(config)
                    + " characters or a number longer than " + MAX_NUMBER_LENGTH + " digits");
        } catch (JsonProcessingException e) {
            String what = e.getOriginalMessage().startsWith("Trailing token")
                    ? "unexpected content after the JSON object" : e.getOriginalMessage();
            throw ApiException.badRequest("malformed JSON" + at(e.getLocation()) + ": " + what);
        } catch (IOException e) {
            throw ApiException.badRequest("unreadable request body: " + e.getMessage());
        }
    }

    /** " at line L, column C", or nothing when Jackson does not know where. */
    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) return "";
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Longest JSON string accepted: room for {@code maxChars} astral characters, so 'text' gets the exact error. */
    private static int maxStringLength(ServerConfig config) {
        return (int) Math.min(Integer.MAX_VALUE, 4L * config.maxChars() + 1024);
    }

    private static double numberField(JsonNode root, String name, double fallback) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) return fallback;
        if (!node.isNumber()) throw ApiException.badRequest("'" + name + "' must be a number, got " + node);
        return node.doubleValue();
    }

    private static int intField(JsonNode root, String name, int fallback) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) return fallback;
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw ApiException.badRequest("'" + name + "' must be an integer, got " + node);
        }
        return node.intValue();
    }
}
