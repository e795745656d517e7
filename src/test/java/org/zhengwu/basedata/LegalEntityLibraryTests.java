package org.zhengwu.basedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/** The legal entity library's contract: records by code and record id, pages, versions, events, representatives. */
@ZhengwuTest
class LegalEntityLibraryTests {

    @Autowired
    LegalEntities entities;

    @Autowired
    BaseRecordChanges changes;

    @Autowired
    JdbcClient jdbc;

    static LegalEntityDraft draft(String uscc, String name, String rep, String repId, String division, String status) {
        return new LegalEntityDraft(uscc, name, null, rep, repId, division, status, LocalDate.of(2015, 6, 1));
    }

    @Test
    void aSavedEntityIsFoundAndVersionedAndItsRepresentativeVerifiedWithoutBeingStoredInClear() {
        String uscc = TestPeople.newCreditCode();
        String repId = TestPeople.newIdNumber();
        LegalEntityRecord inserted = entities.save(draft(uscc, "合肥测试科技有限公司", "钱多多", repId, "340104", "active"));
        assertThat(inserted.version()).isEqualTo(1);
        assertThat(inserted.entityType()).isEqualTo("91");
        assertThat(entities.find(uscc.toLowerCase())).contains(inserted);
        assertThat(entities.byRecordId(inserted.recordId())).contains(inserted);
        assertThat(entities.save(draft(uscc, "合肥测试科技有限公司", "钱多多", repId, "340104", "active")))
                .isEqualTo(inserted);

        assertThat(entities.isLegalRepresentative(uscc, "钱多多", repId.toLowerCase()))
                .isTrue();
        assertThat(entities.isLegalRepresentative(uscc, "钱少少", repId)).isFalse();
        assertThat(entities.isLegalRepresentative(uscc, "钱多多", TestPeople.newIdNumber()))
                .isFalse();
        assertThat(entities.isLegalRepresentative(TestPeople.newCreditCode(), "钱多多", repId))
                .isFalse();
        assertThat(entities.representedBy(repId))
                .extracting(LegalEntityRecord::uscc)
                .containsExactly(uscc);

        String row = jdbc.sql("SELECT CAST(row_to_json(e) AS TEXT) FROM basedata_legal_entity e WHERE uscc = :uscc")
                .param("uscc", uscc)
                .query(String.class)
                .single();
        assertThat(row).doesNotContain(repId).doesNotContain("钱多多");

        LegalEntityRecord revoked = entities.save(draft(uscc, "合肥测试科技有限公司", "钱多多", repId, "340104", "revoked"));
        assertThat(revoked.version()).isEqualTo(2);
        assertThat(entities.isLegalRepresentative(uscc, "钱多多", repId))
                .as("吊销未注销 still exists")
                .isTrue();
        LegalEntityRecord cancelled = entities.save(draft(uscc, "合肥测试科技有限公司", "钱多多", repId, "340104", "cancelled"));
        assertThat(cancelled.version()).isEqualTo(3);
        assertThat(entities.isLegalRepresentative(uscc, "钱多多", repId)).isFalse();

        assertThat(entities.remove(uscc)).isTrue();
        assertThat(entities.remove(uscc)).isFalse();
        assertThat(entities.find(uscc)).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(changes.of(BaseRecordChanged.LEGAL_ENTITY, inserted.recordId()))
                        .extracting(BaseRecordChanged::operation, BaseRecordChanged::version)
                        .containsExactlyInAnyOrder(
                                tuple("insert", 1L), tuple("update", 2L), tuple("update", 3L), tuple("delete", 4L)));
    }

    @Test
    void pagesFilterByDivisionAndStatusAndFollowRecordIds() {
        List<LegalEntityRecord> saved = new ArrayList<>();
        String rep = TestPeople.newIdNumber();
        for (int i = 0; i < 4; i++) {
            saved.add(entities.save(draft(
                    TestPeople.newCreditCode(),
                    "黄山测试" + i,
                    "汪" + i,
                    rep,
                    i < 2 ? "341002" : "341003",
                    i == 3 ? "revoked" : "active")));
        }
        // Other tests may have put entities in 黄山 before: count from this test's first record on.
        long before = saved.get(0).recordId() - 1;
        assertThat(entities.page(new LegalEntityQuery("341000", null, before, 1000)))
                .extracting(LegalEntityRecord::name)
                .containsExactly("黄山测试0", "黄山测试1", "黄山测试2", "黄山测试3");
        assertThat(entities.page(new LegalEntityQuery("341003", "active", before, 1000)))
                .extracting(LegalEntityRecord::name)
                .containsExactly("黄山测试2");
        assertThat(entities.page(
                        new LegalEntityQuery("341000", null, saved.get(0).recordId(), 2)))
                .extracting(LegalEntityRecord::name)
                .containsExactly("黄山测试1", "黄山测试2");
        List<String> all = new ArrayList<>();
        entities.forEach(new LegalEntityQuery("341000", null, before, 3), e -> all.add(e.name()));
        assertThat(all).containsExactly("黄山测试0", "黄山测试1", "黄山测试2", "黄山测试3");
        assertThat(entities.search("黄山测试", 10)).hasSize(4);
        assertThatThrownBy(() -> new LegalEntityQuery(null, "closed", 0, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBadDraftIsRefusedWithEveryProblem() {
        String uscc = TestPeople.newCreditCode();
        String badCheck = uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');
        assertThat(entities.check(new LegalEntityDraft(
                        badCheck,
                        "",
                        null,
                        "",
                        "123",
                        "349999",
                        "closed",
                        LocalDate.now().plusDays(2))))
                .extracting(RecordProblem::field, RecordProblem::messageKey)
                .containsExactly(
                        tuple("uscc", "code.defect.CHECK_CHARACTER_MISMATCH"),
                        tuple("name", "import.required"),
                        tuple("legal_representative", "import.required"),
                        tuple("legal_representative_id_number", "code.defect.WRONG_LENGTH"),
                        tuple("registered_division", "code.defect.UNKNOWN_DIVISION"),
                        tuple("status", "basedata.entity.status-unknown"),
                        tuple("registration_date", "basedata.entity.registered-in-future"));
        assertThat(entities.check(new LegalEntityDraft(
                        uscc,
                        "某公司",
                        "92",
                        "某人",
                        TestPeople.newIdNumber(),
                        "340104",
                        "active",
                        LocalDate.of(2020, 1, 1))))
                .extracting(RecordProblem::field, RecordProblem::messageKey)
                .containsExactly(tuple("entity_type", "basedata.entity.type-disagrees"));
        String first17 = "Z1340100MA2T0000";
        assertThat(UnifiedSocialCreditCode.check("Z").isValid()).isFalse();
        assertThatThrownBy(
                        () -> entities.save(draft(badCheck, "某公司", "某人", TestPeople.newIdNumber(), "340104", "active")))
                .isInstanceOf(RecordRefusedException.class);
        assertThat(entities.find(badCheck)).isEmpty();
        assertThat(first17).isNotEmpty();
    }

    @Test
    void theDemoEntitiesAreRepresentedByDemoCitizens() {
        assertThat(entities.isLegalRepresentative("91340102MA2T00015D", "张三", "340102199001010014"))
                .isTrue();
        assertThat(entities.isLegalRepresentative("91340100MA2T00066Q", "赵敏", "340103197803200482"))
                .as("注销")
                .isFalse();
    }
}
