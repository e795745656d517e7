package org.zhengwu.basedata.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhengwu.basedata.LegalEntities;
import org.zhengwu.shared.codes.CitizenIdNumber;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;

/** The synthetic registers: the same seed gives the same records, and every code in them is valid and unique. */
class SyntheticRegistersTests {

    static final int PERSONS = 20_000;
    static final int ENTITIES = 3_000;
    static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

    @Test
    void theSameSeedGivesTheSameRecordsAndAnotherSeedOthers(@TempDir Path dir) throws IOException {
        new SyntheticRegisters(7).writeCsv(dir.resolve("a"), 500, 100);
        new SyntheticRegisters(7).writeCsv(dir.resolve("b"), 500, 100);
        new SyntheticRegisters(8).writeCsv(dir.resolve("c"), 500, 100);
        for (String file : List.of("persons.csv", "legal-entities.csv")) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(file)))
                    .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)));
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(file)))
                    .isNotEqualTo(Files.readAllBytes(dir.resolve("c").resolve(file)));
        }
        assertThat(Files.readAllLines(dir.resolve("a").resolve("persons.csv"))).hasSize(501);
        assertThat(new SyntheticRegisters(7).person(12_345)).isEqualTo(new SyntheticRegisters(7).person(12_345));
    }

    @Test
    void everyPersonHasAValidUniqueNumberThatAgreesWithTheRecord() {
        SyntheticRegisters registers = new SyntheticRegisters(1);
        Set<String> counties = new HashSet<>();
        SyntheticRegisters.countiesOfSeed().forEach(c -> counties.add(c.code()));
        Set<String> numbers = new HashSet<>();
        Map<String, Integer> surnames = new HashMap<>();
        int men = 0;
        for (int i = 0; i < PERSONS; i++) {
            SyntheticRegisters.Person p = registers.person(i);
            assertThat(CitizenIdNumber.check(p.idNumber(), TODAY).isValid())
                    .as(p.idNumber())
                    .isTrue();
            assertThat(numbers.add(p.idNumber())).as("unique " + p.idNumber()).isTrue();
            assertThat(CitizenIdNumber.birthDate(p.idNumber())).isEqualTo(p.birthDate());
            assertThat((p.idNumber().charAt(16) - '0') % 2 == 1 ? "1" : "2").isEqualTo(p.sex());
            assertThat(p.idNumber()).startsWith(p.division());
            assertThat(counties).contains(p.division());
            assertThat(p.name().length()).isBetween(2, 4);
            assertThat(p.address()).startsWith("安徽省").doesNotContain(",", "\"", "\n");
            surnames.merge(p.name().substring(0, 1), 1, Integer::sum);
            men += p.sex().equals("1") ? 1 : 0;
        }
        assertThat(men).isBetween(PERSONS * 45 / 100, PERSONS * 55 / 100);
        assertThat(surnames.get("王")).as("common surnames are common").isGreaterThan(surnames.getOrDefault("秦", 0) * 5);
    }

    @Test
    void everyEntityHasAValidUniqueCodeAndAGeneratedAdultRepresentative() {
        SyntheticRegisters registers = new SyntheticRegisters(1);
        Map<String, SyntheticRegisters.Person> persons = new HashMap<>();
        for (int i = 0; i < PERSONS; i++) {
            SyntheticRegisters.Person p = registers.person(i);
            persons.put(p.idNumber(), p);
        }
        Set<String> codes = new HashSet<>();
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < ENTITIES; i++) {
            SyntheticRegisters.Entity e = registers.entity(i, PERSONS);
            assertThat(UnifiedSocialCreditCode.check(e.uscc()).isValid())
                    .as(e.uscc())
                    .isTrue();
            assertThat(UnifiedSocialCreditCode.organisationCodeCheckHolds(e.uscc()))
                    .isTrue();
            assertThat(codes.add(e.uscc())).as("unique " + e.uscc()).isTrue();
            assertThat(e.uscc()).startsWith(e.entityType() + e.division());
            assertThat(LegalEntities.ENTITY_TYPES).contains(e.entityType());
            assertThat(LegalEntities.STATUSES).contains(e.status());
            SyntheticRegisters.Person representative = persons.get(e.representativeIdNumber());
            assertThat(representative)
                    .as("the representative is a generated person")
                    .isNotNull();
            assertThat(representative.name()).isEqualTo(e.representative());
            assertThat(e.registrationDate()).isBeforeOrEqualTo(LocalDate.of(2024, 12, 31));
            statuses.add(e.status());
        }
        assertThat(statuses).contains("active", "revoked", "cancelled", "moved-out");
    }
}
