package org.zhengwu.basedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.shared.codes.CitizenIdNumber;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/** The population library's contract: records by number and record id, pages, versions, events, sealing. */
@ZhengwuTest
class PopulationLibraryTests {

    @Autowired
    Population population;

    @Autowired
    BaseRecordChanges changes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    static PersonDraft draft(String number, String name, String division, String address) {
        return new PersonDraft(number, name, null, null, division, address, false);
    }

    @Test
    void aSavedPersonIsFoundByNumberAndRecordIdAndEachChangeIsOneVersionAndOneEvent() {
        String number = TestPeople.newIdNumber();
        PersonRecord inserted = population.save(draft(number.toLowerCase(), " 欧阳小明 ", "340104", "蜀山区长江西路1号"));

        assertThat(inserted.version()).isEqualTo(1);
        assertThat(inserted.idNumber()).isEqualTo(number);
        assertThat(inserted.name()).isEqualTo("欧阳小明");
        assertThat(inserted.birthDate()).isEqualTo(CitizenIdNumber.birthDate(number));
        assertThat(inserted.sex()).isEqualTo((number.charAt(16) - '0') % 2 == 1 ? "1" : "2");
        assertThat(population.find(number)).contains(inserted);
        assertThat(population.byRecordId(inserted.recordId())).contains(inserted);
        assertThat(population.matches("欧阳小明", number)).isTrue();

        PersonRecord same = population.save(draft(number, "欧阳小明", "340104", "蜀山区长江西路1号"));
        assertThat(same).isEqualTo(inserted);

        PersonRecord moved = population.save(draft(number, "欧阳小明", "340111", "包河区徽州大道2号"));
        assertThat(moved.recordId()).isEqualTo(inserted.recordId());
        assertThat(moved.version()).isEqualTo(2);
        assertThat(population.find(number).orElseThrow().address()).isEqualTo("包河区徽州大道2号");

        assertThat(population.remove(number)).isTrue();
        assertThat(population.remove(number)).isFalse();
        assertThat(population.find(number)).isEmpty();
        assertThat(population.byRecordId(inserted.recordId())).isEmpty();
        assertThat(population.matches("欧阳小明", number)).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM basedata_person WHERE record_id = :id")
                        .param("id", inserted.recordId())
                        .query(Long.class)
                        .single())
                .as("nothing of a removed person stays")
                .isZero();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(changes.of(BaseRecordChanged.PERSON, inserted.recordId()))
                        .extracting(BaseRecordChanged::operation, BaseRecordChanged::version)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("insert", 1L),
                                org.assertj.core.groups.Tuple.tuple("update", 2L),
                                org.assertj.core.groups.Tuple.tuple("delete", 3L)));
    }

    @Test
    void theStoredEventAndTheRowHoldNoPersonalDataInClear() {
        String number = TestPeople.newIdNumber();
        String name = "司马清" + number.substring(14, 17);
        String address = "庐阳区阜南路" + number.substring(10, 14) + "号";
        record Seen(PersonRecord person, List<String> events, String row) {}
        Seen seen = new TransactionTemplate(transactions).execute(status -> {
            PersonRecord person = population.save(draft(number, name, "340103", address));
            List<String> events = jdbc.sql("""
                            SELECT serialized_event FROM event_publication
                            WHERE event_type = :type AND strpos(serialized_event, :id) > 0""")
                    .param("type", BaseRecordChanged.class.getName())
                    .param("id", "\"recordId\":" + person.recordId() + ",")
                    .query(String.class)
                    .list();
            String row = jdbc.sql("SELECT CAST(row_to_json(p) AS TEXT) FROM basedata_person p WHERE record_id = :id")
                    .param("id", person.recordId())
                    .query(String.class)
                    .single();
            return new Seen(person, events, row);
        });

        assertThat(seen.events())
                .as("the registry keeps the change for its listener")
                .isNotEmpty();
        for (String event : seen.events()) {
            assertThat(event)
                    .contains("\"library\":\"person\"")
                    .doesNotContain(number)
                    .doesNotContain(number.substring(0, 17))
                    .doesNotContain(name)
                    .doesNotContain(address);
        }
        assertThat(seen.row())
                .contains("\"record_id\":" + seen.person().recordId())
                .doesNotContain(number)
                .doesNotContain(number.substring(6, 14))
                .doesNotContain(name)
                .doesNotContain("阜南路");
    }

    @Test
    void pagesFilterByDivisionAndBirthDateAndFollowRecordIds() {
        List<PersonRecord> saved = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // Persons of 淮北 (3406xx), where no other test puts anyone.
            String first17 = String.format(
                    "340602%s%03d", LocalDate.of(1960 + i, 3, 1).toString().replace("-", ""), 10 + i);
            String number = first17 + CitizenIdNumber.checkCharacter(first17);
            saved.add(population.save(draft(number, "淮北" + i, i < 3 ? "340602" : "340603", "")));
        }
        // Other tests may have put persons in 淮北 before: count from this test's first record on.
        long before = saved.get(0).recordId() - 1;
        assertThat(population.page(new PersonQuery("340600", null, null, before, 1000)))
                .extracting(PersonRecord::recordId)
                .containsSubsequence(saved.stream().map(PersonRecord::recordId).toList())
                .isSorted();
        assertThat(population.page(new PersonQuery("340602", null, null, before, 1000)))
                .extracting(PersonRecord::name)
                .containsExactly("淮北0", "淮北1", "淮北2");
        assertThat(population.page(
                        new PersonQuery("340600", LocalDate.of(1961, 1, 1), LocalDate.of(1963, 3, 1), before, 1000)))
                .extracting(PersonRecord::name)
                .containsExactly("淮北1", "淮北2", "淮北3");
        assertThat(population.page(
                        new PersonQuery("340600", null, null, saved.get(1).recordId(), 2)))
                .extracting(PersonRecord::name)
                .containsExactly("淮北2", "淮北3");

        List<String> all = new ArrayList<>();
        population.forEach(new PersonQuery("340600", null, null, before, 2), p -> all.add(p.name()));
        assertThat(all).containsExactly("淮北0", "淮北1", "淮北2", "淮北3", "淮北4");

        assertThatThrownBy(() -> new PersonQuery(null, null, null, 0, 1001))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonQuery(null, null, null, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonQuery("34'; --", null, null, 0, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDraftThatContradictsItsNumberOrTheRegisterIsRefusedWithEveryProblem() {
        String number = TestPeople.newIdNumber();
        String wrongSex = (number.charAt(16) - '0') % 2 == 1 ? "2" : "1";
        assertThatThrownBy(() -> population.save(new PersonDraft(
                        number, "", wrongSex, LocalDate.of(1900, 1, 1), "349999", "x".repeat(201), false)))
                .isInstanceOfSatisfying(
                        RecordRefusedException.class,
                        e -> assertThat(e.problems())
                                .extracting(RecordProblem::field, RecordProblem::messageKey)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple("name", "import.required"),
                                        org.assertj.core.groups.Tuple.tuple("sex", "basedata.person.sex-disagrees"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "birth_date", "basedata.person.birth-disagrees"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "household_division", "code.defect.UNKNOWN_DIVISION"),
                                        org.assertj.core.groups.Tuple.tuple("address", "import.too-long")));
        String badCheck = number.substring(0, 17) + (number.charAt(17) == '0' ? '1' : '0');
        assertThat(population.check(draft(badCheck, "某人", "340104", "")))
                .extracting(RecordProblem::field, RecordProblem::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("id_number", "code.defect.CHECK_CHARACTER_MISMATCH"));
        assertThat(population.check(new PersonDraft(number, "某人", "9", null, "340104", null, false)))
                .as("GB/T 2261.1 9 (not stated) contradicts no number")
                .isEmpty();
        assertThat(population.find(number)).isEmpty();
    }

    @Test
    void registeringByNameAndNumberStillWorksAndGivesAFullRecord() {
        String number = TestPeople.newIdNumber();
        population.register("登记人", number, false);
        PersonRecord person = population.find(number).orElseThrow();
        assertThat(person.householdDivision()).isEqualTo("340104");
        assertThat(person.birthDate()).isEqualTo(CitizenIdNumber.birthDate(number));
        assertThat(population.matches("登记人", number)).isTrue();

        population.register("登记人", number, true);
        assertThat(population.find(number).orElseThrow().version()).isEqualTo(2);
        assertThat(population.matches("登记人", number)).isFalse();
    }

    @Test
    void theDemoPersonsHaveFullRecords() {
        PersonRecord zhang = population.find("340102199001010014").orElseThrow();
        assertThat(zhang.name()).isEqualTo("张三");
        assertThat(zhang.sex()).isEqualTo("1");
        assertThat(zhang.householdDivision()).isEqualTo("340102");
        assertThat(zhang.address()).startsWith("安徽省合肥市瑶海区");
    }
}
