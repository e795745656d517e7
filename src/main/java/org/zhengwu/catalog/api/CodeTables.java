package org.zhengwu.catalog.api;

import java.util.List;
import java.util.Optional;
import org.zhengwu.basedata.ExerciseLevel;
import org.zhengwu.basedata.SubjectNature;
import org.zhengwu.catalog.CaseKind;
import org.zhengwu.catalog.CompulsionKind;
import org.zhengwu.catalog.GeneralScope;
import org.zhengwu.catalog.HandlingChannel;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.catalog.LimitUnit;
import org.zhengwu.catalog.MaterialForm;
import org.zhengwu.catalog.MaterialSource;
import org.zhengwu.catalog.MaterialType;
import org.zhengwu.catalog.OnlineDepth;
import org.zhengwu.catalog.OnlineLevel;
import org.zhengwu.catalog.PenaltyKind;
import org.zhengwu.catalog.PowerSource;
import org.zhengwu.catalog.ResultType;
import org.zhengwu.catalog.ServiceObject;
import org.zhengwu.catalog.ServiceTheme;
import org.zhengwu.catalog.SpecialProcedureKind;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.shared.codes.CodeTable;

/**
 * The code tables the API publishes at {@code /api/v1/code-tables/{name}}: one line per table, in the order the
 * listing shows them. A table's title is the message {@code catalog.code-table.<name>}; its source is the section of
 * {@code docs/STANDARDS.md} that records where its codes come from.
 */
final class CodeTables {

    private static final String STANDARDS = "docs/STANDARDS.md § ";
    private static final String LOCAL_TABLES = "Tables we have that the issue did not list (checked in passing)";
    private static final String ENFORCEMENT = "行政处罚, 行政强制, 行政检查, 行政征收";

    /** One table: its name in the address, its values in code order, and the STANDARDS.md section heading. */
    record Table(String name, List<CodeTable> values, String section) {

        String titleKey() {
            return "catalog.code-table." + name;
        }

        String source() {
            return STANDARDS + section;
        }
    }

    private static final List<Table> ALL = List.of(
            table("item-type", ItemType.class, "事项类型 (`task_type`, 2 characters)"),
            table("exercise-level", ExerciseLevel.class, "行使层级 (`use_level`)"),
            table("service-object", ServiceObject.class, "服务对象 (`server_type`, multi-valued)"),
            table("online-depth", OnlineDepth.class, "网上办理深度 (`online_handle_depth`, multi-valued, varchar(20))"),
            table("online-level", OnlineLevel.class, "The province's Ⅰ–Ⅳ级 (display level, derived)"),
            table("power-source", PowerSource.class, "权力来源 (`power_source`, required on power items)"),
            table("case-kind", CaseKind.class, "办件类型 (`project_type`)"),
            table("subject-nature", SubjectNature.class, "实施主体性质 (`dept_type`)"),
            table("result-type", ResultType.class, "审批结果类型 (`result_type`)"),
            table("material-form", MaterialForm.class, "材料形式 (`material_format`)"),
            table("material-type", MaterialType.class, "材料类型 (`material_type`)"),
            table("material-source", MaterialSource.class, "来源渠道 (`source_type`) and 来源渠道说明 (`source_explain`)"),
            table("handling-channel", HandlingChannel.class, LOCAL_TABLES),
            table("general-scope", GeneralScope.class, LOCAL_TABLES),
            table("limit-unit", LimitUnit.class, LOCAL_TABLES),
            table("special-procedure-kind", SpecialProcedureKind.class, LOCAL_TABLES),
            table("service-theme", ServiceTheme.class, LOCAL_TABLES),
            table("real-name-level", RealNameLevel.class, LOCAL_TABLES),
            table("penalty-kind", PenaltyKind.class, ENFORCEMENT),
            table("compulsion-kind", CompulsionKind.class, ENFORCEMENT));

    private CodeTables() {}

    private static <E extends Enum<E> & CodeTable> Table table(String name, Class<E> type, String section) {
        return new Table(name, List.of(type.getEnumConstants()), section);
    }

    static List<Table> all() {
        return ALL;
    }

    static List<String> names() {
        return ALL.stream().map(Table::name).toList();
    }

    static Optional<Table> named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
