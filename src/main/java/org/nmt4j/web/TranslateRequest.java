package org.nmt4j.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Iterator;
import java.util.Set;

/**
 * A validated body of {@code POST /api/translate}.
 *
 * @param text  input text, non-blank and at most {@code maxChars} code points
 * @param model model name, or null for the server's default
 * @param beam  beam width in 1..maxBeam
 * @param nbest hypotheses to return, in 1..beam
 */
public record TranslateRequest(String text, String model, int beam, int nbest) {

    private static final Set<String> FIELDS = Set.of("text", "model", "beam", "nbest");

    /**
     * Parses and checks a request body. Only {@code text} is required; {@code beam} defaults to
     * {@link ServerConfig#DEFAULT_BEAM} (capped at the maximum) and {@code nbest} to 1.
     *
     * @throws ApiException (400) saying exactly what is wrong
     */
    public static TranslateRequest parse(String body, ObjectMapper mapper, int maxChars, int maxBeam) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("request body is empty; expected JSON like {\"text\": \"...\"}");
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("request body must be a JSON object like {\"text\": \"...\"}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest("unknown field '" + name + "'; expected text, model, beam, nbest");
            }
        }

        JsonNode textNode = root.get("text");
        if (textNode == null || textNode.isNull()) throw ApiException.badRequest("missing field 'text'");
        if (!textNode.isTextual()) throw ApiException.badRequest("'text' must be a string");
        String text = textNode.asText();
        if (text.isBlank()) throw ApiException.badRequest("'text' is empty");
        int chars = text.codePointCount(0, text.length());
        if (chars > maxChars) {
            throw ApiException.badRequest("'text' is too long: " + chars + " characters, the limit is " + maxChars);
        }

        String model = null;
        JsonNode modelNode = root.get("model");
        if (modelNode != null && !modelNode.isNull()) {
            if (!modelNode.isTextual()) throw ApiException.badRequest("'model' must be a string");
            model = modelNode.asText().isBlank() ? null : modelNode.asText();
        }

        int beam = intField(root, "beam", Math.min(ServerConfig.DEFAULT_BEAM, maxBeam));
        if (beam < 1 || beam > maxBeam) {
            throw ApiException.badRequest("'beam' must be in 1.." + maxBeam + ", got " + beam);
        }
        int nbest = intField(root, "nbest", 1);
        if (nbest < 1 || nbest > beam) {
            throw ApiException.badRequest("'nbest' must be in 1..beam (1.." + beam + "), got " + nbest);
        }
        return new TranslateRequest(text, model, beam, nbest);
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
