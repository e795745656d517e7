package org.zhengwu.exchange.pubsub;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.exchange.ExchangeAccess;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;
import org.zhengwu.identity.ScopeColumns;
import org.zhengwu.identity.ScopeCondition;
import org.zhengwu.shared.web.NotFoundException;

/**
 * 交换监控: the subscriptions to the organisation's resources (a data steward) or to the region's (a supervisor), with
 * their backlog and dead letters, and a replay of a subscription's dead letters or of its changes from an id on.
 */
@Controller
@RequestMapping("/workbench/exchange/subscriptions")
@PreAuthorize("hasAnyAuthority('exchange.decide', 'exchange.supervise')")
class SubscriptionsPageController {

    /** The provider's organisation and division, as the resource has them. */
    static final ScopeColumns SCOPE = new ScopeColumns("r.provider_uscc", "r.provider_division");

    static final int DEAD_LETTERS_SHOWN = 200;

    /** A subscription as the list shows it. */
    record Row(
            long id,
            String resourceCode,
            String resourceName,
            String consumerUscc,
            String mode,
            String status,
            long backlog,
            long dead,
            Instant oldestPending) {}

    record DeadLetter(long changeId, int attempts, String lastError, Instant at) {}

    /** What the replay form posts: nothing (the dead letters), or the change id to deliver again from. */
    public static class ReplayForm {
        static final Validator RULES = Validator.forInstanceOf(ReplayForm.class, (form, errors) -> {
            if (form.from != null && form.from < 1) {
                errors.rejectValue("from", "exchange.pubsub.page.from.invalid");
            }
        });

        private Long from;

        public Long getFrom() {
            return from;
        }

        public void setFrom(Long from) {
            this.from = from;
        }
    }

    private final JdbcClient jdbc;
    private final Actors actors;
    private final Subscriptions subscriptions;

    SubscriptionsPageController(JdbcClient jdbc, Actors actors, Subscriptions subscriptions) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.subscriptions = subscriptions;
    }

    @InitBinder("replay")
    void replayRules(WebDataBinder binder) {
        binder.addValidators(ReplayForm.RULES);
    }

    private List<Row> rows(Actor actor, Long only) {
        ScopeCondition scope = actor.reachCondition(SCOPE, ExchangeAccess.DECIDE, ExchangeAccess.SUPERVISE);
        Map<String, Object> parameters = new LinkedHashMap<>(scope.parameters());
        parameters.put("only", only == null ? -1L : only);
        return jdbc.sql("""
                        SELECT s.id, s.resource_code, r.name, s.consumer_uscc, s.mode, s.status,
                            (SELECT count(*) FROM exchange_delivery d WHERE d.subscription_id = s.id
                                AND d.status = 'PENDING') AS backlog,
                            (SELECT count(*) FROM exchange_delivery d WHERE d.subscription_id = s.id
                                AND d.status = 'DEAD') AS dead,
                            (SELECT min(c.published_at) FROM exchange_delivery d
                                JOIN exchange_change c ON c.id = d.change_id
                                WHERE d.subscription_id = s.id AND d.status = 'PENDING') AS oldest
                        FROM exchange_subscription s JOIN exchange_resource r ON r.code = s.resource_code
                        WHERE (:only < 0 OR s.id = :only) AND """ + scope.sql() + """

                        ORDER BY s.id DESC LIMIT 500""")
                .params(parameters)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("resource_code"),
                        rs.getString("name"),
                        rs.getString("consumer_uscc"),
                        rs.getString("mode"),
                        rs.getString("status"),
                        rs.getLong("backlog"),
                        rs.getLong("dead"),
                        rs.getTimestamp("oldest") == null
                                ? null
                                : rs.getTimestamp("oldest").toInstant()))
                .list();
    }

    private Row one(Actor actor, long id) {
        return rows(actor, id).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("exchange.pubsub.subscription.not-found"));
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("subscriptions", rows(actors.require(), null));
        return "exchange/subscriptions";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        Row row = one(actors.require(), id);
        model.addAttribute("subscription", row);
        model.addAttribute(
                "deadLetters",
                jdbc.sql("""
                                SELECT d.change_id, d.attempts, d.last_error, d.next_attempt_at FROM exchange_delivery d
                                WHERE d.subscription_id = :id AND d.status = 'DEAD' ORDER BY d.change_id LIMIT :limit""")
                        .param("id", id)
                        .param("limit", DEAD_LETTERS_SHOWN)
                        .query((rs, n) -> new DeadLetter(
                                rs.getLong(1),
                                rs.getInt(2),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant()))
                        .list());
        if (!model.containsAttribute("replay")) {
            model.addAttribute("replay", new ReplayForm());
        }
        return "exchange/subscription";
    }

    @PostMapping("/{id}/replay")
    String replay(
            @PathVariable long id,
            @Validated @ModelAttribute("replay") ReplayForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = actors.require();
        Row row = one(actor, id);
        if (!row.mode().equals("PUSH")) {
            binding.rejectValue("from", "exchange.pubsub.subscription.not-push");
        }
        if (binding.hasErrors()) {
            return show(id, model);
        }
        int count = subscriptions.replay(id, form.getFrom(), actor.username());
        redirect.addFlashAttribute("replayed", count);
        return "redirect:/workbench/exchange/subscriptions/" + id;
    }
}
