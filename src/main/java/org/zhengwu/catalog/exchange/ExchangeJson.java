package org.zhengwu.catalog.exchange;

import java.util.List;
import org.springframework.stereotype.Component;
import org.zhengwu.basedata.ExerciseLevel;
import org.zhengwu.catalog.CaseKind;
import org.zhengwu.catalog.CompulsionKind;
import org.zhengwu.catalog.GeneralScope;
import org.zhengwu.catalog.HandlingChannel;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.catalog.LimitUnit;
import org.zhengwu.catalog.MaterialForm;
import org.zhengwu.catalog.MaterialSource;
import org.zhengwu.catalog.OnlineDepth;
import org.zhengwu.catalog.PenaltyKind;
import org.zhengwu.catalog.PowerSource;
import org.zhengwu.catalog.ResultType;
import org.zhengwu.catalog.ServiceObject;
import org.zhengwu.catalog.ServiceTheme;
import org.zhengwu.catalog.SpecialProcedureKind;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.shared.codes.CodeTable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The mapper of the exchange format alone: the application's, with every code-table value written and read as its
 * national code ({@link CodeTable#code()}), unknown fields refused, and indented output. How guides are stored is not
 * affected.
 */
@Component
class ExchangeJson {

    /** Every code table a base item, an entry or a guide holds. */
    static final List<Class<? extends Enum<?>>> TABLES = List.of(
            ItemType.class,
            ExerciseLevel.class,
            OnlineDepth.class,
            HandlingChannel.class,
            CaseKind.class,
            GeneralScope.class,
            ServiceObject.class,
            ServiceTheme.class,
            SpecialProcedureKind.class,
            RealNameLevel.class,
            PowerSource.class,
            ResultType.class,
            LimitUnit.class,
            MaterialForm.class,
            MaterialSource.class,
            PenaltyKind.class,
            CompulsionKind.class);

    private final JsonMapper mapper;

    ExchangeJson(JsonMapper json) {
        SimpleModule codes = new SimpleModule("zhengwu-national-codes");
        codes.addSerializer(CodeTable.class, new ValueSerializer<CodeTable>() {
            @Override
            public void serialize(CodeTable value, JsonGenerator gen, SerializationContext context) {
                gen.writeString(value.code());
            }
        });
        for (Class<? extends Enum<?>> table : TABLES) {
            register(codes, table);
        }
        this.mapper = json.rebuild()
                .addModule(codes)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void register(SimpleModule module, Class table) {
        module.addDeserializer(table, new CodeDeserializer(table));
    }

    byte[] write(CatalogueFile file) {
        return mapper.writeValueAsBytes(file);
    }

    /** A tree as one line of JSON, for a cell of a sheet. */
    String oneLine(JsonNode node) {
        return mapper.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
    }

    JsonNode readTree(byte[] content) {
        return mapper.readTree(content);
    }

    <T> T convert(JsonNode node, Class<T> type) {
        return mapper.treeToValue(node, type);
    }

    /** A code-table value from its national code; anything else is refused with the value and the table. */
    private static final class CodeDeserializer<E extends Enum<E> & CodeTable> extends StdDeserializer<E> {

        private final Class<E> table;

        CodeDeserializer(Class<E> table) {
            super(table);
            this.table = table;
        }

        @Override
        public E deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (E) context.handleUnexpectedToken(table, parser);
            }
            String text = parser.getString();
            return CodeTable.fromCode(table, text)
                    .orElseThrow(() ->
                            InvalidFormatException.from(parser, "not a code of " + table.getSimpleName(), text, table));
        }
    }
}
