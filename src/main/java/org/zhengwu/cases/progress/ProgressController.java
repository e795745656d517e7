package org.zhengwu.cases.progress;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.zhengwu.cases.CaseNumber;
import org.zhengwu.shared.web.BadParameterException;
import org.zhengwu.shared.web.UserFacingException;

/** 办件进度查询, the public page: no sign-in, the receipt's number and query code. */
@Controller
@RequestMapping("/progress")
class ProgressController {

    /** The lookup as typed. */
    public static class LookupForm {
        private String number;
        private String code;

        public String getNumber() {
            return number;
        }

        public void setNumber(String number) {
            this.number = number;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }
    }

    private final ProgressLookup lookup;

    ProgressController(ProgressLookup lookup) {
        this.lookup = lookup;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("lookup", new LookupForm());
        return "cases/progress";
    }

    @PostMapping
    String find(
            @ModelAttribute("lookup") LookupForm form,
            BindingResult binding,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        CaseNumber number = null;
        try {
            number = ProgressLookup.number(form.getNumber());
        } catch (BadParameterException e) {
            binding.rejectValue("number", e.messageKey());
        }
        if (form.getCode() == null || form.getCode().isBlank()) {
            binding.rejectValue("code", "validation.required");
        }
        if (binding.hasErrors()) {
            return "cases/progress";
        }
        try {
            model.addAttribute("progress", lookup.find(number, form.getCode(), request.getRemoteAddr()));
        } catch (UserFacingException e) {
            response.setStatus(e.status().value());
            model.addAttribute("problem", e.messageKey());
        }
        return "cases/progress";
    }
}
