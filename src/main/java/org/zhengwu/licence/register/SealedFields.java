package org.zhengwu.licence.register;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.crypto.PlatformKeys;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A licence's personal data as stored: the holder's name and code and the printed values sealed under the platform's
 * field key (each with its own context), the code also as a blind index to find a holder's licences.
 */
@Component
public class SealedFields {

    private static final String INDEX_CONTEXT = "licence.holder_code";
    static final String VALUES_CONTEXT = "licence.values";
    static final String NAME_CONTEXT = "licence.holder_name";
    static final String CODE_CONTEXT = "licence.holder_code";

    private final PlatformKeys keys;
    private final JsonMapper json = JsonMapper.builder().build();

    SealedFields(PlatformKeys keys) {
        this.keys = keys;
    }

    public byte[] holderName(String name) {
        return keys.encrypt(name, NAME_CONTEXT);
    }

    public byte[] holderCode(String code) {
        return keys.encrypt(code, CODE_CONTEXT);
    }

    public String holderName(LicenceRow l) {
        return keys.decrypt(l.holderName(), NAME_CONTEXT);
    }

    public String holderCode(LicenceRow l) {
        return keys.decrypt(l.holderCode(), CODE_CONTEXT);
    }

    /** The blind index of a 公民身份号码 or 统一社会信用代码, by which a holder's licences are found. */
    public String index(String code) {
        return keys.blindIndex(code.strip().toUpperCase(Locale.ROOT), INDEX_CONTEXT);
    }

    public byte[] values(Map<String, String> printed) {
        return keys.encrypt(json.writeValueAsString(printed), VALUES_CONTEXT);
    }

    public Map<String, String> values(LicenceRow l) {
        return json.readValue(
                keys.decrypt(l.fieldValues(), VALUES_CONTEXT), new TypeReference<LinkedHashMap<String, String>>() {});
    }

    /**
     * A holder's code as verification shows it: a 公民身份号码 (kind {@code 111}) keeps its first four and last four
     * characters; an entity's 统一社会信用代码 is public and shown whole.
     */
    public static String masked(String codeKind, String code) {
        if (!"111".equals(codeKind)) {
            return code;
        }
        return code.substring(0, 4) + "*".repeat(code.length() - 8) + code.substring(code.length() - 4);
    }
}
