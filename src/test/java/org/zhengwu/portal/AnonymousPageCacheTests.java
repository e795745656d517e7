package org.zhengwu.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.zhengwu.catalog.CatalogCodes;
import org.zhengwu.catalog.CodeLayout;

/** The page cache knows a guide's address by the configured code layout, not by the default's 31 characters. */
class AnonymousPageCacheTests {

    private static final String DEFAULT_CODE = "11340100662167280R3010000100000";

    @Test
    void guidesOfTheDefaultLayoutAreCached() {
        Pattern cacheable = AnonymousPageCache.cacheablePaths(new CatalogCodes(
                CodeLayout.parse("ITEM_TYPE:2,MAIN_ITEM:5,SUB_ITEM:3,HANDLING_ITEM:2"),
                CodeLayout.parse("ORGANISATION:18,EXERCISE_LEVEL:1,BASE_CODE:12")));
        assertThat(cacheable.matcher("/items/" + DEFAULT_CODE).matches()).isTrue();
        assertThat(cacheable.matcher("/items/" + DEFAULT_CODE + "00").matches()).isFalse();
        assertThat(cacheable.matcher("/items/" + DEFAULT_CODE + "/print").matches())
                .isFalse();
        assertThat(cacheable.matcher("/regions/340100").matches()).isTrue();
        assertThat(cacheable.matcher("/").matches()).isTrue();
        assertThat(cacheable.matcher("/account").matches()).isFalse();
    }

    @Test
    void guidesOfALongerLayoutAreCachedByTheirLength() {
        CatalogCodes longer = new CatalogCodes(
                CodeLayout.parse("ITEM_TYPE:2,MAIN_ITEM:6,SUB_ITEM:4,HANDLING_ITEM:2"),
                CodeLayout.parse("ORGANISATION:18,EXERCISE_LEVEL:1,BASE_CODE:14"));
        Pattern cacheable = AnonymousPageCache.cacheablePaths(longer);
        String code = longer.implementationCode(
                "11340100662167280R",
                org.zhengwu.basedata.ExerciseLevel.COUNTY,
                longer.baseCode(org.zhengwu.catalog.ItemType.LICENSING, 7, 1, 0));
        assertThat(code).hasSize(33);
        assertThat(cacheable.matcher("/items/" + code).matches()).isTrue();
        assertThat(cacheable.matcher("/items/" + DEFAULT_CODE).matches()).isFalse();
    }

    @Test
    void gzipIsTakenWhenListedWithAWeightAboveZero() {
        assertThat(AnonymousPageCache.acceptsGzip("gzip, deflate, br, zstd")).isTrue();
        assertThat(AnonymousPageCache.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(AnonymousPageCache.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(AnonymousPageCache.acceptsGzip("gzip;q=0.000")).isFalse();
        assertThat(AnonymousPageCache.acceptsGzip("gzip;q=x")).isFalse();
        assertThat(AnonymousPageCache.acceptsGzip("x-gzip2, identity")).isFalse();
        assertThat(AnonymousPageCache.acceptsGzip("")).isFalse();
        assertThat(AnonymousPageCache.acceptsGzip(null)).isFalse();
    }

    @Test
    void aPageIsKeptCompressedAndGivenBackWhole() {
        byte[] body = "<html>登记 ".repeat(2_000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        AnonymousPageCache.Page page = AnonymousPageCache.Page.of("text/html;charset=UTF-8", "zh-CN", body);
        assertThat(page.gzipped().length).isLessThan(body.length / 10);
        assertThat(page.body()).isEqualTo(body);
    }
}
