package org.nmt4j.modeldir;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flat view of a {@link TrainingConfig}: each setting by its own name, whatever section holds it. Options,
 * the training page and flat YAML files (every config.yaml written before sections) name settings this way; a
 * config and its sectioned YAML are built from and taken back to this view here, so that the mapping of names to
 * sections has one home.
 */
public final class TrainingSettings {

    /** Settings outside any section. */
    static final List<String> TOP_LEVEL = List.of("name", "seed", "initFrom");

    /** Each section's name (its key in config.yaml) and record. */
    private static final Map<String, Class<? extends Record>> SECTIONS = sections();

    /** Each sectioned setting's section. */
    private static final Map<String, String> SECTION_OF = sectionOf();

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private TrainingSettings() {
    }

    private static Map<String, Class<? extends Record>> sections() {
        Map<String, Class<? extends Record>> m = new LinkedHashMap<>();
        m.put("data", TrainingConfig.Data.class);
        m.put("tokens", TrainingConfig.Tokens.class);
        m.put("model", TrainingConfig.Network.class);
        m.put("optimizer", TrainingConfig.Optimizer.class);
        m.put("schedule", TrainingConfig.Schedule.class);
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, String> sectionOf() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, Class<? extends Record>> s : SECTIONS.entrySet()) {
            for (RecordComponent rc : s.getValue().getRecordComponents()) {
                if (m.put(rc.getName(), s.getKey()) != null || TOP_LEVEL.contains(rc.getName())) {
                    throw new IllegalStateException("setting name '" + rc.getName() + "' is not unique");
                }
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** Every setting's flat name: the top-level ones, then each section's in order. */
    public static List<String> names() {
        List<String> all = new ArrayList<>(TOP_LEVEL);
        all.addAll(SECTION_OF.keySet());
        return all;
    }

    /** The flat names of one section's settings ("schedule" gives epochs, maxMinutes, ...). */
    public static List<String> namesIn(String section) {
        if (!SECTIONS.containsKey(section)) throw new IllegalArgumentException("no section '" + section + "'");
        return SECTION_OF.entrySet().stream().filter(e -> e.getValue().equals(section)).map(Map.Entry::getKey).toList();
    }

    /** A config's settings by flat name, as YAML holds the values (enums by their names). */
    public static Map<String, Object> flatten(TrainingConfig config) {
        return flatten(JSON.convertValue(config, new TypeReference<LinkedHashMap<String, Object>>() {
        }));
    }

    /**
     * Settings by flat name from a YAML or JSON mapping that gives them by section ({@code model: {hidden: 512}}),
     * flat ({@code hidden: 512}, as config.yaml was before sections), or both.
     *
     * @throws IllegalArgumentException naming an unknown setting or section, or a setting given twice
     */
    public static Map<String, Object> flatten(Map<String, ?> tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : tree.entrySet()) {
            String key = e.getKey();
            if (SECTIONS.containsKey(key)) {
                if (!(e.getValue() instanceof Map<?, ?> section)) {
                    throw new IllegalArgumentException("section '" + key + "' must be a mapping of settings");
                }
                List<String> known = namesIn(key);
                for (Map.Entry<?, ?> s : section.entrySet()) {
                    String name = String.valueOf(s.getKey());
                    if (!known.contains(name)) {
                        String elsewhere = SECTION_OF.containsKey(name) ? " (it belongs in '" + SECTION_OF.get(name) + "')"
                                : TOP_LEVEL.contains(name) ? " (it belongs at the top level)" : "";
                        throw new IllegalArgumentException("unknown setting '" + name + "' in section '" + key + "'"
                                + elsewhere + "; its settings: " + known);
                    }
                    put(flat, name, s.getValue());
                }
            } else if (TOP_LEVEL.contains(key) || SECTION_OF.containsKey(key)) {
                put(flat, key, e.getValue());
            } else {
                throw new IllegalArgumentException("unknown setting '" + key + "'; sections: " + SECTIONS.keySet()
                        + ", settings: " + names());
            }
        }
        return flat;
    }

    private static void put(Map<String, Object> flat, String name, Object value) {
        if (flat.containsKey(name)) throw new IllegalArgumentException("setting '" + name + "' is given twice");
        flat.put(name, value);
    }

    /**
     * The config of settings given by flat name, every one of them (a missing or unknown one is an error). Not
     * validated: see {@link TrainingConfig#validated()}. A value its type refuses (an unknown cell, say) is reported
     * in the type's own words with the setting's name.
     */
    public static TrainingConfig toConfig(Map<String, ?> flat) {
        for (String key : flat.keySet()) {
            if (!SECTION_OF.containsKey(key) && !TOP_LEVEL.contains(key)) throw new IllegalArgumentException("unknown setting '" + key + "'");
        }
        for (String key : names()) {
            if (!flat.containsKey(key)) throw new IllegalArgumentException("missing setting '" + key + "'");
        }
        Map<String, Record> sections = new LinkedHashMap<>();
        for (Map.Entry<String, Class<? extends Record>> s : SECTIONS.entrySet()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String key : namesIn(s.getKey())) values.put(key, flat.get(key));
            sections.put(s.getKey(), convert(values, s.getValue()));
        }
        Object name = flat.get("name"), seed = flat.get("seed"), initFrom = flat.get("initFrom");
        if (name != null && !(name instanceof String)) throw new IllegalArgumentException("setting 'name' must be text, got " + name);
        if (!(seed instanceof Number n) || n.longValue() != n.doubleValue()) {
            throw new IllegalArgumentException("setting 'seed' must be a whole number, got " + seed);
        }
        if (initFrom != null && !(initFrom instanceof String)) {
            throw new IllegalArgumentException("setting 'initFrom' must be a directory, got " + initFrom);
        }
        return new TrainingConfig((String) name, ((Number) seed).longValue(), (String) initFrom,
                (TrainingConfig.Data) sections.get("data"), (TrainingConfig.Tokens) sections.get("tokens"),
                (TrainingConfig.Network) sections.get("model"), (TrainingConfig.Optimizer) sections.get("optimizer"),
                (TrainingConfig.Schedule) sections.get("schedule"));
    }

    private static <T> T convert(Map<String, Object> values, Class<T> section) {
        try {
            return JSON.convertValue(values, section);
        } catch (IllegalArgumentException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            if (root instanceof IllegalArgumentException && root != e) throw new IllegalArgumentException(root.getMessage(), e);
            if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                throw new IllegalArgumentException("setting '" + m.getPath().get(m.getPath().size() - 1).getFieldName()
                        + "': " + m.getOriginalMessage(), e);
            }
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
