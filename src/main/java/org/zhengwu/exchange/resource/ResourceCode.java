package org.zhengwu.exchange.resource;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 政务信息资源代码 (政务信息资源目录编制指南(试行)): 前段码 and 后段码 separated by a slash. The 前段码 is the
 * resource's classification: 类 (1 digit: 1 基础, 2 主题, 3 部门), 项 (2 digits), 目 (3 digits) and 细目 (here 2 or 3
 * digits), each level optional after 项 but only in that order; the 后段码 is a 6-digit 顺序码 within the class. E.g.
 * {@code 101001/000001}: 基础信息资源, 项 01, 目 001, 顺序码 000001.
 */
public final class ResourceCode {

    static final Pattern CLASSIFICATION = Pattern.compile("[123][0-9]{2}([0-9]{3}([0-9]{2,3})?)?");
    static final Pattern CODE = Pattern.compile("[123][0-9]{2}([0-9]{3}([0-9]{2,3})?)?/[0-9]{6}");

    private ResourceCode() {}

    /** The message key of what is wrong with a code for a classification, or empty when it is right. */
    public static Optional<String> defect(String code, String classification) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.of("exchange.resource.code.format");
        }
        if (classification != null
                && CLASSIFICATION.matcher(classification).matches()
                && !code.substring(0, code.indexOf('/')).equals(classification)) {
            return Optional.of("exchange.resource.code.classification");
        }
        return Optional.empty();
    }

    /** The message key of what is wrong with a classification, or empty. */
    public static Optional<String> classificationDefect(String classification) {
        return classification != null && CLASSIFICATION.matcher(classification).matches()
                ? Optional.empty()
                : Optional.of("exchange.resource.classification.format");
    }
}
