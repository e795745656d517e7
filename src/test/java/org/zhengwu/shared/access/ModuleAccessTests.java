package org.zhengwu.shared.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ModuleAccessTests {

    private static ModuleAccess cases() {
        return ModuleAccess.of("cases", "办件", "Cases")
                .permission("cases.handle", "受理和办理办件", "Accept and handle cases", Reach.ORGANISATION)
                .permission("cases.supervise", "督办本地区办件", "Supervise the region's cases", Reach.REGION)
                .staffRole("CASE_HANDLER", "窗口受理人员", "Case handler", "cases.handle")
                .staffRole("CASE_SUPERVISOR", "督办人员", "Case supervisor", "cases.handle", "cases.supervise");
    }

    @Test
    void aDeclarationKeepsWhatTheModuleSaysInItsOrder() {
        ModuleAccess access = cases();

        assertThat(access.module()).isEqualTo("cases");
        assertThat(access.permissions())
                .extracting(DeclaredPermission::code, DeclaredPermission::reach)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cases.handle", Reach.ORGANISATION),
                        org.assertj.core.groups.Tuple.tuple("cases.supervise", Reach.REGION));
        assertThat(access.roles()).extracting(SuggestedRole::code).containsExactly("CASE_HANDLER", "CASE_SUPERVISOR");
        assertThat(access.roles().get(1).permissions()).containsExactly("cases.handle", "cases.supervise");
        assertThat(access.roles()).allMatch(r -> r.audience() == Audience.STAFF);
    }

    @Test
    void namesAreReadInTheReadersLanguageChineseUnlessEnglishWasChosen() {
        Bilingual name = cases().name();

        assertThat(name.in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("办件");
        assertThat(name.in(Locale.ENGLISH)).isEqualTo("Cases");
        assertThat(name.in(Locale.UK)).isEqualTo("Cases");
        assertThat(name.in(Locale.FRENCH)).isEqualTo("办件");
        assertThat(name.in(null)).isEqualTo("办件");
    }

    @Test
    void codesThatCouldNotBeStoredOrReadAsAuthoritiesAreRefused() {
        ModuleAccess module = ModuleAccess.of("cases", "办件", "Cases");
        for (String code : new String[] {
            "cases",
            "Cases.handle",
            "cases.",
            ".handle",
            "cases..handle",
            "cases.handle'",
            "cases.handle)",
            "案件.办理",
            "cases.handle or 1=1",
            "",
            "c." + "x".repeat(60)
        }) {
            assertThatIllegalArgumentException()
                    .as(code)
                    .isThrownBy(() -> module.permission(code, "名称", "Name", Reach.ORGANISATION));
        }
        for (String code :
                new String[] {"case_handler", "CASE-HANDLER", "_CASE", "CASE_", "1CASE", "ROLE X", "X".repeat(41)}) {
            assertThatIllegalArgumentException()
                    .as(code)
                    .isThrownBy(() -> module.staffRole(code, "名称", "Name", "cases.handle"));
        }
        for (String code : new String[] {"Cases", "cases-x", "cases.x", "", "1cases"}) {
            assertThatIllegalArgumentException().as(code).isThrownBy(() -> ModuleAccess.of(code, "办件", "Cases"));
        }
    }

    @Test
    void aPermissionOrRoleNeedsBothNamesAndARoleAtLeastOnePermission() {
        ModuleAccess module = ModuleAccess.of("cases", "办件", "Cases");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> module.permission("cases.handle", " ", "Handle", Reach.ORGANISATION));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> module.permission("cases.handle", "办理", null, Reach.ORGANISATION));
        assertThatIllegalArgumentException().isThrownBy(() -> module.permission("cases.handle", "办理", "Handle", null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> module.permission("cases.handle", "办".repeat(101), "Handle", Reach.ORGANISATION));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> module.staffRole("CASE_HANDLER", "窗口受理人员", "Case handler"))
                .withMessageContaining("grants no permission");
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        module.staffRole("CASE_HANDLER", "窗口受理人员", "Case handler", "cases.handle", "cases.handle"));
    }

    @Test
    void aModuleDeclaresEachCodeOnce() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> cases().permission("cases.handle", "再次", "Again", Reach.REGION))
                .withMessageContaining("cases.handle twice");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> cases().staffRole("CASE_HANDLER", "再次", "Again", "cases.handle"))
                .withMessageContaining("CASE_HANDLER twice");
    }

    @Test
    void aDeclarationCannotBeChangedAfterwards() {
        ModuleAccess access = cases();

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> access.permissions().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> access.roles().get(0).permissions().add("cases.supervise"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(new SuggestedRole("X", new Bilingual("甲", "X"), Audience.STAFF, List.of("a.b")).permissions())
                .containsExactly("a.b");
    }
}
