package org.zhengwu.basedata.division;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.Locale;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartFile;
import org.zhengwu.shared.csv.ImportReport;
import org.zhengwu.shared.web.FormErrors;

/**
 * Administrators import GB/T 2260 divisions from a CSV file; every bad row is listed next to the file, and nothing
 * loads if any is.
 */
@Controller
@RequestMapping("/admin/divisions/import")
@PreAuthorize("hasAuthority('basedata.manage')")
class DivisionImportController {

    /** The file to import. */
    public static class DivisionImportForm {
        static final Validator RULES = Validator.forInstanceOf(DivisionImportForm.class, (form, errors) -> {
            if (form.file == null || form.file.isEmpty()) {
                errors.rejectValue("file", "division.import.no-file");
            } else if (!isCsv(form.file.getOriginalFilename())) {
                errors.rejectValue("file", "division.import.not-csv");
            }
        });

        private MultipartFile file;

        private static boolean isCsv(String name) {
            String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
            return lower.endsWith(".csv") || lower.endsWith(".txt");
        }

        public MultipartFile getFile() {
            return file;
        }

        public void setFile(MultipartFile file) {
            this.file = file;
        }
    }

    private final DivisionImport divisionImport;
    private final DivisionRepository divisions;

    DivisionImportController(DivisionImport divisionImport, DivisionRepository divisions) {
        this.divisionImport = divisionImport;
        this.divisions = divisions;
    }

    @InitBinder("divisionImport")
    void rules(WebDataBinder binder) {
        binder.addValidators(DivisionImportForm.RULES);
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("count", divisions.count());
        model.addAttribute("columns", String.join(",", DivisionImport.COLUMNS));
        if (!model.containsAttribute("divisionImport")) {
            model.addAttribute("divisionImport", new DivisionImportForm());
        }
        return "basedata/division-import";
    }

    @PostMapping
    String upload(
            @Validated @ModelAttribute("divisionImport") DivisionImportForm form,
            BindingResult binding,
            Principal principal,
            Model model)
            throws IOException {
        if (binding.hasErrors()) {
            return form(model);
        }
        ImportReport report;
        try (InputStream in = form.getFile().getInputStream()) {
            report = divisionImport.importCsv(in, principal.getName());
        }
        if (!report.applied()) {
            // The rows' problems are listed next to the file; the file is what is to be corrected.
            FormErrors.reject(
                    binding,
                    "file",
                    "division.import.rejected",
                    report.problems().size());
        }
        model.addAttribute("report", report);
        return form(model);
    }
}
