package org.zhengwu.exchange.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.zhengwu.basedata.PersonQuery;
import org.zhengwu.basedata.PersonRecord;
import org.zhengwu.basedata.Population;
import org.zhengwu.shared.web.BadParameterException;

/** The person library (人口), through basedata's Population: filters division, bornFrom, bornTo. */
@Component
class PersonSource implements LibrarySource {

    private final Population population;

    PersonSource(Population population) {
        this.population = population;
    }

    @Override
    public String library() {
        return "person";
    }

    @Override
    public List<String> filters() {
        return List.of("division", "bornFrom", "bornTo");
    }

    @Override
    public Optional<Row> byKey(String key) {
        try {
            return population.find(key.strip()).map(PersonSource::row);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<Row> page(Map<String, String> filter, long afterRecordId, int limit) {
        return population.page(query(filter, afterRecordId, limit)).stream()
                .map(PersonSource::row)
                .toList();
    }

    @Override
    public void forEach(Map<String, String> filter, Consumer<Row> each) {
        population.forEach(query(filter, 0, PersonQuery.MAX_LIMIT), p -> each.accept(row(p)));
    }

    private static PersonQuery query(Map<String, String> filter, long after, int limit) {
        LocalDate from = date(filter, "bornFrom");
        LocalDate to = date(filter, "bornTo");
        try {
            return new PersonQuery(filter.get("division"), from, to, after, limit);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("division", "exchange.query.division");
        }
    }

    private static LocalDate date(Map<String, String> filter, String name) {
        String value = filter.get(name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "exchange.query.date", name);
        }
    }

    private static Row row(PersonRecord p) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("idNumber", p.idNumber());
        values.put("name", p.name());
        values.put("sex", p.sex());
        values.put("birthDate", p.birthDate());
        values.put("householdDivision", p.householdDivision());
        values.put("address", p.address());
        values.put("deceased", p.deceased());
        return new Row(p.recordId(), p.idNumber(), values);
    }
}
