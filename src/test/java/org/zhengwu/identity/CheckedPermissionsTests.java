package org.zhengwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.support.ZhengwuTest;

/**
 * Every permission and role the code checks — in {@code @PreAuthorize} on a controller and in {@code sec:authorize}
 * in a template — is one a module declares: a mistyped or forgotten code would otherwise deny everyone, silently.
 */
@ZhengwuTest
class CheckedPermissionsTests {

    private static final Pattern AUTHORITIES = Pattern.compile("has(Any)?(Authority|Role)\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final Pattern SEC_AUTHORIZE = Pattern.compile("sec:authorize=\"([^\"]*)\"");

    @Autowired
    AccessRegistry registry;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyCheckNamesADeclaredPermissionOrRole() throws IOException {
        Map<String, Set<String>> checked = new TreeMap<>();
        mappings.getHandlerMethods().values().forEach(handler -> {
            for (PreAuthorize rule : new PreAuthorize[] {
                AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class),
                AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class)
            }) {
                if (rule != null) {
                    collect(rule.value(), handler.getBeanType().getSimpleName(), checked);
                }
            }
        });
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher matcher = SEC_AUTHORIZE.matcher(Files.readString(template));
                while (matcher.find()) {
                    collect(matcher.group(1), template.getFileName().toString(), checked);
                }
            }
        }

        assertThat(checked.keySet())
                .as("the checks this test found")
                .contains("catalog.edit", "catalog.review", "basedata.manage", "account.manage", "ROLE_ADMIN");
        Set<String> undeclared = new TreeSet<>();
        checked.forEach((authority, where) -> {
            boolean declared = authority.startsWith("ROLE_")
                    ? registry.role(authority.substring("ROLE_".length())).isPresent()
                    : registry.permission(authority).isPresent();
            boolean accountType = Arrays.stream(AccountType.values())
                    .map(AccountDirectory::typeAuthority)
                    .anyMatch(authority::equals);
            if (!declared && !accountType) {
                undeclared.add(authority + " in " + where);
            }
        });
        assertThat(undeclared).isEmpty();
    }

    private static void collect(String expression, String where, Map<String, Set<String>> checked) {
        Matcher call = AUTHORITIES.matcher(expression);
        while (call.find()) {
            Matcher quoted = QUOTED.matcher(call.group(3));
            while (quoted.find()) {
                String authority = call.group(2).equals("Role") ? "ROLE_" + quoted.group(1) : quoted.group(1);
                checked.computeIfAbsent(authority, a -> new TreeSet<>()).add(where);
            }
        }
    }

    /**
     * A role grants its own module's permissions or those of a module its module may use
     * ({@code allowedDependencies}): a module that could hand out any module's permissions — identity's account
     * management, say — would be an administrator in disguise.
     */
    @Test
    void everyRoleGrantsOnlyPermissionsOfItsModuleOrOfAModuleItMayUse() throws ClassNotFoundException {
        Map<String, Set<String>> mayUse = new TreeMap<>();
        for (String module : registry.modules().stream().map(m -> m.module()).toList()) {
            var declaration = Class.forName("org.zhengwu." + module + ".package-info")
                    .getAnnotation(org.springframework.modulith.ApplicationModule.class);
            assertThat(declaration)
                    .as("module %s is an application module", module)
                    .isNotNull();
            Set<String> modules = new TreeSet<>(Set.of(module));
            Arrays.stream(declaration.allowedDependencies())
                    .map(dependency -> dependency.split("::")[0].strip())
                    .forEach(modules::add);
            mayUse.put(module, modules);
        }
        Set<String> wrong = new TreeSet<>();
        registry.modules()
                .forEach(module -> module.roles()
                        .forEach(role -> role.permissions().forEach(permission -> {
                            String owner =
                                    registry.moduleOfPermission(permission).orElseThrow();
                            if (!mayUse.get(module.module()).contains(owner)) {
                                wrong.add(role.code() + " of " + module.module() + " grants " + permission + " of "
                                        + owner);
                            }
                        })));
        assertThat(wrong).isEmpty();
        assertThat(registry.role(IdentityAccess.ADMIN).orElseThrow().permissions())
                .as("a grant across modules is checked, not only within one")
                .contains("basedata.manage");
    }
}
