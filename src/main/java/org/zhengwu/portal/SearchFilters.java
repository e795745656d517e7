package org.zhengwu.portal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.zhengwu.basedata.Division;
import org.zhengwu.basedata.Divisions;
import org.zhengwu.basedata.Organisation;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.catalog.OnlineDepth;
import org.zhengwu.catalog.ServiceObject;
import org.zhengwu.catalog.ServiceTheme;

/**
 * The choices of the search filters: code tables, the organisations and the province's regions. Organisations and
 * regions change rarely and are read on every search page, so they are kept for {@link #REFRESH}.
 */
@Component
class SearchFilters {

    static final Duration REFRESH = Duration.ofMinutes(5);

    /** A group of options under a heading (an optgroup). */
    record Group(String label, List<Option> options) {
    }

    record Option(String value, String label) {
    }

    private final Organisations organisations;
    private final Divisions divisions;
    private final PortalSettings settings;
    private final Cache<String, List<Group>> groups = Caffeine.newBuilder().expireAfterWrite(REFRESH).build();

    SearchFilters(Organisations organisations, Divisions divisions, PortalSettings settings) {
        this.organisations = organisations;
        this.divisions = divisions;
        this.settings = settings;
    }

    void addTo(Model model) {
        model.addAttribute("types", ItemType.values());
        model.addAttribute("objects", ServiceObject.values());
        model.addAttribute("depths", OnlineDepth.values());
        model.addAttribute("themes", ServiceTheme.values());
        model.addAttribute("organisationGroups", groups.get("organisations", key -> organisationGroups()));
        model.addAttribute("divisionGroups", groups.get("divisions", key -> divisionGroups()));
    }

    private List<Group> organisationGroups() {
        Map<String, List<Option>> byDivision = new TreeMap<>();
        for (Organisation o : organisations.all()) {
            byDivision.computeIfAbsent(o.divisionCode(), d -> new ArrayList<>()).add(new Option(o.uscc(), o.name()));
        }
        List<Group> groups = new ArrayList<>();
        byDivision.forEach((code, options) -> groups.add(
                new Group(divisions.current(code).map(Division::name).orElse(code), options)));
        return groups;
    }

    /** The province, then each prefecture with its counties. */
    private List<Group> divisionGroups() {
        String province = settings.provinceCode();
        List<Group> groups = new ArrayList<>();
        divisions.current(province).ifPresent(p -> groups.add(new Group(p.name(), List.of(new Option(p.code(), p.name())))));
        for (Division city : divisions.children(province)) {
            List<Option> options = new ArrayList<>();
            options.add(new Option(city.code(), city.name()));
            divisions.children(city.code()).forEach(c -> options.add(new Option(c.code(), city.name() + " " + c.name())));
            groups.add(new Group(city.name(), options));
        }
        return groups;
    }
}
