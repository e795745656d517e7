package org.zhengwu.basedata.reference;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengwu.basedata.IndicatorRecord;
import org.zhengwu.basedata.Indicators;
import org.zhengwu.basedata.Places;
import org.zhengwu.basedata.RecordProblem;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.web.NotFoundException;

/**
 * Administrators keep the macro-economic indicators (with a chart of each series beside a table of the same figures)
 * and the named places of the spatial library.
 */
@Controller
@RequestMapping("/admin/basedata")
@PreAuthorize("hasAuthority('basedata.manage')")
class ReferenceAdminController {

    /** A new or changed indicator. */
    public static class IndicatorForm {
        private String code;
        private String name;
        private String unit;
        private String frequency;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getUnit() {
            return unit;
        }

        public void setUnit(String unit) {
            this.unit = unit;
        }

        public String getFrequency() {
            return frequency;
        }

        public void setFrequency(String frequency) {
            this.frequency = frequency;
        }
    }

    /** One figure of a series. */
    public static class ValueForm {
        private String division;
        private String period;
        private String value;

        public String getDivision() {
            return division;
        }

        public void setDivision(String division) {
            this.division = division;
        }

        public String getPeriod() {
            return period;
        }

        public void setPeriod(String period) {
            this.period = period;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }
    }

    /** A new or changed place. */
    public static class PlaceForm {
        private String code;
        private String name;
        private String kind;
        private String division;
        private String address;
        private String longitude;
        private String latitude;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getDivision() {
            return division;
        }

        public void setDivision(String division) {
            this.division = division;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public String getLongitude() {
            return longitude;
        }

        public void setLongitude(String longitude) {
            this.longitude = longitude;
        }

        public String getLatitude() {
            return latitude;
        }

        public void setLatitude(String latitude) {
            this.latitude = latitude;
        }
    }

    private final Indicators indicators;
    private final Places places;
    private final AccountabilityLog audit;

    ReferenceAdminController(Indicators indicators, Places places, AccountabilityLog audit) {
        this.indicators = indicators;
        this.places = places;
        this.audit = audit;
    }

    @GetMapping("/indicators")
    String indicators(Model model) {
        if (!model.containsAttribute("indicator")) {
            IndicatorForm form = new IndicatorForm();
            form.setFrequency("year");
            model.addAttribute("indicator", form);
        }
        model.addAttribute("indicators", indicators.all());
        model.addAttribute("frequencies", Indicators.FREQUENCIES);
        return "basedata/indicators";
    }

    @PostMapping("/indicators")
    String saveIndicator(
            @ModelAttribute("indicator") IndicatorForm form, BindingResult binding, Principal principal, Model model) {
        List<RecordProblem> problems =
                indicators.check(form.getCode(), form.getName(), form.getUnit(), form.getFrequency());
        reject(binding, problems);
        if (binding.hasErrors()) {
            return indicators(model);
        }
        indicators.save(form.getCode(), form.getName(), form.getUnit(), form.getFrequency());
        audit.record(AuditEvent.success(principal.getName(), "basedata.indicator.save", "indicator", form.getCode()));
        return "redirect:/admin/basedata/indicators/" + form.getCode();
    }

    @GetMapping("/indicators/{code}")
    String indicator(
            @PathVariable String code,
            @RequestParam(name = "division", required = false) String division,
            Model model) {
        IndicatorRecord indicator =
                indicators.find(code).orElseThrow(() -> new NotFoundException("basedata.indicator.unknown"));
        String shown = division == null || !division.matches("[0123456789]{6}") ? "340000" : division;
        model.addAttribute("record", indicator);
        model.addAttribute("division", shown);
        model.addAttribute("series", indicators.series(code, shown));
        if (!model.containsAttribute("value")) {
            ValueForm form = new ValueForm();
            form.setDivision(shown);
            model.addAttribute("value", form);
        }
        return "basedata/indicator";
    }

    @PostMapping("/indicators/{code}/values")
    String putValue(
            @PathVariable String code,
            @ModelAttribute("value") ValueForm form,
            BindingResult binding,
            Principal principal,
            Model model) {
        IndicatorRecord indicator =
                indicators.find(code).orElseThrow(() -> new NotFoundException("basedata.indicator.unknown"));
        BigDecimal value = number(form.getValue());
        List<RecordProblem> problems = indicators.checkValue(indicator, form.getDivision(), form.getPeriod(), value);
        if (value == null && form.getValue() != null && !form.getValue().isBlank()) {
            problems = new java.util.ArrayList<>(problems);
            problems.removeIf(p -> p.field().equals("value"));
            problems.add(new RecordProblem("value", "basedata.indicator.value", List.of()));
        }
        reject(binding, problems);
        if (binding.hasErrors()) {
            return indicator(code, form.getDivision(), model);
        }
        indicators.putValue(code, form.getDivision(), form.getPeriod(), value);
        audit.record(AuditEvent.success(principal.getName(), "basedata.indicator.value", "indicator", code)
                .withDetails(form.getDivision() + " " + form.getPeriod()));
        return "redirect:/admin/basedata/indicators/" + code + "?division=" + form.getDivision();
    }

    @GetMapping("/places")
    String places(@RequestParam(name = "division", required = false) String division, Model model) {
        String shown = division == null || !division.matches("[0123456789]{6}") ? "340000" : division;
        model.addAttribute("division", shown);
        model.addAttribute("places", places.inDivision(shown, 200));
        model.addAttribute("kinds", Places.KINDS);
        if (!model.containsAttribute("place")) {
            model.addAttribute("place", new PlaceForm());
        }
        return "basedata/places";
    }

    @PostMapping("/places")
    String savePlace(@ModelAttribute("place") PlaceForm form, BindingResult binding, Principal principal, Model model) {
        BigDecimal longitude = number(form.getLongitude());
        BigDecimal latitude = number(form.getLatitude());
        reject(
                binding,
                places.check(
                        form.getCode(),
                        form.getName(),
                        form.getKind(),
                        form.getDivision(),
                        form.getAddress(),
                        longitude,
                        latitude));
        if (binding.hasErrors()) {
            return places(form.getDivision(), model);
        }
        places.save(
                form.getCode(),
                form.getName(),
                form.getKind(),
                form.getDivision(),
                form.getAddress(),
                longitude,
                latitude);
        audit.record(AuditEvent.success(principal.getName(), "basedata.place.save", "place", form.getCode()));
        return "redirect:/admin/basedata/places?division=" + form.getDivision();
    }

    private static void reject(BindingResult binding, List<RecordProblem> problems) {
        for (RecordProblem p : problems) {
            if (!binding.hasFieldErrors(p.field())) {
                binding.rejectValue(p.field(), p.messageKey(), p.argumentArray(), null);
            }
        }
    }

    private static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
