package org.zhengwu.catalog.entry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.zhengwu.catalog.CodeLayout;

/**
 * The catalogue's settings ({@code zhengwu.catalog.*}).
 *
 * @param separateReviewer four eyes: nobody approves a version they wrote or submitted
 *     ({@code ZHENGWU_CATALOG_SEPARATE_REVIEWER}; on in the production profile)
 * @param codeLayout the segments of the 基本编码 and the 实施编码
 */
@ConfigurationProperties("zhengwu.catalog")
public record CatalogProperties(
        @DefaultValue("false") boolean separateReviewer,
        @DefaultValue CodeLayouts codeLayout) {

    /**
     * @param base segments of the 基本编码: 事项类型 2 + 主项 5 + 子项 3 + 业务办理项 2
     * @param implementation segments of the 实施编码: 统一社会信用代码 18 + 行使层级 1 + the whole base code
     */
    public record CodeLayouts(
            @DefaultValue("ITEM_TYPE:2,MAIN_ITEM:5,SUB_ITEM:3,HANDLING_ITEM:2")
            CodeLayout base,

            @DefaultValue("ORGANISATION:18,EXERCISE_LEVEL:1,BASE_CODE:12")
            CodeLayout implementation) {}
}
