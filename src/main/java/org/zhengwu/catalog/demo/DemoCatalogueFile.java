package org.zhengwu.catalog.demo;

import java.util.List;
import org.zhengwu.catalog.ApplicationForm;
import org.zhengwu.catalog.CaseHandling;
import org.zhengwu.catalog.CaseKind;
import org.zhengwu.catalog.CompulsionKind;
import org.zhengwu.catalog.GeneralScope;
import org.zhengwu.catalog.HandlingChannel;
import org.zhengwu.catalog.LimitUnit;
import org.zhengwu.catalog.MaterialSource;
import org.zhengwu.catalog.OnlineDepth;
import org.zhengwu.catalog.PenaltyKind;
import org.zhengwu.catalog.PowerSource;
import org.zhengwu.catalog.ResultType;
import org.zhengwu.catalog.ServiceObject;
import org.zhengwu.catalog.SpecialProcedureKind;

/**
 * The shape of {@code demo/catalogue.yml}: base items with the regions whose department implements each. An item's
 * {@code form} is its application form in the shape of the exchange format (docs/FORMS.md); an item offered online
 * without one gets the standard form of its 服务对象. {@code handling} names its process and review roles (CaseHandling), when not the defaults.
 */
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
            List<java.util.Map<String, Object>> subItems,
            List<OnlineDepth> depths,
            PowerSource powerSource,
            String delegation,
            ResultType resultType,
            List<String> jointOrganisations,
            List<Intermediary> intermediaries,
            String quantityLimit,
            Convenience convenience,
            Penalty penalty,
            Compulsion compulsion,
            Inspection inspection,
            ApplicationForm form,
            CaseHandling handling) {}

    /** 中介服务. */
    record Intermediary(String name, String basis, boolean required) {}

    /** The ways an applicant is served besides the channels; every flag false when not stated. */
    record Convenience(
            boolean inServiceHall,
            boolean onlinePayment,
            boolean appointment,
            boolean logistics,
            boolean selfServiceTerminal,
            String onlineAddress,
            boolean ssoPc,
            boolean ssoMobile) {}

    record Article(String document, String article, String content) {}

    record Discretion(String circumstance, String standard) {}

    record Penalty(String violation, List<PenaltyKind> kinds, List<Discretion> discretion, List<Article> basis) {}

    record Compulsion(List<CompulsionKind> kinds, String circumstances, List<Article> basis) {}

    record Inspection(String objects, String content, String method, String frequency, List<Article> basis) {}

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
            boolean form,
            MaterialSource sourceChannel,
            String paperSpec,
            String fillingInstructions,
            String acceptanceStandard,
            String basis,
            String remark,
            List<String> licenceTypes) {}

    record Faq(String q, String a) {}
}
