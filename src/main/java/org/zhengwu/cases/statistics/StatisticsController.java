package org.zhengwu.cases.statistics;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.zhengwu.identity.Actors;
import org.zhengwu.shared.csv.CsvCells;
import org.zhengwu.shared.web.BadParameterException;
import org.zhengwu.shared.web.NotFoundException;

/**
 * 统计分析: the statistics page of the region's cases (each chart beside the table of the same figures; without
 * scripts, the tables alone) and each table as CSV, for supervisors.
 */
@Controller
@PreAuthorize("hasAuthority('cases.supervise')")
class StatisticsController {

    /** The period asked for; by default the last 90 days, by week. */
    public static class PeriodForm {
        static final int DEFAULT_DAYS = 90;
        static final Period LONGEST = Period.ofYears(3);

        static final Validator RULES = Validator.forInstanceOf(PeriodForm.class, (form, errors) -> {
            if (form.from != null && form.to != null) {
                if (form.to.isBefore(form.from)) {
                    errors.rejectValue("to", "cases.statistics.period.order");
                } else if (form.to.isAfter(form.from.plus(LONGEST))) {
                    errors.rejectValue("to", "cases.statistics.period.too-long", new Object[] {3}, null);
                }
            }
            if (form.by != null && granularity(form.by) == null) {
                errors.rejectValue("by", "validation.choose");
            }
        });

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate from;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate to;

        private String by;

        CaseStatistics.Period period(LocalDate today) {
            LocalDate end = to == null ? today : to;
            LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1) : from;
            CaseStatistics.Granularity granularity = by == null ? CaseStatistics.Granularity.WEEK : granularity(by);
            return new CaseStatistics.Period(start, end, granularity);
        }

        private static CaseStatistics.Granularity granularity(String by) {
            for (CaseStatistics.Granularity g : CaseStatistics.Granularity.values()) {
                if (g.name().equals(by)) {
                    return g;
                }
            }
            return null;
        }

        public LocalDate getFrom() {
            return from;
        }

        public void setFrom(LocalDate from) {
            this.from = from;
        }

        public LocalDate getTo() {
            return to;
        }

        public void setTo(LocalDate to) {
            this.to = to;
        }

        public String getBy() {
            return by;
        }

        public void setBy(String by) {
            this.by = by;
        }
    }

    private final CaseStatistics statistics;
    private final Actors actors;
    private final MessageSource messages;
    private final Clock clock;

    StatisticsController(CaseStatistics statistics, Actors actors, MessageSource messages, Clock clock) {
        this.statistics = statistics;
        this.actors = actors;
        this.messages = messages;
        this.clock = clock;
    }

    @InitBinder("period")
    void periodRules(WebDataBinder binder) {
        binder.addValidators(PeriodForm.RULES);
    }

    /** A period that is not one is named on the page (400), as typed; nothing is counted. */
    @GetMapping("/statistics")
    String page(
            @Validated @ModelAttribute("period") PeriodForm form,
            BindingResult binding,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        model.addAttribute("granularities", List.of(CaseStatistics.Granularity.values()));
        if (binding.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "cases/statistics/page";
        }
        LocalDate today = LocalDate.now(clock);
        CaseStatistics.Period period = form.period(today);
        // The form shows the period counted, the defaults filled in.
        form.setFrom(period.from());
        form.setTo(period.to());
        form.setBy(period.by().name());
        model.addAttribute("report", statistics.report(actors.require(), period, today, locale));
        return "cases/statistics/page";
    }

    /** One table as CSV (UTF-8 with a byte-order mark, for spreadsheet programs), in the reader's language. */
    @GetMapping("/statistics/{table}.csv")
    ResponseEntity<byte[]> csv(
            @PathVariable String table,
            @Validated @ModelAttribute("period") PeriodForm form,
            BindingResult binding,
            Locale locale) {
        if (!CaseStatistics.TABLES.contains(table)) {
            throw new NotFoundException("cases.statistics.table.unknown");
        }
        if (binding.hasErrors()) {
            var error = binding.getFieldErrors().get(0);
            throw new BadParameterException(
                    error.getField(), "error.parameter.invalid", error.getField(), messages.getMessage(error, locale));
        }
        LocalDate today = LocalDate.now(clock);
        CaseStatistics.Period period = form.period(today);
        StatisticsTable figures =
                statistics.report(actors.require(), period, today, locale).table(table);
        StringBuilder csv = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>();
        header.add(messages.getMessage("cases.statistics.column.code", null, locale));
        header.add(figures.rowHeading());
        figures.columns().forEach(c -> header.add(c.label()));
        csv.append(CsvCells.row(header)).append("\r\n");
        for (StatisticsTable.Row row : figures.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(row.code());
            cells.add(row.label());
            row.figures().forEach(f -> cells.add(f.text()));
            csv.append(CsvCells.row(cells)).append("\r\n");
        }
        String name = "zhengwu-statistics-" + table + "-" + period.from() + "-" + period.to() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
