package org.zhengwu.shared.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhengwu.shared.web.BadParameterException;

/**
 * The working-day calendar for everyone (no sign-in): what the portal's guide pages and other systems ask to tell an
 * applicant when a time limit ends.
 */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(
        name = "工作日历 Working-day calendar",
        description = "Working days under the State Council's holiday schedules; time limits counted from the day"
                + " after the start day (行政许可法 §82, 民法典 §201)")
class CalendarApiController {

    /** More working days than any statutory time limit: a larger number is a mistake, not a question. */
    static final int MAX_WORKING_DAYS = 1000;

    private final WorkingDays workingDays;

    CalendarApiController(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    record Day(
            @Schema(example = "2026-10-01") LocalDate date,
            boolean workingDay,

            @Schema(
                    description = "the holiday or adjusted working day (调休上班) the schedule names; null for an"
                            + " ordinary weekday or weekend",
                    example = "国庆节")
            String reason) {}

    record DueDate(
            @Schema(example = "2026-09-30") LocalDate from,
            @Schema(example = "1") int workingDays,
            @Schema(example = "2026-10-08") LocalDate due) {}

    @GetMapping("/days/{date}")
    @Operation(summary = "One day: whether it is a working day, and the holiday or adjusted working day it is")
    @ApiResponse(responseCode = "200", description = "the day")
    @ApiResponse(
            responseCode = "400",
            description = "not a date (yyyy-MM-dd); the problem names the parameter",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "422",
            description = "the year's schedule has not been entered: the calendar does not guess",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    Day day(
            @Parameter(description = "ISO date, e.g. 2026-10-01")
                    @PathVariable
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate date) {
        CalendarDay day = workingDays.day(date);
        return new Day(day.date(), day.workingDay(), day.reason());
    }

    @GetMapping("/due-date")
    @Operation(
            summary = "The day a time limit of N working days starting on a day ends: the Nth working day after it"
                    + " (the start day itself is not counted)")
    @ApiResponse(responseCode = "200", description = "the due date")
    @ApiResponse(
            responseCode = "400",
            description = "from is not a date (yyyy-MM-dd), or workingDays is not a whole number from 0 to "
                    + MAX_WORKING_DAYS + "; the problem names the parameter",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "422",
            description = "the count reaches a year whose schedule has not been entered; the problem names the year",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    DueDate dueDate(
            @Parameter(description = "the start day (ISO date, e.g. 2026-09-30); not counted itself")
                    @RequestParam
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @Parameter(
                            description = "the time limit in working days, 0 to " + MAX_WORKING_DAYS,
                            schema = @Schema(minimum = "0", maximum = "" + MAX_WORKING_DAYS))
                    @RequestParam
                    int workingDays) {
        if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
            throw new BadParameterException(
                    "workingDays", "calendar.working-days.range", String.valueOf(MAX_WORKING_DAYS));
        }
        return new DueDate(from, workingDays, this.workingDays.dueDate(from, workingDays));
    }
}
