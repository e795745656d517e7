package org.zhengwu.catalog;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The segments of a composite catalogue code, in order, each with its length — the single definition from which
 * codes are generated, validated and parsed. Written in configuration as {@code ITEM_TYPE:2,MAIN_ITEM:5,…}.
 */
public record CodeLayout(List<Segment> segments) {

    /** What a segment holds; each kind is validated against its own code table or alphabet. */
    public enum Kind {
        /** 事项类型 code (two digits). */
        ITEM_TYPE,
        /** 主项 serial number. */
        MAIN_ITEM,
        /** 子项 serial number, zeros for an item without sub-items. */
        SUB_ITEM,
        /** 业务办理项 serial number. */
        HANDLING_ITEM,
        /** The implementing organisation's 统一社会信用代码. */
        ORGANISATION,
        /** 行使层级 code. */
        EXERCISE_LEVEL,
        /** The whole base code. */
        BASE_CODE
    }

    public record Segment(Kind kind, int length) {
        public Segment {
            if (length < 1) {
                throw new IllegalArgumentException("segment " + kind + " needs a positive length");
            }
        }
    }

    public CodeLayout {
        segments = List.copyOf(segments);
        if (segments.stream().map(Segment::kind).distinct().count() != segments.size()) {
            throw new IllegalArgumentException("a segment appears twice in " + segments);
        }
    }

    public static CodeLayout parse(String definition) {
        List<Segment> segments = new ArrayList<>();
        for (String part : definition.split(",")) {
            String[] kindAndLength = part.strip().split(":");
            if (kindAndLength.length != 2) {
                throw new IllegalArgumentException("segment must be KIND:LENGTH, got '" + part + "'");
            }
            segments.add(
                    new Segment(Kind.valueOf(kindAndLength[0].strip()), Integer.parseInt(kindAndLength[1].strip())));
        }
        return new CodeLayout(segments);
    }

    public int length() {
        return segments.stream().mapToInt(Segment::length).sum();
    }

    public boolean has(Kind kind) {
        return segments.stream().anyMatch(s -> s.kind() == kind);
    }

    public int lengthOf(Kind kind) {
        return segments.stream()
                .filter(s -> s.kind() == kind)
                .mapToInt(Segment::length)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no segment " + kind));
    }

    /** Splits a code of the right length into its segments. */
    public Map<Kind, String> split(String code) {
        if (code.length() != length()) {
            throw new IllegalArgumentException("code must have " + length() + " characters: " + code);
        }
        Map<Kind, String> parts = new EnumMap<>(Kind.class);
        int offset = 0;
        for (Segment segment : segments) {
            parts.put(segment.kind(), code.substring(offset, offset + segment.length()));
            offset += segment.length();
        }
        return parts;
    }

    /** Joins segment values in layout order; each value must have its segment's length. */
    public String compose(Map<Kind, String> values) {
        StringBuilder code = new StringBuilder();
        for (Segment segment : segments) {
            String value = values.get(segment.kind());
            if (value == null || value.length() != segment.length()) {
                throw new IllegalArgumentException("segment " + segment.kind() + " needs " + segment.length()
                        + " characters, got '" + value + "'");
            }
            code.append(value);
        }
        return code.toString();
    }
}
