package org.zhengwu.shared.codes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A GB/T 2260 administrative division code: province (2) + prefecture (2) + county (2) digits, with zeros for the
 * levels below the division itself (340000 安徽省, 340100 合肥市, 340104 蜀山区).
 */
public record DivisionCode(String value) {

    public static final int LENGTH = 6;

    public enum Level {
        PROVINCE,
        PREFECTURE,
        COUNTY
    }

    public DivisionCode {
        CodeCheck check = checkFormat(value);
        if (!check.isValid()) {
            throw new IllegalArgumentException("not a division code: " + value + " (" + check.defect() + ")");
        }
        value = check.normalised();
    }

    /** Checks the format only: six digits, a real province prefix, no county part under an empty prefecture part. */
    public static CodeCheck checkFormat(String input) {
        if (input == null || input.isBlank()) {
            return CodeCheck.invalid("", CodeDefect.BLANK);
        }
        String code = input.strip();
        if (code.length() != LENGTH) {
            return CodeCheck.invalid(code, CodeDefect.WRONG_LENGTH, LENGTH, code.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return CodeCheck.invalid(code, CodeDefect.ILLEGAL_CHARACTER, i + 1, String.valueOf(c));
            }
        }
        if (!Provinces.isProvincePrefix(code.substring(0, 2))) {
            return CodeCheck.invalid(code, CodeDefect.UNKNOWN_PROVINCE, code.substring(0, 2));
        }
        if (code.startsWith("00", 2) && !code.startsWith("00", 4)) {
            return CodeCheck.invalid(code, CodeDefect.MALFORMED_DIVISION, code);
        }
        return CodeCheck.valid(code);
    }

    /**
     * Checks format, existence and that the code was in force on {@code date}, against a register of divisions.
     */
    public static CodeCheck check(String input, LocalDate date, DivisionRegister register) {
        CodeCheck format = checkFormat(input);
        if (!format.isValid()) {
            return format;
        }
        String code = format.normalised();
        List<DivisionRegister.Validity> validities = register.validities(code);
        if (validities.isEmpty()) {
            return CodeCheck.invalid(code, CodeDefect.UNKNOWN_DIVISION, code);
        }
        boolean inForce = validities.stream().anyMatch(v -> v.covers(date));
        return inForce
                ? CodeCheck.valid(code)
                : CodeCheck.invalid(code, CodeDefect.DIVISION_NOT_EFFECTIVE, code, date.toString());
    }

    public static Optional<DivisionCode> parse(String input) {
        CodeCheck check = checkFormat(input);
        return check.isValid() ? Optional.of(new DivisionCode(check.normalised())) : Optional.empty();
    }

    public Level level() {
        if (value.endsWith("0000")) {
            return Level.PROVINCE;
        }
        return value.endsWith("00") ? Level.PREFECTURE : Level.COUNTY;
    }

    /** The division one level up by code structure, empty for a province. */
    public Optional<DivisionCode> structuralParent() {
        return switch (level()) {
            case PROVINCE -> Optional.empty();
            case PREFECTURE -> Optional.of(new DivisionCode(value.substring(0, 2) + "0000"));
            case COUNTY -> Optional.of(new DivisionCode(value.substring(0, 4) + "00"));
        };
    }

    /** This code and the codes above it, from the province down. */
    public List<DivisionCode> pathFromProvince() {
        List<DivisionCode> path = new ArrayList<>();
        Optional<DivisionCode> current = Optional.of(this);
        while (current.isPresent()) {
            path.add(0, current.get());
            current = current.get().structuralParent();
        }
        return List.copyOf(path);
    }

    /** Whether {@code other} lies within this division (or is it). */
    public boolean covers(DivisionCode other) {
        return other.value.startsWith(significantPrefix());
    }

    /**
     * The leading digits every code within this division shares: two for a province, four for a prefecture, all
     * six for a county — what a {@code LIKE prefix || '%'} query needs to select a region's subtree.
     */
    public String significantPrefix() {
        return switch (level()) {
            case PROVINCE -> value.substring(0, 2);
            case PREFECTURE -> value.substring(0, 4);
            case COUNTY -> value;
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
