package org.zhengwu.exchange.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.zhengwu.basedata.LegalEntities;
import org.zhengwu.basedata.LegalEntityQuery;
import org.zhengwu.basedata.LegalEntityRecord;
import org.zhengwu.shared.web.BadParameterException;

/** The legal-entity library (法人), through basedata's LegalEntities: filters division, status. */
@Component
class LegalEntitySource implements LibrarySource {

    private final LegalEntities entities;

    LegalEntitySource(LegalEntities entities) {
        this.entities = entities;
    }

    @Override
    public String library() {
        return "legal-entity";
    }

    @Override
    public List<String> filters() {
        return List.of("division", "status");
    }

    @Override
    public Optional<Row> byKey(String key) {
        try {
            return entities.find(key.strip()).map(LegalEntitySource::row);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<Row> page(Map<String, String> filter, long afterRecordId, int limit) {
        return entities.page(query(filter, afterRecordId, limit)).stream()
                .map(LegalEntitySource::row)
                .toList();
    }

    @Override
    public void forEach(Map<String, String> filter, Consumer<Row> each) {
        entities.forEach(query(filter, 0, LegalEntityQuery.MAX_LIMIT), e -> each.accept(row(e)));
    }

    private static LegalEntityQuery query(Map<String, String> filter, long after, int limit) {
        String status = filter.get("status");
        if (status != null && !LegalEntities.STATUSES.contains(status)) {
            throw new BadParameterException(
                    "status", "exchange.query.status", String.join(", ", LegalEntities.STATUSES));
        }
        try {
            return new LegalEntityQuery(filter.get("division"), status, after, limit);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("division", "exchange.query.division");
        }
    }

    private static Row row(LegalEntityRecord e) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("uscc", e.uscc());
        values.put("name", e.name());
        values.put("entityType", e.entityType());
        values.put("legalRepresentative", e.legalRepresentative());
        values.put("registeredDivision", e.registeredDivision());
        values.put("status", e.status());
        values.put("registrationDate", e.registrationDate());
        return new Row(e.recordId(), e.uscc(), values);
    }
}
