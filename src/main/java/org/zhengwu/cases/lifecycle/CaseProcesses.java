package org.zhengwu.cases.lifecycle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.UserTask;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.catalog.CaseHandling;
import org.zhengwu.catalog.CaseHandlingOptions;
import org.zhengwu.identity.AccessRegistry;
import org.zhengwu.shared.access.Audience;

/**
 * The processes and roles a catalogue entry may name for its cases ({@link CaseHandlingOptions}): every deployed
 * process definition (its latest version) whose user tasks are steps the case module knows — 受理 and 送达, 补正, and
 * any of the review stages 承办, 审核, 审批 — and every staff role that grants a case-handling permission. A definition
 * with a task the workbench could not take is not offered, so that no case can wait at a step nobody can take.
 */
@Component
public class CaseProcesses implements CaseHandlingOptions {

    /** The user tasks a process may have: each is a step of {@link HandlingAction}. */
    static final Set<String> KNOWN_TASKS =
            Set.of("accept", "correction", CaseHandling.UNDERTAKE, CaseHandling.AUDIT, CaseHandling.APPROVE, "deliver");

    /** The permissions of which a role must grant one to be named for a review stage. */
    static final Set<String> HANDLING_PERMISSIONS = Set.of(CaseAccess.ACCEPT, CaseAccess.REVIEW, CaseAccess.APPROVE);

    private final RepositoryService repository;
    private final AccessRegistry registry;
    /** The review stages of each definition id: a deployed definition never changes. */
    private final Map<String, List<String>> stages = new ConcurrentHashMap<>();
    /**
     * The latest usable definition of each key, asked for by every submission (a query otherwise). Definitions are
     * deployed when a node starts, so a version another node deployed in a rolling upgrade is used here within
     * {@link #LATEST_KEPT}; a key without one is asked again every time.
     */
    private final Cache<String, ProcessDefinition> latest =
            Caffeine.newBuilder().maximumSize(100).expireAfterWrite(LATEST_KEPT).build();

    static final Duration LATEST_KEPT = Duration.ofMinutes(1);

    CaseProcesses(RepositoryService repository, AccessRegistry registry) {
        this.repository = repository;
        this.registry = registry;
    }

    @Override
    public List<Process> processes() {
        return repository.createProcessDefinitionQuery().latestVersion().active().list().stream()
                .filter(d -> usable(d.getId()))
                .map(d -> new Process(
                        d.getKey(),
                        d.getVersion(),
                        d.getName() == null ? d.getKey() : d.getName(),
                        stagesOf(d.getId())))
                .sorted(Comparator.comparing(Process::key))
                .toList();
    }

    @Override
    public List<Role> roles() {
        return registry.staffRoles().stream()
                .filter(r -> r.audience() == Audience.STAFF)
                .filter(r -> r.permissions().stream().anyMatch(HANDLING_PERMISSIONS::contains))
                .map(r -> new Role(r.code(), r.name()))
                .toList();
    }

    /** The latest definition of a process key, as a case is started on it; empty when none is deployed and usable. */
    Optional<ProcessDefinition> latest(String key) {
        return Optional.ofNullable(latest.get(
                key,
                k -> Optional.ofNullable(repository
                                .createProcessDefinitionQuery()
                                .processDefinitionKey(k)
                                .latestVersion()
                                .active()
                                .singleResult())
                        .filter(d -> usable(d.getId()))
                        .orElse(null)));
    }

    /** The review stages of a definition, in the order of {@link CaseHandling#STAGES}. */
    List<String> stagesOf(String definitionId) {
        return stages.computeIfAbsent(definitionId, id -> {
            Set<String> tasks = tasks(id);
            return CaseHandling.STAGES.stream().filter(tasks::contains).toList();
        });
    }

    /** The review stage that follows {@code stage} in the definition; 审批 is the last. */
    String stageAfter(String definitionId, String stage) {
        List<String> order = stagesOf(definitionId);
        int at = order.indexOf(stage);
        if (at < 0 || at + 1 >= order.size()) {
            throw new IllegalStateException("process " + definitionId + " has no review stage after " + stage);
        }
        return order.get(at + 1);
    }

    private boolean usable(String definitionId) {
        Set<String> tasks = tasks(definitionId);
        return tasks.contains("accept") && tasks.contains("deliver") && KNOWN_TASKS.containsAll(tasks);
    }

    private Set<String> tasks(String definitionId) {
        BpmnModel model = repository.getBpmnModel(definitionId);
        return model.getMainProcess().findFlowElementsOfType(UserTask.class).stream()
                .map(UserTask::getId)
                .collect(Collectors.toSet());
    }
}
