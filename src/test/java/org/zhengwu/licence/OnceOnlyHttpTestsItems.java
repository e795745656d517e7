package org.zhengwu.licence;

import org.springframework.stereotype.Component;
import org.zhengwu.cases.lifecycle.OnlineOffer;
import org.zhengwu.catalog.ApplicationForms;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;

/** The demo item the once-only tests apply for: offered online, a required material of it replaced by a 营业执照. */
@Component
public class OnceOnlyHttpTestsItems {

    private final PublishedCatalog catalog;
    private final ApplicationForms forms;

    OnceOnlyHttpTestsItems(PublishedCatalog catalog, ApplicationForms forms) {
        this.catalog = catalog;
        this.forms = forms;
    }

    public PublishedItem item() {
        return catalog.all().stream()
                .filter(OnlineOffer::offeredOnline)
                .filter(i -> i.guide().materials().stream()
                        .anyMatch(m -> m.required()
                                && m.condition() == null
                                && m.replacingLicenceTypes().contains(OnceOnlyHttpTests.BUSINESS_LICENCE)))
                .filter(i -> forms.formOf(i.guide()).fields().stream().allMatch(f -> f.pattern() == null))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no online item whose material a 营业执照 replaces"));
    }
}
