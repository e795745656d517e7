package org.zhengwu.catalog.demo;

import java.util.List;
import org.zhengwu.catalog.CaseKind;
import org.zhengwu.catalog.GeneralScope;
import org.zhengwu.catalog.HandlingChannel;
import org.zhengwu.catalog.LimitUnit;
import org.zhengwu.catalog.ServiceObject;
import org.zhengwu.catalog.SpecialProcedureKind;

/** The shape of {@code demo/catalogue.yml}: base items with the regions whose department implements each. */
record DemoCatalogueFile(List<Item> items) {

    record Item(
            String name,
            String type,
            String department,
            List<String> regions,
            String basis,
            String conditions,
            String result,
            Limit statutory,
            Limit promised,
            CaseKind caseKind,
            int depth,
            int visits,
            String visitsReason,
            List<HandlingChannel> channels,
            List<ServiceObject> objects,
            List<String> themes,
            GeneralScope scope,
            Special specialProcedure,
            Fee fee,
            List<Step> steps,
            List<Material> materials,
            List<Faq> faqs,
            List<java.util.Map<String, Object>> subItems) {}

    record Limit(int value, LimitUnit unit, String note) {}

    record Special(SpecialProcedureKind kind, String note) {}

    record Fee(String basis, List<FeeItem> items) {}

    record FeeItem(String name, String standard, String relief) {}

    record Step(String name, String description) {}

    record Material(
            String name,
            String source,
            int originals,
            int copies,
            boolean required,
            String condition,
            boolean licence,
            boolean form) {}

    record Faq(String q, String a) {}
}
