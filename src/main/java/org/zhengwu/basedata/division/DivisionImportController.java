package org.zhengwu.basedata.division;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.zhengwu.shared.csv.ImportReport;

/** Administrators import GB/T 2260 divisions from a CSV file; every bad row is listed, and nothing loads if any is. */
@Controller
@RequestMapping("/admin/divisions/import")
@PreAuthorize("hasAuthority('basedata.manage')")
class DivisionImportController {

    private final DivisionImport divisionImport;
    private final DivisionRepository divisions;

    DivisionImportController(DivisionImport divisionImport, DivisionRepository divisions) {
        this.divisionImport = divisionImport;
        this.divisions = divisions;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("count", divisions.count());
        model.addAttribute("columns", String.join(",", DivisionImport.COLUMNS));
        return "basedata/division-import";
    }

    @PostMapping
    String upload(@RequestParam(value = "file", required = false) MultipartFile file, Principal principal, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileProblem", "division.import.no-file");
            return form(model);
        }
        String name = file.getOriginalFilename() == null
                ? ""
                : file.getOriginalFilename().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".txt")) {
            model.addAttribute("fileProblem", "division.import.not-csv");
            return form(model);
        }
        ImportReport report;
        try (InputStream in = file.getInputStream()) {
            report = divisionImport.importCsv(in, principal.getName());
        }
        model.addAttribute("report", report);
        return form(model);
    }
}
