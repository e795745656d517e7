package org.zhengwu.basedata.division;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhengwu.basedata.Division;
import org.zhengwu.basedata.Divisions;
import org.zhengwu.shared.codes.CodeCheck;
import org.zhengwu.shared.codes.DivisionCode;
import org.zhengwu.shared.web.BadParameterException;
import org.zhengwu.shared.web.NotFoundException;

@RestController
@RequestMapping("/api/v1/divisions")
@Tag(name = "行政区划 Divisions", description = "GB/T 2260 administrative divisions, past and present")
class DivisionApiController {

    private final Divisions divisions;

    DivisionApiController(Divisions divisions) {
        this.divisions = divisions;
    }

    record DivisionRef(String code, String name) {}

    record Period(String name, String parentCode, LocalDate effectiveFrom, LocalDate effectiveTo) {}

    record DivisionView(
            String code,
            String name,
            DivisionCode.Level level,
            String parentCode,
            LocalDate effectiveFrom,
            LocalDate effectiveTo,
            boolean inForce,
            List<DivisionRef> path,
            List<DivisionRef> children,
            List<Period> history) {}

    @GetMapping("/{code}")
    @Operation(
            summary = "One division on a date (default today); an abolished code is still resolved, with inForce=false")
    DivisionView division(
            @PathVariable String code,
            @Parameter(description = "ISO date, e.g. 2010-05-01")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate date) {
        CodeCheck format = DivisionCode.checkFormat(code);
        if (!format.isValid()) {
            throw new BadParameterException("code", format.defect().messageKey(), format.argumentArray());
        }
        List<Division> history = divisions.history(format.normalised());
        if (history.isEmpty()) {
            throw new NotFoundException("division.not-found", format.normalised());
        }
        LocalDate on = date == null ? divisions.today() : date;
        // In force on the date, or else the latest period that had ended by then; none when the code came later.
        Division shown = history.stream()
                .filter(d -> d.inForceOn(on))
                .findFirst()
                .or(() -> history.stream()
                        .filter(d -> d.effectiveTo() != null && !d.effectiveTo().isAfter(on))
                        .max(Comparator.comparing(Division::effectiveFrom)))
                .orElseThrow(() -> new NotFoundException("division.not-yet", format.normalised(), on));
        boolean inForce = shown.inForceOn(on);
        LocalDate pathDate = inForce ? on : shown.effectiveTo().minusDays(1);
        List<DivisionRef> path = divisions.pathFromTop(shown.code(), pathDate).stream()
                .map(d -> new DivisionRef(d.code(), d.name()))
                .toList();
        List<DivisionRef> children = divisions.children(shown.code(), pathDate).stream()
                .map(d -> new DivisionRef(d.code(), d.name()))
                .toList();
        return new DivisionView(
                shown.code(),
                shown.name(),
                shown.level(),
                shown.parentCode(),
                shown.effectiveFrom(),
                shown.effectiveTo(),
                inForce,
                path,
                children,
                history.stream()
                        .map(d -> new Period(d.name(), d.parentCode(), d.effectiveFrom(), d.effectiveTo()))
                        .toList());
    }
}
