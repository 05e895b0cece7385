package org.nmt4j.decode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nmt4j.vocab.Vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** How the alignment of a translation's best hypothesis is written, one line per input line. */
public enum AlignmentFormat {

    /**
     * A JSON object per line: {@code {"source":[..., "</s>"], "target":[..., "</s>"], "alignment":[[...], ...]}},
     * rows = target tokens, columns = source tokens, the soft attention weights. An empty input gives empty lists.
     */
    JSON,

    /**
     * Hard alignments as Moses/fast_align write them: {@code j-i} pairs (source position, target position,
     * from 0) linking each target token to its most attended source token; {@code </s>} row and column left
     * out. An empty input gives an empty line.
     */
    PHARAOH;

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();

    /** The alignment line for the best hypothesis of {@code t}. */
    public String line(Translation t) {
        Hypothesis h = t.best();
        if (this == PHARAOH) {
            StringJoiner out = new StringJoiner(" ");
            // A model that reads no source </s> has only word columns.
            int sourceWords = t.sourceTokens().size() - (Vocabulary.endsWithEos(t.sourceTokens()) ? 1 : 0);
            if (sourceWords == 0) return "";
            for (int i = 0; i < h.tokens().size(); i++) {
                out.add(UnknownWords.mostAttended(h.alignment()[i], sourceWords) + "-" + i);
            }
            return out.toString();
        }
        List<String> target = new ArrayList<>(h.tokens());
        if (h.alignment().length == target.size() + 1) target.add(org.nmt4j.vocab.Vocabulary.EOS);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", t.sourceTokens());
        m.put("target", target);
        m.put("alignment", h.alignment());
        try {
            return JSON_MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write alignment as JSON", e); // plain lists and arrays: cannot happen
        }
    }

    /** Parses {@code json} or {@code pharaoh} (any case). */
    public static AlignmentFormat parse(String name) {
        for (AlignmentFormat f : values()) if (f.name().equalsIgnoreCase(name)) return f;
        throw new IllegalArgumentException("unknown alignment format '" + name + "'; use json or pharaoh");
    }
}
