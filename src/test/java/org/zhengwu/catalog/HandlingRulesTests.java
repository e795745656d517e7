package org.zhengwu.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.catalog.entry.CatalogEditing;
import org.zhengwu.catalog.entry.GuideInvalidException;
import org.zhengwu.support.ZhengwuTest;

/**
 * An entry's 办理流程 checked against what is really deployed: the processes of {@code processes/*.bpmn20.xml} and the
 * roles the modules declare. Unknown process or role, a 即办件 on a multi-stage process and a 承诺件 on a single-step
 * one, roles for a stage the process lacks, and a process for an item nobody applies for are each refused on their
 * own field; the defaults and a valid choice pass.
 */
@ZhengwuTest
class HandlingRulesTests {

    @Autowired
    CatalogEditing editing;

    @Autowired
    CaseHandlingOptions options;

    private static Guide promised(CaseHandling handling) {
        return GuideRulesTests.valid().toBuilder()
                .caseKind(CaseKind.PROMISED)
                .handling(handling)
                .build();
    }

    private static CaseHandling process(String key) {
        return new CaseHandling(key, List.of(), List.of(), List.of());
    }

    private List<String> problems(Guide guide, ItemType type) {
        return editing.check(guide, type).stream()
                .map(v -> v.field() + " " + v.messageKey() + " " + v.arguments())
                .toList();
    }

    @Test
    void theDeployedProcessesAndTheRolesThatHandleCasesAreOffered() {
        assertThat(options.processes())
                .extracting(CaseHandlingOptions.Process::key, CaseHandlingOptions.Process::reviewStages)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("immediateCase", List.of()),
                        org.assertj.core.groups.Tuple.tuple("standardCase", List.of("undertake", "audit", "approve")),
                        org.assertj.core.groups.Tuple.tuple("twoStageCase", List.of("undertake", "approve")));
        assertThat(options.processes()).allSatisfy(p -> assertThat(p.version()).isPositive());
        assertThat(options.roles())
                .extracting(CaseHandlingOptions.Role::code)
                .contains(CaseAccess.CASE_CLERK, CaseAccess.CASE_REVIEWER, CaseAccess.CASE_APPROVER)
                .doesNotContain(CaseAccess.CASE_SUPERVISOR, CatalogAccess.CATALOG_EDITOR, "ADMIN");
    }

    @Test
    void theDefaultsAndAValidChoicePass() {
        assertThat(problems(promised(null), ItemType.LICENSING)).isEmpty();
        assertThat(problems(
                        promised(new CaseHandling(
                                "twoStageCase",
                                List.of(CaseAccess.CASE_REVIEWER),
                                List.of(),
                                List.of(CaseAccess.CASE_APPROVER))),
                        ItemType.LICENSING))
                .isEmpty();
        assertThat(problems(
                        promised(new CaseHandling(
                                null,
                                List.of(),
                                List.of(CaseAccess.CASE_APPROVER, CaseAccess.CASE_REVIEWER),
                                List.of())),
                        ItemType.LICENSING))
                .isEmpty();
        Guide immediate = GuideRulesTests.valid().toBuilder()
                .caseKind(CaseKind.IMMEDIATE)
                .handling(process("immediateCase"))
                .build();
        assertThat(problems(immediate, ItemType.LICENSING)).isEmpty();
    }

    @Test
    void anUnknownProcessIsRefusedOnItsField() {
        assertThat(problems(promised(process("fastTrack")), ItemType.LICENSING))
                .containsExactly("handling.processKey handling.rule.unknown-process [fastTrack]");
        // Through the editing service too: nothing is saved.
        assertThatThrownBy(() -> editing.createEntry(
                        "000000000000", "11340100662167280R", "测试", promised(process("fastTrack")), "editor"))
                .isInstanceOf(GuideInvalidException.class)
                .satisfies(e -> assertThat(((GuideInvalidException) e).violations())
                        .extracting(GuideRules.Violation::field)
                        .contains("handling.processKey"));
    }

    @Test
    void anUnknownRoleOrOneThatHandlesNoCaseIsRefusedOnItsStage() {
        assertThat(problems(
                        promised(new CaseHandling(
                                null,
                                List.of("NO_SUCH_ROLE"),
                                List.of(CatalogAccess.CATALOG_EDITOR),
                                List.of(CaseAccess.CASE_APPROVER))),
                        ItemType.LICENSING))
                .containsExactly(
                        "handling.undertakeRoles handling.rule.unknown-role [NO_SUCH_ROLE]",
                        "handling.auditRoles handling.rule.unknown-role [CATALOG_EDITOR]");
    }

    @Test
    void theProcessMustSuitTheCaseKindAndRolesAStageItHas() {
        Guide immediateOnStandard = GuideRulesTests.valid().toBuilder()
                .caseKind(CaseKind.IMMEDIATE)
                .handling(process("standardCase"))
                .build();
        assertThat(problems(immediateOnStandard, ItemType.LICENSING))
                .containsExactly("handling.processKey handling.rule.immediate-needs-single-step [standardCase]");
        assertThat(problems(promised(process("immediateCase")), ItemType.LICENSING))
                .containsExactly("handling.processKey handling.rule.promised-needs-review [immediateCase]");
        assertThat(problems(
                        promised(new CaseHandling(
                                "twoStageCase", List.of(), List.of(CaseAccess.CASE_APPROVER), List.of())),
                        ItemType.LICENSING))
                .containsExactly("handling.auditRoles handling.rule.stage-not-in-process [twoStageCase]");
        // A 即办件 naming a review role: its default process has no such stage either.
        Guide immediateWithReviewers = GuideRulesTests.valid().toBuilder()
                .caseKind(CaseKind.IMMEDIATE)
                .handling(new CaseHandling(null, List.of(CaseAccess.CASE_REVIEWER), List.of(), List.of()))
                .build();
        assertThat(problems(immediateWithReviewers, ItemType.LICENSING))
                .containsExactly("handling.undertakeRoles handling.rule.stage-not-in-process [immediateCase]");
    }

    @Test
    void anItemNobodyAppliesForHasNoProcess() {
        Guide penalty = GuidePageFixtures.penalty().toBuilder()
                .handling(process("standardCase"))
                .build();
        assertThat(problems(penalty, ItemType.PENALTY)).contains("handling.processKey handling.rule.enforcement []");
    }

    @Test
    void choosingNothingIsStoredAsNoHandling() {
        assertThat(promised(new CaseHandling(" ", List.of(), List.of(" "), null))
                        .handling())
                .isNull();
        assertThat(new CaseHandling("standardCase", List.of("B", "A", "B"), null, null).undertakeRoles())
                .containsExactly("A", "B");
    }
}
