package org.zhengwu.identity.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.zhengwu.identity.IdentityAccess;

/**
 * The rules every write of a member of staff's roles obeys (创建账号, 授予角色, the initial administrators), in one
 * place: with the administrators separated (三员分立, {@code zhengwu.identity.separate-administrators}) nobody holds
 * two of {@link IdentityAccess#SEPARATED_ROLES}, the combined {@link IdentityAccess#ADMIN} is granted to nobody, and
 * a role other than the platform's own needs an organisation — without one an account reaches no organisation's
 * data ({@code Actors}), so such a role would be useless. The demo, where one {@code admin} holds every role, has
 * none of these rules.
 */
@Component
public class AdministratorDuties {

    /** A rule a set of roles breaks: the message key of the identity bundles and the role codes it names. */
    public record RoleProblem(String messageKey, Object... arguments) {

        /** For exceptions and logs, which are read in English. */
        public String describe() {
            return switch (messageKey) {
                case SEPARATED ->
                    "roles " + arguments[0] + " and " + arguments[1] + " cannot be held by one person (三员分立)";
                case COMBINED ->
                    "the combined role " + IdentityAccess.ADMIN + " is for the demo only and cannot be granted";
                default -> "role " + arguments[0] + " needs an organisation";
            };
        }
    }

    static final String SEPARATED = "account.roles.separated";
    static final String COMBINED = "account.roles.combined-admin";
    static final String ORGANISATION = "account.roles.organisation-required";

    private final boolean separated;

    AdministratorDuties(IdentityProperties properties) {
        this.separated = properties.separateAdministrators();
    }

    /** Whether the three administrators are separated (off only in the demo). */
    public boolean separated() {
        return separated;
    }

    /** What is wrong with a member of staff of the organisation (null: none) holding these roles; empty: nothing. */
    public List<RoleProblem> problems(String organisationUscc, Collection<String> roles) {
        List<RoleProblem> problems = new ArrayList<>();
        if (!separated) {
            return problems;
        }
        if (roles.contains(IdentityAccess.ADMIN)) {
            problems.add(new RoleProblem(COMBINED));
        }
        List<String> administrators = new TreeSet<>(roles)
                .stream().filter(IdentityAccess.SEPARATED_ROLES::contains).toList();
        if (administrators.size() > 1) {
            problems.add(new RoleProblem(SEPARATED, administrators.get(0), administrators.get(1)));
        }
        if (organisationUscc == null) {
            new TreeSet<>(roles)
                    .stream()
                            .filter(role -> !IdentityAccess.PLATFORM_ROLES.contains(role))
                            .findFirst()
                            .ifPresent(role -> problems.add(new RoleProblem(ORGANISATION, role)));
        }
        return problems;
    }

    /** Refuses roles that break a rule, for the callers that have no form to show the problems on. */
    public void require(String organisationUscc, Collection<String> roles) {
        List<RoleProblem> problems = problems(organisationUscc, roles);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(
                    "; ", problems.stream().map(RoleProblem::describe).toList()));
        }
    }
}
