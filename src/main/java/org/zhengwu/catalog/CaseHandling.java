package org.zhengwu.catalog;

import java.util.List;
import java.util.TreeSet;

/**
 * 办理流程 of an implementation entry: the BPMN process its cases follow and, per review stage, the staff roles that may
 * take that step. Each part left out keeps the default: the process of the entry's 办件类型 ({@link
 * #defaultProcess}) and, for a stage without roles, whoever holds that step's case permission (承办 and 审核
 * {@code cases.review}, 审批 {@code cases.approve}). Which processes and roles may be named is the case module's to
 * say ({@link CaseHandlingOptions}); {@link HandlingRules} checks a choice against them.
 *
 * @param processKey     the key of a deployed process definition, or null for the default
 * @param undertakeRoles the roles that may take the 承办 step; empty: the default
 * @param auditRoles     the roles that may take the 审核 step; empty: the default
 * @param approveRoles   the roles that may take the 审批 step (准予 / 不予); empty: the default
 */
public record CaseHandling(
        String processKey, List<String> undertakeRoles, List<String> auditRoles, List<String> approveRoles) {

    /** 承诺件: 受理 → 承办 → 审核 → 审批 → 送达 ({@code processes/standard-case.bpmn20.xml}). */
    public static final String STANDARD_PROCESS = "standardCase";

    /** 即办件: decided at acceptance, then 送达 ({@code processes/immediate-case.bpmn20.xml}). */
    public static final String IMMEDIATE_PROCESS = "immediateCase";

    /** The review stages, as the process definitions name their user tasks. */
    public static final String UNDERTAKE = "undertake";

    public static final String AUDIT = "audit";
    public static final String APPROVE = "approve";
    public static final List<String> STAGES = List.of(UNDERTAKE, AUDIT, APPROVE);

    public CaseHandling {
        processKey = processKey == null || processKey.isBlank() ? null : processKey.strip();
        undertakeRoles = normal(undertakeRoles);
        auditRoles = normal(auditRoles);
        approveRoles = normal(approveRoles);
    }

    /** The process of an entry of this 办件类型 that names none (承诺件 when the guide does not say). */
    public static String defaultProcess(CaseKind kind) {
        return kind == CaseKind.IMMEDIATE ? IMMEDIATE_PROCESS : STANDARD_PROCESS;
    }

    /** The process an entry with this handling (null: the defaults) and 办件类型 follows. */
    public static String processOf(CaseHandling handling, CaseKind kind) {
        return handling == null || handling.processKey() == null ? defaultProcess(kind) : handling.processKey();
    }

    /** The roles named for a stage of {@link #STAGES}; empty when the stage keeps its default. */
    public List<String> rolesOf(String stage) {
        return switch (stage) {
            case UNDERTAKE -> undertakeRoles;
            case AUDIT -> auditRoles;
            case APPROVE -> approveRoles;
            default -> throw new IllegalArgumentException("not a review stage: " + stage);
        };
    }

    /** Nothing chosen: stored as no handling at all. */
    public boolean keepsDefaults() {
        return processKey == null && undertakeRoles.isEmpty() && auditRoles.isEmpty() && approveRoles.isEmpty();
    }

    /** Sorted and without repeats, so that two equal choices are written alike (exchange files compare by bytes). */
    private static List<String> normal(List<String> roles) {
        if (roles == null) {
            return List.of();
        }
        TreeSet<String> set = new TreeSet<>();
        roles.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).forEach(set::add);
        return List.copyOf(set);
    }
}
