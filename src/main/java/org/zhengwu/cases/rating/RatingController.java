package org.zhengwu.cases.rating;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.cases.CaseNumber;
import org.zhengwu.cases.lifecycle.CaseConflictException;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;

/**
 * The applicant's rating of a case (好差评, 一事一评): the form once the case is 办结, the rating given afterwards. The
 * applicant's case page links here ({@code /my/cases/{id}/rating}) when {@link CaseRatings#ratable} holds. Persons
 * only (applicants and agents): {@code isAuthenticated()} would also let in staff who have given the password alone.
 */
@Controller
@PreAuthorize("hasAuthority('ACCOUNT_PERSON')")
class RatingController {

    /** What the rating form posts. */
    public static class RatingForm {
        static final Validator RULES = Validator.forInstanceOf(RatingForm.class, (form, errors) -> {
            if (form.score == null) {
                if (!errors.hasFieldErrors("score")) {
                    errors.rejectValue("score", "validation.choose");
                }
            } else if (form.score < Rating.LOWEST || form.score > Rating.HIGHEST) {
                errors.rejectValue("score", "cases.rating.score.invalid");
            }
            if (form.tags.stream().anyMatch(tag -> !TAG_NAMES.contains(tag))) {
                errors.rejectValue("tags", "cases.rating.tag.invalid");
            }
            if (form.comment != null && form.comment.length() > CaseRatings.Given.COMMENT_LIMIT) {
                errors.rejectValue(
                        "comment", "validation.too-long", new Object[] {CaseRatings.Given.COMMENT_LIMIT}, null);
            }
        });

        private Integer score;
        private List<String> tags = new ArrayList<>();
        private String comment;

        CaseRatings.Given given() {
            return new CaseRatings.Given(
                    score, comment, tags.stream().map(RatingTag::valueOf).toList());
        }

        public Integer getScore() {
            return score;
        }

        public void setScore(Integer score) {
            this.score = score;
        }

        public List<String> getTags() {
            return tags;
        }

        public void setTags(List<String> tags) {
            this.tags = tags == null ? new ArrayList<>() : tags;
        }

        public String getComment() {
            return comment;
        }

        public void setComment(String comment) {
            this.comment = comment;
        }
    }

    private static final List<String> TAG_NAMES =
            Arrays.stream(RatingTag.values()).map(Enum::name).toList();
    static final List<Integer> SCORES =
            IntStream.rangeClosed(Rating.LOWEST, Rating.HIGHEST).boxed().toList();

    private final CaseRatings ratings;
    private final RatingRecords records;
    private final Actors actors;

    RatingController(CaseRatings ratings, RatingRecords records, Actors actors) {
        this.ratings = ratings;
        this.records = records;
        this.actors = actors;
    }

    @InitBinder("rate")
    void rateRules(WebDataBinder binder) {
        binder.addValidators(RatingForm.RULES);
    }

    @GetMapping("/my/cases/{id}/rating")
    String page(@PathVariable long id, Model model) {
        Actor actor = actors.require();
        return page(ratings.ownCase(actor, id), model);
    }

    @PostMapping("/my/cases/{id}/rating")
    String rate(
            @PathVariable long id,
            @Validated @ModelAttribute("rate") RatingForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Actor actor = actors.require();
        CaseRow c = ratings.ownCase(actor, id);
        if (binding.hasErrors()) {
            return page(c, model);
        }
        Rating rating;
        try {
            rating = ratings.rate(actor, c.id(), form.given());
        } catch (CaseConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("problem", e.messageKey());
            model.asMap().remove("rate");
            return page(c, model);
        }
        redirect.addFlashAttribute("notice", rating.bad() ? "cases.rating.thanks.bad" : "cases.rating.thanks");
        return "redirect:/my/cases/" + c.id() + "/rating";
    }

    private String page(CaseRow c, Model model) {
        var given = ratings.of(c.id());
        model.addAttribute("case", c);
        model.addAttribute("number", new CaseNumber(c.caseNumber()));
        model.addAttribute("given", given.orElse(null));
        model.addAttribute(
                "task",
                given.flatMap(r -> records.rectificationOfRating(r.id())).orElse(null));
        model.addAttribute("ratable", CaseRatings.ratable(c) && given.isEmpty());
        model.addAttribute("scores", SCORES);
        model.addAttribute("tagChoices", RatingTag.values());
        if (!model.containsAttribute("rate")) {
            model.addAttribute("rate", new RatingForm());
        }
        return "cases/rating/rate";
    }
}
