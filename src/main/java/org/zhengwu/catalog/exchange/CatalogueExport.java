package org.zhengwu.catalog.exchange;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.basedata.Organisation;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.catalog.entry.ItemRecord;
import org.zhengwu.catalog.entry.ItemRepository;
import org.zhengwu.catalog.entry.VersionRecord;

/**
 * The catalogue as an exchange file: every base item by base code, every entry with a published version by
 * implementation code. Nothing but {@code exportedAt} depends on when or where it is written.
 */
@Component
class CatalogueExport {

    private final ItemRepository repository;
    private final Organisations organisations;
    private final ExchangeJson json;
    private final Clock clock;

    CatalogueExport(ItemRepository repository, Organisations organisations, ExchangeJson json, Clock clock) {
        this.repository = repository;
        this.organisations = organisations;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    CatalogueFile file() {
        List<CatalogueFile.BaseItem> baseItems = repository.baseItems().stream()
                .map(b -> new CatalogueFile.BaseItem(
                        b.baseCode(), b.name(), b.itemType(), List.copyOf(b.exerciseLevels())))
                .toList();
        Map<String, Organisation> byUscc =
                organisations.all().stream().collect(Collectors.toMap(Organisation::uscc, Function.identity()));
        List<CatalogueFile.Entry> entries = repository.publishedEntries().stream()
                .map(published -> {
                    ItemRecord item = published.getKey();
                    VersionRecord version = published.getValue();
                    Organisation organisation = byUscc.get(item.organisationUscc());
                    return new CatalogueFile.Entry(
                            item.implementationCode(),
                            item.baseCode(),
                            version.name(),
                            item.organisationUscc(),
                            organisation == null ? null : organisation.name(),
                            item.exerciseLevel(),
                            item.divisionCode(),
                            version.guide());
                })
                .toList();
        return new CatalogueFile(
                CatalogueFile.FORMAT,
                clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(),
                baseItems,
                entries);
    }

    byte[] bytes() {
        return json.write(file());
    }
}
