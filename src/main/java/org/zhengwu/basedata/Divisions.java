package org.zhengwu.basedata;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.zhengwu.basedata.division.DivisionRepository;
import org.zhengwu.shared.codes.CodeCheck;
import org.zhengwu.shared.codes.DivisionCode;
import org.zhengwu.shared.codes.DivisionRegister;

/** The register of administrative divisions (GB/T 2260), past and present. */
@Service
public class Divisions implements DivisionRegister {

    private final DivisionRepository repository;
    private final Clock clock;

    Divisions(DivisionRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The division with this code in force today. */
    public Optional<Division> current(String code) {
        return repository.inForce(code, today());
    }

    public Optional<Division> onDate(String code, LocalDate date) {
        return repository.inForce(code, date);
    }

    /** Every period of this code, oldest first; empty for a code that never existed. */
    public List<Division> history(String code) {
        return repository.history(code);
    }

    /** The divisions directly under this one today, by code. */
    public List<Division> children(String code) {
        return children(code, today());
    }

    public List<Division> children(String code, LocalDate date) {
        return repository.childrenInForce(code, date);
    }

    /**
     * The division in force today and its parents, province first, following the registered parent (which need not
     * be the structural one: 419001 济源市 sits directly under 河南省).
     */
    public List<Division> pathFromTop(String code) {
        return pathFromTop(code, today());
    }

    /** As {@link #pathFromTop(String)}, with the divisions in force on {@code date}. */
    public List<Division> pathFromTop(String code, LocalDate date) {
        List<Division> path = new ArrayList<>();
        Optional<Division> current = onDate(code, date);
        while (current.isPresent() && path.size() < DivisionCode.Level.values().length) {
            path.add(0, current.get());
            String parent = current.get().parentCode();
            current = parent == null ? Optional.empty() : onDate(parent, date);
        }
        return List.copyOf(path);
    }

    public CodeCheck check(String code, LocalDate date) {
        return DivisionCode.check(code, date, this);
    }

    @Override
    public List<Validity> validities(String code) {
        return repository.history(code).stream()
                .map(d -> new Validity(d.effectiveFrom(), d.effectiveTo()))
                .toList();
    }
}
