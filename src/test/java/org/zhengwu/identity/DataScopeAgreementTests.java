package org.zhengwu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.basedata.BaseDataAccess;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.catalog.entry.ItemRepository;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.shared.access.Reach;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * The data scope is one rule asked two ways: {@link Actor#mayReach} for an object in hand, {@link
 * Actor#reachCondition} for a list filtered in PostgreSQL. For every persona of the authorisation matrix (and the
 * reviewers at city, county and province level, editors, and staff of an organisation no longer registered), every
 * permission alone and the catalogue's two together, and a grid of objects — own organisation, a sibling in the same
 * division, the county below, the district another clerk works in, the province above, another city, another
 * province, no division, malformed divisions — the database must keep exactly the rows the Java check allows.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataScopeAgreementTests {

    private static final ScopeColumns GRID = new ScopeColumns("t.organisation_uscc", "t.division_code");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    AccountDirectory directory;

    @Autowired
    Actors actors;

    @Autowired
    AccessRegistry registry;

    @Autowired
    ItemRepository items;

    /** Each persona as the platform builds its actor (empty: nobody signed in). */
    private final Map<String, Optional<Actor>> personas = new LinkedHashMap<>();

    private final List<List<String>> permissionSets = new ArrayList<>();
    private final List<GridObject> grid = new ArrayList<>();

    record GridObject(int id, String ownerUscc, String divisionCode) {}

    @BeforeAll
    void setUp() {
        String cityDepartment = organisationIn("340100", 0);
        String citySibling = organisationIn("340100", 1);
        String countyDepartment = organisationIn("340104", 0);
        String districtDepartment = organisationIn("340111", 0);
        String provinceDepartment = organisationIn("340000", 0);
        String unregistered = TestPeople.newCreditCode();

        personas.put("ANONYMOUS", Optional.empty());
        personas.put("CITIZEN", Optional.of(citizen()));
        String allClerkRoles = CatalogAccess.CATALOG_EDITOR + "," + CatalogAccess.CATALOG_REVIEWER + ","
                + IdentityAccess.IDENTITY_CLERK;
        personas.put("OTHER_CLERK (district 340111)", staff(districtDepartment, allClerkRoles));
        personas.put("OWN_CLERK (city 340100)", staff(cityDepartment, allClerkRoles));
        personas.put("ADMINISTRATOR (platform, ADMIN only)", staff(null, IdentityAccess.ADMIN));
        personas.put(
                "INITIAL ADMINISTRATOR (platform, every role)",
                staff(
                        null,
                        String.join(
                                ",",
                                registry.staffRoles().stream()
                                        .map(r -> r.code())
                                        .toList())));
        personas.put("CITY EDITOR", staff(cityDepartment, CatalogAccess.CATALOG_EDITOR));
        personas.put("CITY REVIEWER", staff(cityDepartment, CatalogAccess.CATALOG_REVIEWER));
        personas.put("COUNTY REVIEWER (340104)", staff(countyDepartment, CatalogAccess.CATALOG_REVIEWER));
        personas.put("PROVINCE REVIEWER (340000)", staff(provinceDepartment, CatalogAccess.CATALOG_REVIEWER));
        personas.put("STAFF WITHOUT A ROLE", staff(cityDepartment, ""));
        personas.put(
                "CLERK OF AN UNREGISTERED ORGANISATION",
                staff(unregistered, CatalogAccess.CATALOG_EDITOR + "," + CatalogAccess.CATALOG_REVIEWER));
        // No demo organisation sits in another city; its reviewer is built as the platform would build it.
        personas.put(
                "OTHER CITY REVIEWER (340200)",
                Optional.of(new Actor(
                        0,
                        null,
                        "wuhu-reviewer",
                        "芜湖审核",
                        AccountType.STAFF,
                        RealNameLevel.SELF_REGISTERED,
                        Set.of(CatalogAccess.CATALOG_REVIEWER),
                        Map.of(CatalogAccess.REVIEW, registry.reachOf(CatalogAccess.REVIEW)),
                        DataScope.of(unregistered, "340200"))));

        registry.permissions().keySet().forEach(p -> permissionSets.add(List.of(p)));
        permissionSets.add(List.of(CatalogAccess.EDIT, CatalogAccess.REVIEW));
        permissionSets.add(List.of());

        String[] owners = {
            cityDepartment,
            citySibling,
            countyDepartment,
            districtDepartment,
            provinceDepartment,
            unregistered,
            "",
            null
        };
        String[] divisions = {
            "340100", "340104", "340111", "340000", "340200", "340202", "320100", "110000", null, "", "3401", "34010X",
            "340100 ", " 340104", "3401000", "34%", "3401__"
        };
        int id = 0;
        for (String owner : owners) {
            for (String division : divisions) {
                grid.add(new GridObject(id++, owner, division));
            }
        }
    }

    private String organisationIn(String division, int index) {
        return jdbc.sql("SELECT uscc FROM basedata_organisation WHERE division_code = :division ORDER BY uscc")
                .param("division", division)
                .query(String.class)
                .list()
                .get(index);
    }

    private Actor citizen() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "范围测试");
        return actors.actor(directory.find(citizen.username()).orElseThrow());
    }

    private Optional<Actor> staff(String organisation, String roles) {
        String username = "scope-" + TestPeople.newMobile();
        List<String> codes = roles.isEmpty() ? List.of() : List.of(roles.split(","));
        staff.create(username, "范围测试", TestBrowser.STAFF_PASSWORD, organisation, codes, "test");
        return Optional.of(actors.actor(directory.find(username).orElseThrow()));
    }

    @Test
    void theDatabaseKeepsExactlyWhatTheJavaCheckAllowsForEveryPersonaPermissionAndObject() {
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        int allowed = 0;
        for (String columnType : List.of("VARCHAR", "CHAR(6)")) {
            for (Map.Entry<String, Optional<Actor>> persona : personas.entrySet()) {
                for (List<String> acting : permissionSets) {
                    String[] permissions = acting.toArray(String[]::new);
                    ScopeCondition condition = persona.getValue()
                            .map(actor -> actor.reachCondition(GRID, permissions))
                            .orElse(ScopeCondition.NOTHING);
                    Map<Integer, GridObject> stored = new LinkedHashMap<>();
                    Set<Integer> selected = evaluate(condition, columnType, stored);
                    for (GridObject object : stored.values()) {
                        boolean java = persona.getValue()
                                .map(actor -> actor.mayReachAny(object.ownerUscc(), object.divisionCode(), permissions))
                                .orElse(false);
                        compared++;
                        allowed += java ? 1 : 0;
                        if (java != selected.contains(object.id())) {
                            disagreements.add(persona.getKey() + " acting with " + acting + " on " + object + " as "
                                    + columnType + ": Java " + java + ", SQL " + !java);
                        }
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
        // The grid is rich enough to tell the rule apart from "always" and "never".
        assertThat(compared).isGreaterThan(10_000);
        assertThat(allowed).isPositive().isLessThan(compared / 2);
    }

    /**
     * The grid as rows of a VALUES list with the division in a column of the given type, filtered by the condition;
     * {@code stored} receives each row as the database holds it (a CHAR(6) column pads and truncates).
     */
    private Set<Integer> evaluate(ScopeCondition condition, String columnType, Map<Integer, GridObject> stored) {
        StringBuilder values = new StringBuilder();
        Map<String, Object> parameters = new HashMap<>(condition.parameters());
        for (GridObject object : grid) {
            int i = object.id();
            if (!values.isEmpty()) {
                values.append(", ");
            }
            values.append("(CAST(:id")
                    .append(i)
                    .append(" AS INTEGER), CAST(:owner")
                    .append(i)
                    .append(" AS VARCHAR), CAST(:division")
                    .append(i)
                    .append(" AS ")
                    .append(columnType)
                    .append("))");
            parameters.put("id" + i, i);
            parameters.put("owner" + i, object.ownerUscc());
            parameters.put("division" + i, object.divisionCode());
        }
        String table = "(VALUES " + values + ") AS t (id, organisation_uscc, division_code)";
        jdbc.sql("SELECT t.id, t.organisation_uscc, t.division_code FROM " + table)
                .params(parameters)
                .query((rs, n) -> stored.put(
                        rs.getInt("id"),
                        new GridObject(
                                rs.getInt("id"), rs.getString("organisation_uscc"), rs.getString("division_code"))))
                .list();
        return new TreeSet<>(jdbc.sql("SELECT t.id FROM " + table + " WHERE " + condition.sql())
                .params(parameters)
                .query(Integer.class)
                .list());
    }

    @Test
    void aScopeAnswersTheSameInJavaAndSqlForBothReaches() {
        List<DataScope> scopes = new ArrayList<>(List.of(
                DataScope.PLATFORM,
                DataScope.NONE,
                DataScope.of(null, "340100"),
                DataScope.of("11340100MB0000000X", null),
                DataScope.of("11340100MB0000000X", "not-a-code")));
        personas.values().forEach(actor -> actor.ifPresent(a -> scopes.add(a.scope())));
        List<String> disagreements = new ArrayList<>();
        for (DataScope scope : scopes) {
            for (Reach reach : Reach.values()) {
                Map<Integer, GridObject> stored = new LinkedHashMap<>();
                Set<Integer> selected = evaluate(scope.condition(GRID, reach), "VARCHAR", stored);
                for (GridObject object : stored.values()) {
                    boolean java = scope.covers(object.ownerUscc(), object.divisionCode(), reach);
                    if (java != selected.contains(object.id())) {
                        disagreements.add(scope + " " + reach + " on " + object + ": Java " + java);
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void theRuleIsTheOneTheMatrixExpects() {
        Actor own = personas.get("OWN_CLERK (city 340100)").orElseThrow();
        Actor cityReviewer = personas.get("CITY REVIEWER").orElseThrow();
        Actor countyReviewer = personas.get("COUNTY REVIEWER (340104)").orElseThrow();
        String ownOrganisation = own.scope().organisationUscc();

        assertThat(own.mayReach(CatalogAccess.EDIT, ownOrganisation, "340100")).isTrue();
        assertThat(own.mayReach(CatalogAccess.EDIT, "another", "340100")).isFalse();
        assertThat(own.mayReach(CatalogAccess.REVIEW, "another", "340104")).isTrue();
        assertThat(cityReviewer.mayReach(CatalogAccess.REVIEW, "another", "340111"))
                .isTrue();
        assertThat(cityReviewer.mayReach(CatalogAccess.EDIT, ownOrganisation, "340100"))
                .isFalse();
        assertThat(countyReviewer.mayReach(CatalogAccess.REVIEW, "another", "340100"))
                .isFalse();
        assertThat(countyReviewer.mayReach(CatalogAccess.REVIEW, "another", "340104"))
                .isTrue();
        assertThat(personas.get("ADMINISTRATOR (platform, ADMIN only)")
                        .orElseThrow()
                        .mayReach(CatalogAccess.REVIEW, ownOrganisation, "340100"))
                .isFalse();
        assertThat(personas.get("ADMINISTRATOR (platform, ADMIN only)")
                        .orElseThrow()
                        .mayReach(BaseDataAccess.MANAGE, ownOrganisation, "340100"))
                .isTrue();
        assertThat(personas.get("CITIZEN").orElseThrow().reachCondition(GRID, CatalogAccess.EDIT))
                .isEqualTo(ScopeCondition.NOTHING);
        assertThat(personas.get("INITIAL ADMINISTRATOR (platform, every role)")
                        .orElseThrow()
                        .reachCondition(GRID, CatalogAccess.EDIT))
                .isEqualTo(ScopeCondition.EVERYTHING);
    }

    @Test
    void theAdministratorsListOfEntriesHoldsExactlyTheEntriesEachPersonaMayOpen() {
        Map<Long, String[]> all = new LinkedHashMap<>();
        // The list shows entries with a version; one whose last draft was discarded is on its way out.
        jdbc.sql("""
                        SELECT id, organisation_uscc, division_code FROM catalog_item i
                        WHERE EXISTS (SELECT 1 FROM catalog_item_version v WHERE v.item_id = i.id)""")
                .query((rs, n) -> all.put(
                        rs.getLong("id"),
                        new String[] {rs.getString("organisation_uscc"), rs.getString("division_code")}))
                .list();
        assertThat(all).hasSizeGreaterThan(100);
        List<String> acting = List.of(CatalogAccess.EDIT, CatalogAccess.REVIEW);
        for (Map.Entry<String, Optional<Actor>> persona : personas.entrySet()) {
            if (persona.getValue().isEmpty()) {
                continue;
            }
            Actor actor = persona.getValue().get();
            Set<Long> listed = new TreeSet<>();
            items.entries(null, null, actor, acting, Integer.MAX_VALUE, 0)
                    .rows()
                    .forEach(r -> listed.add(r.id()));
            Set<Long> reachable = new TreeSet<>();
            all.forEach((id, where) -> {
                if (actor.mayReachAny(where[0], where[1], acting.toArray(String[]::new))) {
                    reachable.add(id);
                }
            });
            assertThat(listed).as(persona.getKey()).isEqualTo(reachable);
        }
    }

    @Test
    void columnNamesThatAreNotPlainIdentifiersNeverReachTheSql() {
        for (String column : Arrays.asList(
                null,
                "",
                "organisation_uscc; DROP TABLE catalog_item",
                "organisation_uscc OR TRUE",
                "organisation_uscc--",
                "\"organisation_uscc\"",
                "Organisation_uscc",
                "a.b.c",
                "1column",
                "i.",
                "x".repeat(64))) {
            assertThatIllegalArgumentException().isThrownBy(() -> new ScopeColumns(column, "division_code"));
            assertThatIllegalArgumentException().isThrownBy(() -> new ScopeColumns("organisation_uscc", column));
        }
        assertThat(new ScopeColumns("i.organisation_uscc", "division_code").ownerColumn())
                .isEqualTo("i.organisation_uscc");
    }
}
