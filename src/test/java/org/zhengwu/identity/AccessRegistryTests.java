package org.zhengwu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zhengwu.shared.access.ModuleAccess;
import org.zhengwu.shared.access.Reach;
import org.zhengwu.shared.access.SuggestedRole;

class AccessRegistryTests {

    private static final ModuleAccess CASES = ModuleAccess.of("cases", "办件", "Cases")
            .permission("cases.handle", "受理和办理办件", "Accept and handle cases", Reach.ORGANISATION)
            .permission("cases.supervise", "督办本地区办件", "Supervise the region's cases", Reach.REGION)
            .staffRole("CASE_HANDLER", "窗口受理人员", "Case handler", "cases.handle");

    private static final ModuleAccess BASE =
            ModuleAccess.of("base", "基础", "Base").permission("base.manage", "维护", "Maintain", Reach.ORGANISATION);

    @Test
    void collectsEveryModulesDeclarationsInModuleOrder() {
        AccessRegistry registry =
                new AccessRegistry(List.of(CASES, BASE.staffRole("BASE_KEEPER", "维护人员", "Keeper", "base.manage")));

        assertThat(registry.modules()).extracting(ModuleAccess::module).containsExactly("base", "cases");
        assertThat(registry.staffRoles())
                .extracting(SuggestedRole::code)
                .containsExactly("BASE_KEEPER", "CASE_HANDLER");
        assertThat(registry.permissions()).containsOnlyKeys("base.manage", "cases.handle", "cases.supervise");
        assertThat(registry.moduleOfPermission("cases.supervise")).contains("cases");
        assertThat(registry.moduleOfRole("CASE_HANDLER")).contains("cases");
        assertThat(registry.staffRole("CASE_HANDLER")).isPresent();
        assertThat(registry.staffRole("NOBODY")).isEmpty();
    }

    @Test
    void aPermissionReachesAsItsModuleDeclaredAndAnUnknownOneNoFurtherThanTheOrganisation() {
        AccessRegistry registry = new AccessRegistry(List.of(CASES));

        assertThat(registry.reachOf("cases.supervise")).isEqualTo(Reach.REGION);
        assertThat(registry.reachOf("cases.handle")).isEqualTo(Reach.ORGANISATION);
        assertThat(registry.reachOf("cases.superv1se")).isEqualTo(Reach.ORGANISATION);
    }

    @Test
    void aRoleMayGrantThePermissionOfAModuleItDependsOn() {
        ModuleAccess cases = CASES.staffRole("CASE_ADMIN", "办件管理员", "Case administrator", "base.manage");

        AccessRegistry registry = new AccessRegistry(List.of(cases, BASE));

        assertThat(registry.role("CASE_ADMIN").orElseThrow().permissions()).containsExactly("base.manage");
    }

    @Test
    void twoModulesCannotDeclareOneCode() {
        ModuleAccess licences = ModuleAccess.of("licences", "电子证照", "Licences")
                .permission("cases.handle", "办理", "Handle", Reach.ORGANISATION);
        assertThatIllegalStateException()
                .isThrownBy(() -> new AccessRegistry(List.of(CASES, licences)))
                .withMessageContaining("cases.handle")
                .withMessageContaining("module cases")
                .withMessageContaining("module licences");

        ModuleAccess sameRole = BASE.staffRole("CASE_HANDLER", "受理", "Handler", "base.manage");
        assertThatIllegalStateException()
                .isThrownBy(() -> new AccessRegistry(List.of(CASES, sameRole)))
                .withMessageContaining("Role CASE_HANDLER")
                .withMessageContaining("module base")
                .withMessageContaining("module cases");

        assertThatIllegalStateException()
                .isThrownBy(() -> new AccessRegistry(List.of(CASES, ModuleAccess.of("cases", "又一个", "Again"))))
                .withMessageContaining("module cases");
    }

    @Test
    void aRoleCannotGrantAPermissionNoModuleDeclares() {
        ModuleAccess typo = CASES.staffRole("CASE_CLERK", "受理", "Clerk", "cases.handel");

        assertThatIllegalStateException()
                .isThrownBy(() -> new AccessRegistry(List.of(typo, BASE)))
                .withMessageContaining("CASE_CLERK")
                .withMessageContaining("cases.handel");
    }
}
