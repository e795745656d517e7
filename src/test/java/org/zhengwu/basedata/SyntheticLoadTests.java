package org.zhengwu.basedata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhengwu.basedata.synthetic.SyntheticRegisters;
import org.zhengwu.support.ZhengwuTest;

/** The benchmarks' loader writes records the libraries read back, sealed as they seal them. */
@ZhengwuTest
class SyntheticLoadTests {

    @Autowired
    SyntheticLoad load;

    @Autowired
    Population population;

    @Autowired
    LegalEntities entities;

    @Test
    void loadedRecordsAreFoundAndVerifiedAndALoadAgainChangesNothing() {
        SyntheticRegisters registers = new SyntheticRegisters(99);
        load.load(registers, 300, 50);
        load.load(registers, 300, 50);
        SyntheticRegisters.Person person = registers.person(123);
        PersonRecord found = population.find(person.idNumber()).orElseThrow();
        assertThat(found.name()).isEqualTo(person.name());
        assertThat(found.address()).isEqualTo(person.address());
        assertThat(found.version()).isEqualTo(1);
        assertThat(population.matches(person.name(), person.idNumber())).isEqualTo(!person.deceased());
        SyntheticRegisters.Entity entity = registers.entity(7, 300);
        assertThat(entities.find(entity.uscc()).orElseThrow().legalRepresentative())
                .isEqualTo(entity.representative());
        assertThat(entities.representedBy(entity.representativeIdNumber()))
                .extracting(LegalEntityRecord::uscc)
                .contains(entity.uscc());
    }
}
