package org.nmt4j.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nmt4j.tokenize.TextNormalizer;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;

/**
 * A validated body of {@code POST /api/align}, parsed under the same JSON rules as {@link TranslateRequest}.
 *
 * @param model  model name, or null for the server's default
 * @param source source sentence, not blank after normalisation and at most {@code maxChars} code points
 * @param target a translation of it, under the same limits
 */
public record AlignRequest(String model, String source, String target, TranslateRequest.Granularity granularity) {

    private static final Set<String> FIELDS = Set.of("model", "source", "target", "granularity");
    private static final TextNormalizer NORMALIZER = new TextNormalizer("NFC");

    /**
     * Parses and checks a request body; {@code source} and {@code target} are required.
     *
     * @param mapper a mapper from {@link TranslateRequest#jsonMapper(ServerConfig)}
     * @throws ApiException (400) saying exactly what is wrong
     */
    public static AlignRequest parse(byte[] body, ObjectMapper mapper, ServerConfig config) {
        if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw ApiException.badRequest("request body is empty; expected JSON like {\"source\": \"...\", \"target\": \"...\"}");
        }
        JsonNode root = TranslateRequest.readTree(body, mapper, config);
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("request body must be a JSON object like {\"source\": \"...\", \"target\": \"...\"}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest("unknown field '" + name + "'; expected model, source, target, granularity");
            }
        }
        String source = text(root, "source", config);
        String target = text(root, "target", config);
        String model = null;
        JsonNode modelNode = root.get("model");
        if (modelNode != null && !modelNode.isNull()) {
            if (!modelNode.isTextual()) throw ApiException.badRequest("'model' must be a string");
            model = modelNode.asText().isBlank() ? null : modelNode.asText();
        }
        return new AlignRequest(model, source, target, TranslateRequest.Granularity.of(root.get("granularity")));
    }

    private static String text(JsonNode root, String name, ServerConfig config) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) throw ApiException.badRequest("missing field '" + name + "'");
        if (!node.isTextual()) throw ApiException.badRequest("'" + name + "' must be a string");
        String text = node.asText();
        if (text.isEmpty()) throw ApiException.badRequest("'" + name + "' is empty");
        if (NORMALIZER.normalize(text).isEmpty()) {
            throw ApiException.badRequest("'" + name + "' is empty: it holds only spaces or invisible characters");
        }
        int chars = text.codePointCount(0, text.length());
        if (chars > config.maxChars()) {
            throw ApiException.badRequest("'" + name + "' is too long: " + chars + " characters, the limit is " + config.maxChars());
        }
        return text;
    }
}
