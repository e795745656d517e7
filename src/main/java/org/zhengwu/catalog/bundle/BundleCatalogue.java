package org.zhengwu.catalog.bundle;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.catalog.ApplicationForms;
import org.zhengwu.catalog.Bundle;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;

/** Publishing and withdrawing bundles (一件事), each definition checked by {@link BundleRules} first. */
@Service
public class BundleCatalogue {

    private final BundleRepository repository;
    private final PublishedCatalog catalog;
    private final ApplicationForms forms;
    private final AccountabilityLog audit;
    private final Clock clock;

    BundleCatalogue(
            BundleRepository repository,
            PublishedCatalog catalog,
            ApplicationForms forms,
            AccountabilityLog audit,
            Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.forms = forms;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Publishes a bundle, replacing the earlier definition of its code; refused with every problem when the definition
     * breaks a rule.
     */
    @Transactional
    public void publish(Bundle bundle, String actor) {
        List<String> problems = BundleRules.check(bundle, liveMembers(bundle), forms::formOf);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("一件事 " + bundle.code() + " 不能发布：" + String.join("；", problems));
        }
        repository.publish(bundle, actor, clock.instant());
        audit.record(AuditEvent.success(actor, "catalog.bundle.publish", "bundle", bundle.code())
                .withDetails(bundle.members().size() + " " + bundle.name()));
    }

    @Transactional
    public boolean withdraw(String code, String reason, String actor) {
        boolean withdrawn = repository.withdraw(code, reason, actor, clock.instant());
        if (withdrawn) {
            audit.record(AuditEvent.success(actor, "catalog.bundle.withdraw", "bundle", code)
                    .withDetails(reason));
        }
        return withdrawn;
    }

    private Map<String, PublishedItem> liveMembers(Bundle bundle) {
        Map<String, PublishedItem> members = new LinkedHashMap<>();
        for (Bundle.Member member : bundle.members()) {
            if (catalog.find(member.implementationCode()) instanceof PublishedCatalog.Lookup.Live live) {
                members.put(member.implementationCode(), live.item());
            }
        }
        return members;
    }
}
