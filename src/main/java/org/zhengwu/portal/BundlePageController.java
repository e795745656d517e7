package org.zhengwu.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.zhengwu.catalog.ApplicationForm;
import org.zhengwu.catalog.ApplicationForms;
import org.zhengwu.catalog.Bundle;
import org.zhengwu.catalog.PublishedBundle;
import org.zhengwu.catalog.PublishedBundles;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.shared.database.ReplicaRead;
import org.zhengwu.shared.web.NotFoundException;

/**
 * 一件事一次办: the published bundles, and each bundle's guide at {@code /bundles/{code}} — 一次告知: the entries and
 * departments taking part, the one set of materials and which entries each serves, what need not be handed in and
 * what the departments share among themselves, and the one form's questions — with the button to apply online.
 */
@Controller
@ReplicaRead
class BundlePageController {

    /** What the guide says of one entry of the bundle. */
    record MemberView(
            PublishedItem item, Bundle.Member member, List<Note> waived, List<Note> shared, String condition) {}

    /** A material or a field of an entry's own, and why the bundle does without it. */
    record Note(String what, String why) {}

    private final PublishedBundles bundles;
    private final ApplicationForms forms;

    BundlePageController(PublishedBundles bundles, ApplicationForms forms) {
        this.bundles = bundles;
        this.forms = forms;
    }

    @GetMapping("/bundles")
    String list(Model model) {
        model.addAttribute("bundles", bundles.all());
        return "portal/bundles";
    }

    @GetMapping("/bundles/{code}")
    String guide(@PathVariable String code, Model model) {
        PublishedBundle bundle = bundles.find(code)
                .orElseThrow(() -> new NotFoundException(
                        "portal.bundle.not-found", code.length() > 20 ? code.substring(0, 20) + "…" : code));
        ApplicationForm merged = bundle.bundle().form();
        List<MemberView> members = new ArrayList<>();
        for (PublishedBundle.PublishedMember m : bundle.members()) {
            ApplicationForm own = forms.formOf(m.item().guide());
            List<Note> waived = new ArrayList<>();
            for (Map.Entry<Integer, String> w : m.member().waived().entrySet()) {
                waived.add(new Note(
                        m.item().guide().materials().get(w.getKey() - 1).name(), w.getValue()));
            }
            List<Note> shared = new ArrayList<>();
            for (Map.Entry<String, String> s : m.member().shared().entrySet()) {
                shared.add(new Note(own.field(s.getKey()).map(f -> f.labelZh()).orElse(s.getKey()), s.getValue()));
            }
            String condition = m.member().when() == null
                    ? null
                    : merged.field(m.member().when().field())
                            .map(f -> f.labelZh())
                            .orElse(null);
            members.add(new MemberView(m.item(), m.member(), waived, shared, condition));
        }
        model.addAttribute("bundle", bundle);
        model.addAttribute("members", members);
        model.addAttribute("form", merged);
        return "portal/bundle";
    }
}
