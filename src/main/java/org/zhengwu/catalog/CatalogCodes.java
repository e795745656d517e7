package org.zhengwu.catalog;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.zhengwu.basedata.ExerciseLevel;
import org.zhengwu.catalog.entry.CatalogProperties;
import org.zhengwu.shared.codes.CodeCheck;
import org.zhengwu.shared.codes.CodeDefect;
import org.zhengwu.shared.codes.CodeTable;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;

/**
 * Generates, validates and parses 基本编码 (base codes) and 实施编码 (implementation codes) by the configured
 * {@link CodeLayout}s ({@code zhengwu.catalog.code-layout.*}, defaults in {@link CatalogProperties}).
 */
@Component
public class CatalogCodes {

    private final CodeLayout base;
    private final CodeLayout implementation;

    @Autowired
    CatalogCodes(CatalogProperties properties) {
        this(properties.codeLayout().base(), properties.codeLayout().implementation());
    }

    public CatalogCodes(CodeLayout base, CodeLayout implementation) {
        requireLength(base, CodeLayout.Kind.ITEM_TYPE, 2);
        requireOnly(
                base,
                CodeLayout.Kind.ITEM_TYPE,
                CodeLayout.Kind.MAIN_ITEM,
                CodeLayout.Kind.SUB_ITEM,
                CodeLayout.Kind.HANDLING_ITEM);
        requireLength(implementation, CodeLayout.Kind.ORGANISATION, UnifiedSocialCreditCode.LENGTH);
        requireLength(implementation, CodeLayout.Kind.EXERCISE_LEVEL, 1);
        requireLength(implementation, CodeLayout.Kind.BASE_CODE, base.length());
        requireOnly(
                implementation,
                CodeLayout.Kind.ORGANISATION,
                CodeLayout.Kind.EXERCISE_LEVEL,
                CodeLayout.Kind.BASE_CODE);
        this.base = base;
        this.implementation = implementation;
    }

    /** The parts of an implementation code. */
    public record ImplementationParts(String organisationUscc, ExerciseLevel exerciseLevel, String baseCode) {}

    public int implementationCodeLength() {
        return implementation.length();
    }

    public String baseCode(ItemType type, int mainItem, int subItem, int handlingItem) {
        Map<CodeLayout.Kind, String> values = new EnumMap<>(CodeLayout.Kind.class);
        values.put(CodeLayout.Kind.ITEM_TYPE, type.code());
        values.put(CodeLayout.Kind.MAIN_ITEM, serial(mainItem, base.lengthOf(CodeLayout.Kind.MAIN_ITEM)));
        values.put(CodeLayout.Kind.SUB_ITEM, serial(subItem, base.lengthOf(CodeLayout.Kind.SUB_ITEM)));
        values.put(CodeLayout.Kind.HANDLING_ITEM, serial(handlingItem, base.lengthOf(CodeLayout.Kind.HANDLING_ITEM)));
        return base.compose(values);
    }

    public String implementationCode(String organisationUscc, ExerciseLevel level, String baseCode) {
        Map<CodeLayout.Kind, String> values = new EnumMap<>(CodeLayout.Kind.class);
        values.put(CodeLayout.Kind.ORGANISATION, organisationUscc);
        values.put(CodeLayout.Kind.EXERCISE_LEVEL, level.code());
        values.put(CodeLayout.Kind.BASE_CODE, baseCode);
        return implementation.compose(values);
    }

    public CodeCheck checkBaseCode(String input) {
        CodeCheck shape = shape(input, base.length(), "0123456789");
        if (!shape.isValid()) {
            return shape;
        }
        String type = base.split(shape.normalised()).get(CodeLayout.Kind.ITEM_TYPE);
        if (CodeTable.fromCode(ItemType.class, type).isEmpty()) {
            return new CodeCheck(
                    shape.normalised(),
                    CodeDefect.INVALID_SEGMENT,
                    List.of(segmentLabel(CodeLayout.Kind.ITEM_TYPE), type));
        }
        return shape;
    }

    /**
     * Checks an implementation code's shape and segments. The organisation segment needs a well-formed credit code
     * but not a correct check character: legacy organisations keep their registered code.
     */
    public CodeCheck checkImplementationCode(String input) {
        CodeCheck shape = shape(input, implementation.length(), UnifiedSocialCreditCode.ALPHABET);
        if (!shape.isValid()) {
            return shape;
        }
        Map<CodeLayout.Kind, String> parts = implementation.split(shape.normalised());
        String level = parts.get(CodeLayout.Kind.EXERCISE_LEVEL);
        if (CodeTable.fromCode(ExerciseLevel.class, level).isEmpty()) {
            return new CodeCheck(
                    shape.normalised(),
                    CodeDefect.INVALID_SEGMENT,
                    List.of(segmentLabel(CodeLayout.Kind.EXERCISE_LEVEL), level));
        }
        CodeCheck baseCheck = checkBaseCode(parts.get(CodeLayout.Kind.BASE_CODE));
        return baseCheck.isValid()
                ? shape
                : new CodeCheck(shape.normalised(), baseCheck.defect(), baseCheck.arguments());
    }

    /** Splits a valid implementation code. */
    public ImplementationParts parse(String implementationCode) {
        Map<CodeLayout.Kind, String> parts = implementation.split(implementationCode);
        return new ImplementationParts(
                parts.get(CodeLayout.Kind.ORGANISATION),
                CodeTable.requireCode(ExerciseLevel.class, parts.get(CodeLayout.Kind.EXERCISE_LEVEL)),
                parts.get(CodeLayout.Kind.BASE_CODE));
    }

    public ItemType itemType(String baseCode) {
        return CodeTable.requireCode(ItemType.class, base.split(baseCode).get(CodeLayout.Kind.ITEM_TYPE));
    }

    public int mainItem(String baseCode) {
        return Integer.parseInt(base.split(baseCode).get(CodeLayout.Kind.MAIN_ITEM));
    }

    public int subItem(String baseCode) {
        return Integer.parseInt(base.split(baseCode).get(CodeLayout.Kind.SUB_ITEM));
    }

    /** The main-item number after the highest of {@code baseCodesOfType}, all base codes of one 事项类型. */
    public int nextMainItem(Collection<String> baseCodesOfType) {
        return baseCodesOfType.stream().mapToInt(this::mainItem).max().orElse(0) + 1;
    }

    public int handlingItem(String baseCode) {
        return Integer.parseInt(base.split(baseCode).get(CodeLayout.Kind.HANDLING_ITEM));
    }

    private static CodeCheck shape(String input, int length, String alphabet) {
        if (input == null || input.isBlank()) {
            return new CodeCheck("", CodeDefect.BLANK, List.of());
        }
        String code = input.strip().toUpperCase(Locale.ROOT);
        if (code.length() != length) {
            return new CodeCheck(code, CodeDefect.WRONG_LENGTH, List.of(length, code.length()));
        }
        for (int i = 0; i < code.length(); i++) {
            if (alphabet.indexOf(code.charAt(i)) < 0) {
                return new CodeCheck(
                        code, CodeDefect.ILLEGAL_CHARACTER, List.of(i + 1, String.valueOf(code.charAt(i))));
            }
        }
        return new CodeCheck(code, null, List.of());
    }

    /** The segment's name, resolved in the reader's language when the message is shown. */
    private static DefaultMessageSourceResolvable segmentLabel(CodeLayout.Kind kind) {
        return new DefaultMessageSourceResolvable("code.segment." + kind.name());
    }

    private static String serial(int number, int length) {
        String text = Integer.toString(number);
        if (number < 0 || text.length() > length) {
            throw new IllegalArgumentException("serial " + number + " does not fit " + length + " digits");
        }
        return "0".repeat(length - text.length()) + text;
    }

    private static void requireLength(CodeLayout layout, CodeLayout.Kind kind, int length) {
        if (!layout.has(kind) || layout.lengthOf(kind) != length) {
            throw new IllegalArgumentException("layout " + layout + " needs segment " + kind + " of length " + length);
        }
    }

    private static void requireOnly(CodeLayout layout, CodeLayout.Kind... kinds) {
        Set<CodeLayout.Kind> allowed = Set.of(kinds);
        for (CodeLayout.Segment segment : layout.segments()) {
            if (!allowed.contains(segment.kind())) {
                throw new IllegalArgumentException("segment " + segment.kind() + " does not belong in " + layout);
            }
        }
        for (CodeLayout.Kind kind : kinds) {
            if (!layout.has(kind)) {
                throw new IllegalArgumentException("layout " + layout + " lacks segment " + kind);
            }
        }
    }
}
