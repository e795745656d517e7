package org.zhengwu.cases.rating;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengwu.basedata.Organisation;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;
import org.zhengwu.shared.web.BadParameterException;

/**
 * 好差评 for supervisors (电子监察): the region's ratings by score, the 差评 and their 整改率 (rectified ÷ 差评), and
 * every rating, newest first. Figures for a chosen period are on the statistics page.
 */
@Controller
@PreAuthorize("hasAuthority('cases.supervise')")
class RatingOverviewController {

    private final RatingRecords records;
    private final Organisations organisations;
    private final Actors actors;
    private final Clock clock;

    RatingOverviewController(RatingRecords records, Organisations organisations, Actors actors, Clock clock) {
        this.records = records;
        this.organisations = organisations;
        this.actors = actors;
        this.clock = clock;
    }

    @GetMapping("/ratings")
    String overview(
            @RequestParam(required = false) Integer score, @RequestParam(defaultValue = "1") int page, Model model) {
        if (score != null && (score < Rating.LOWEST || score > Rating.HIGHEST)) {
            throw new BadParameterException("score", "search.problem.number", Rating.LOWEST, Rating.HIGHEST);
        }
        if (page < 1 || page > 10_000) {
            throw new BadParameterException("page", "search.problem.number", 1, 10_000);
        }
        Actor supervisor = actors.require();
        long[] counts = records.scoreCounts(supervisor);
        long total = 0;
        Map<Integer, Long> distribution = new LinkedHashMap<>();
        for (int s = Rating.LOWEST; s <= Rating.HIGHEST; s++) {
            distribution.put(s, counts[s]);
            total += counts[s];
        }
        RatingRecords.Page<RatingRecords.RatingLine> ratings = records.ratings(supervisor, score, page);
        Set<String> usccs = ratings.rows().stream()
                .map(RatingRecords.RatingLine::organisationUscc)
                .collect(Collectors.toSet());
        model.addAttribute(
                "departments",
                organisations.findAll(usccs).stream()
                        .collect(Collectors.toMap(Organisation::uscc, Organisation::name)));
        model.addAttribute("distribution", distribution);
        model.addAttribute("total", total);
        model.addAttribute("figures", records.rectificationFigures(supervisor, LocalDate.now(clock)));
        model.addAttribute("ratings", ratings);
        model.addAttribute("score", score);
        model.addAttribute("page", page);
        model.addAttribute("scores", RatingController.SCORES);
        return "cases/rating/overview";
    }
}
