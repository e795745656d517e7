package org.zhengwu.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.zhengwu.portal.SearchFilters.Group;
import org.zhengwu.portal.SearchFilters.Option;
import org.zhengwu.portal.SearchFilters.OptionsHtml;

/** The filters' options printed from Java: every value and text escaped, the chosen one selected. */
class SearchFiltersTests {

    @Test
    void optionsAreEscapedAndTheChosenOneIsSelected() {
        String html = OptionsHtml.of(List.of(
                new Option("01", "行政许可（39）", false),
                new Option("\"><script>alert(1)</script>", "<b>A & B</b> 'quoted'", true)));
        assertThat(html).doesNotContain("<script>", "<b>");
        Element select =
                Jsoup.parseBodyFragment("<select>" + html + "</select>").selectFirst("select");
        assertThat(select.select("option")).hasSize(2);
        assertThat(select.select("option").get(0).attr("value")).isEqualTo("01");
        assertThat(select.select("option").get(0).hasAttr("selected")).isFalse();
        Element chosen = select.select("option").get(1);
        assertThat(chosen.attr("value")).isEqualTo("\"><script>alert(1)</script>");
        assertThat(chosen.text()).isEqualTo("<b>A & B</b> 'quoted'");
        assertThat(chosen.attr("selected")).isEqualTo("selected");
    }

    @Test
    void groupsCarryTheirEscapedLabel() {
        String html = OptionsHtml.ofGroups(List.of(
                new Group("安徽省", List.of(new Option("340000", "安徽省", false))),
                new Group("\"各市\" <", List.of(new Option("340100", "合肥市", true), new Option("340200", "芜湖市", false)))));
        Element select =
                Jsoup.parseBodyFragment("<select>" + html + "</select>").selectFirst("select");
        assertThat(select.select("optgroup").eachAttr("label")).containsExactly("安徽省", "\"各市\" <");
        assertThat(select.select("optgroup").get(1).select("option").eachText()).containsExactly("合肥市", "芜湖市");
        assertThat(select.select("option[selected]").eachAttr("value")).containsExactly("340100");
        assertThat(OptionsHtml.of(List.of())).isEmpty();
    }
}
