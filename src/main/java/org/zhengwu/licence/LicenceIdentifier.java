package org.zhengwu.licence;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zhengwu.shared.codes.Mod3736;

/**
 * 电子证照标识 (GB/T 36904, as the national licence system writes it):
 * {@code 1.2.156.3005.2.{证照类型代码}.{颁发机构代码}.{证照编号}.{版本号}.{校验位}}. The type code is the defining
 * organisation's 统一社会信用代码 and a 3-digit sequence (21 characters), the issuer code a 统一社会信用代码 (18), the
 * number the issuer's own (digits and capital letters), the version three digits; the check character is ISO/IEC 7064
 * MOD 37,36 over the four data segments written together without dots.
 */
public record LicenceIdentifier(String typeCode, String issuerCode, String number, int version) {

    public static final String PREFIX = "1.2.156.3005.2.";
    static final Pattern TYPE_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}[0-9]{3}");
    static final Pattern ISSUER_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");
    static final Pattern NUMBER = Pattern.compile("[0-9A-Z]{1,40}");
    private static final Pattern WHOLE = Pattern.compile(
            Pattern.quote(PREFIX) + "([0-9A-Z]{21})\\.([0-9A-Z]{18})\\.([0-9A-Z]{1,40})\\.([0-9]{3})\\.([0-9A-Z])");

    public LicenceIdentifier {
        if (typeCode == null || !TYPE_CODE.matcher(typeCode).matches()) {
            throw new IllegalArgumentException("licence type code must be a 统一社会信用代码 and 3 digits");
        }
        if (issuerCode == null || !ISSUER_CODE.matcher(issuerCode).matches()) {
            throw new IllegalArgumentException("issuer code must be a 统一社会信用代码");
        }
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("licence number must be 1 to 40 digits or capital letters");
        }
        if (version < 1 || version > 999) {
            throw new IllegalArgumentException("version must be 1 to 999");
        }
    }

    /**
     * Reads an identifier as typed or scanned (surrounding blanks ignored, letters upper-cased); empty when its
     * structure is broken or its check character does not match, which a verifier reports as malformed.
     */
    public static Optional<LicenceIdentifier> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = WHOLE.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        if (!TYPE_CODE.matcher(m.group(1)).matches()
                || !ISSUER_CODE.matcher(m.group(2)).matches()) {
            return Optional.empty();
        }
        int version = Integer.parseInt(m.group(4));
        if (version < 1) {
            return Optional.empty();
        }
        LicenceIdentifier identifier = new LicenceIdentifier(m.group(1), m.group(2), m.group(3), version);
        return identifier.checkCharacter() == m.group(5).charAt(0) ? Optional.of(identifier) : Optional.empty();
    }

    public char checkCharacter() {
        return Mod3736.checkCharacter(typeCode + issuerCode + number + versionText());
    }

    public String versionText() {
        return String.format(Locale.ROOT, "%03d", version);
    }

    public LicenceIdentifier withVersion(int newVersion) {
        return new LicenceIdentifier(typeCode, issuerCode, number, newVersion);
    }

    /** The identifier as printed, with its check character. */
    public String value() {
        return PREFIX + typeCode + "." + issuerCode + "." + number + "." + versionText() + "." + checkCharacter();
    }

    @Override
    public String toString() {
        return value();
    }
}
