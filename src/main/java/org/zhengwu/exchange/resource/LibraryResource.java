package org.zhengwu.exchange.resource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The base information libraries of basedata (基础信息资源库) as resources of category 1 (基础信息资源): their codes,
 * elements and 信息项. The item fields are the names the query API returns.
 */
public enum LibraryResource {
    PERSON(
            "person",
            "101001/000001",
            "人口基础信息",
            "公民身份号码、姓名、性别、出生日期、户籍地、住址和是否死亡，以公民身份号码为键。",
            ShareType.CONDITIONAL,
            "用于依法履行职责需要核验或使用自然人身份信息的情形，按申请的用途、字段和期限使用。",
            List.of(
                    item("idNumber", "公民身份号码", DataType.STRING, 18, true, true),
                    item("name", "姓名", DataType.STRING, 50, true, false),
                    item("sex", "性别", DataType.STRING, 1, false, false),
                    item("birthDate", "出生日期", DataType.DATE, null, false, false),
                    item("householdDivision", "户籍地行政区划代码", DataType.STRING, 6, false, false),
                    item("address", "住址", DataType.STRING, 200, true, false),
                    item("deceased", "是否死亡", DataType.BOOLEAN, null, false, false))),
    LEGAL_ENTITY(
            "legal-entity",
            "102001/000001",
            "法人单位基础信息",
            "统一社会信用代码、名称、类型、法定代表人、登记地、状态和成立日期，以统一社会信用代码为键。",
            ShareType.UNCONDITIONAL,
            null,
            List.of(
                    item("uscc", "统一社会信用代码", DataType.STRING, 18, false, true),
                    item("name", "名称", DataType.STRING, 200, false, false),
                    item("entityType", "法人类型", DataType.STRING, 40, false, false),
                    item("legalRepresentative", "法定代表人", DataType.STRING, 50, false, false),
                    item("registeredDivision", "登记地行政区划代码", DataType.STRING, 6, false, false),
                    item("status", "登记状态", DataType.STRING, 20, false, false),
                    item("registrationDate", "成立日期", DataType.DATE, null, false, false))),
    PLACE(
            "place",
            "103001/000001",
            "自然资源和空间地理基础信息",
            "行政区划和带坐标的地名、地址。",
            ShareType.UNCONDITIONAL,
            null,
            List.of(
                    item("code", "地名地址代码", DataType.STRING, 40, false, true),
                    item("name", "名称", DataType.STRING, 200, false, false),
                    item("divisionCode", "行政区划代码", DataType.STRING, 6, false, false),
                    item("longitude", "经度", DataType.DECIMAL, null, false, false),
                    item("latitude", "纬度", DataType.DECIMAL, null, false, false))),
    INDICATOR(
            "indicator",
            "104001/000001",
            "宏观经济基础信息",
            "宏观经济指标（代码、名称、单位、频度）及其分地区的时间序列。",
            ShareType.UNCONDITIONAL,
            null,
            List.of(
                    item("code", "指标代码", DataType.STRING, 40, false, true),
                    item("name", "指标名称", DataType.STRING, 200, false, false),
                    item("unit", "计量单位", DataType.STRING, 20, false, false),
                    item("frequency", "频度", DataType.STRING, 10, false, false),
                    item("divisionCode", "行政区划代码", DataType.STRING, 6, false, false),
                    item("period", "统计期", DataType.STRING, 10, false, false),
                    item("value", "指标值", DataType.DECIMAL, null, false, false)));

    private final String library;
    private final String code;
    private final String name;
    private final String summary;
    private final ShareType shareType;
    private final String conditions;
    private final List<ResourceForm.ItemRow> items;

    LibraryResource(
            String library,
            String code,
            String name,
            String summary,
            ShareType shareType,
            String conditions,
            List<ResourceForm.ItemRow> items) {
        this.library = library;
        this.code = code;
        this.name = name;
        this.summary = summary;
        this.shareType = shareType;
        this.conditions = conditions;
        this.items = items;
    }

    private static ResourceForm.ItemRow item(
            String field, String name, DataType type, Integer length, boolean sensitive, boolean key) {
        return new ResourceForm.ItemRow(field, name, type, length, null, sensitive, key);
    }

    public String library() {
        return library;
    }

    public String code() {
        return code;
    }

    ResourceForm form() {
        ResourceForm form = new ResourceForm();
        form.setCode(code);
        form.setClassification(code.substring(0, code.indexOf('/')));
        form.setName(name);
        form.setSummary(summary);
        form.setFormat("数据库");
        form.setShareType(shareType);
        form.setShareConditions(conditions);
        form.setShareMethods(EnumSet.of(ShareMethod.API, ShareMethod.FILE, ShareMethod.SUBSCRIPTION));
        form.setOpenType(OpenType.NONE);
        form.setUpdateCycle(UpdateCycle.REALTIME);
        form.setPublishedOn(null);
        form.setItems(new ArrayList<>(items));
        return form;
    }
}
