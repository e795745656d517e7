package org.zhengwu.basedata.library;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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
import org.springframework.web.multipart.MultipartFile;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.csv.ImportReport;
import org.zhengwu.shared.files.FileKind;
import org.zhengwu.shared.web.NotFoundException;

/**
 * Operators import a register file (CSV or .xlsx) into a base library, choosing all-or-nothing or skipping bad rows;
 * the import runs in the background and its page shows how far it has come (refreshing itself, with htmx or without
 * JavaScript), then the rows refused, also as a CSV error report. A job is its operator's: anyone else gets 404.
 */
@Controller
@RequestMapping("/admin/basedata/imports")
@PreAuthorize("hasAuthority('basedata.import')")
class LibraryImportController {

    /** The largest file accepted (the multipart limit of the application may be lower). */
    static final long MAX_FILE = 20L * 1024 * 1024;

    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

    /** The file, the library it fills and what to do with bad rows. */
    public static class LibraryImportForm {
        static final Validator RULES = Validator.forInstanceOf(LibraryImportForm.class, (form, errors) -> {
            if (form.library == null || !LibraryImport.LIBRARIES.contains(form.library)) {
                errors.rejectValue("library", "basedata.import.choose-library");
            }
            if (form.mode == null || !LibraryImport.MODES.contains(form.mode)) {
                errors.rejectValue("mode", "basedata.import.choose-mode");
            }
            if (form.file == null || form.file.isEmpty()) {
                errors.rejectValue("file", "basedata.import.no-file");
            } else if (kind(form.file.getOriginalFilename()) == null) {
                errors.rejectValue("file", "basedata.import.not-csv-or-xlsx");
            } else if (form.file.getSize() > MAX_FILE) {
                errors.rejectValue("file", "basedata.import.too-large", new Object[] {MAX_FILE / 1024 / 1024}, null);
            }
        });

        private String library;
        private String mode;
        private MultipartFile file;

        public String getLibrary() {
            return library;
        }

        public void setLibrary(String library) {
            this.library = library;
        }

        public String getMode() {
            return mode;
        }

        public void setMode(String mode) {
            this.mode = mode;
        }

        public MultipartFile getFile() {
            return file;
        }

        public void setFile(MultipartFile file) {
            this.file = file;
        }
    }

    /** A problem as the reader sees it: where, and why in their language. */
    record ShownProblem(int line, String column, String reason) {}

    private final LibraryImport imports;
    private final MessageSource messages;
    private final AccountabilityLog audit;

    LibraryImportController(LibraryImport imports, MessageSource messages, AccountabilityLog audit) {
        this.imports = imports;
        this.messages = messages;
        this.audit = audit;
    }

    @InitBinder("libraryImport")
    void rules(WebDataBinder binder) {
        binder.addValidators(LibraryImportForm.RULES);
    }

    @GetMapping
    String form(Model model, Principal principal) {
        if (!model.containsAttribute("libraryImport")) {
            LibraryImportForm form = new LibraryImportForm();
            form.setMode(LibraryImport.ALL_OR_NOTHING);
            model.addAttribute("libraryImport", form);
        }
        model.addAttribute("libraries", LibraryImport.LIBRARIES);
        model.addAttribute("modes", LibraryImport.MODES);
        model.addAttribute("personColumns", String.join(",", LibraryRows.PERSON_COLUMNS));
        model.addAttribute("entityColumns", String.join(",", LibraryRows.ENTITY_COLUMNS));
        model.addAttribute("jobs", imports.recent(principal.getName()));
        return "basedata/library-import";
    }

    @PostMapping
    String upload(
            @Validated @ModelAttribute("libraryImport") LibraryImportForm form,
            BindingResult binding,
            Principal principal,
            Model model)
            throws IOException {
        if (binding.hasErrors()) {
            return form(model, principal);
        }
        String kind = kind(form.getFile().getOriginalFilename());
        byte[] content = form.getFile().getBytes();
        if (!contentIs(kind, content)) {
            audit.record(new AuditEvent(
                    principal.getName(),
                    null,
                    "basedata.import",
                    "import-file",
                    null,
                    AuditEvent.Outcome.DENIED,
                    "content is not " + kind));
            binding.rejectValue(
                    "file", "basedata.import.disguised", new Object[] {kind.toUpperCase(Locale.ROOT)}, null);
            return form(model, principal);
        }
        String name = form.getFile().getOriginalFilename();
        String shownName = name.length() > 200 ? name.substring(name.length() - 200) : name;
        long id = imports.start(form.getLibrary(), form.getMode(), shownName, kind, content, principal.getName());
        return "redirect:/admin/basedata/imports/" + id;
    }

    @GetMapping("/{id}")
    String job(@PathVariable long id, Principal principal, Model model, Locale locale) {
        ImportJob job =
                imports.job(id, principal.getName()).orElseThrow(() -> new NotFoundException("basedata.import.no-job"));
        model.addAttribute("job", job);
        List<ShownProblem> problems = job.finished()
                ? imports.problems(id).stream()
                        .limit(500)
                        .map(p -> new ShownProblem(p.line(), p.column(), reason(p, locale)))
                        .toList()
                : List.of();
        model.addAttribute("problems", problems);
        return "basedata/library-import-job";
    }

    /** The error report: line, column and reason of every problem, in the reader's language (UTF-8 with a BOM). */
    @GetMapping("/{id}/problems.csv")
    void problems(@PathVariable long id, Principal principal, Locale locale, HttpServletResponse response)
            throws IOException {
        ImportJob job =
                imports.job(id, principal.getName()).orElseThrow(() -> new NotFoundException("basedata.import.no-job"));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + job.id() + "-problems.csv\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        Writer out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        out.write(cell(messages.getMessage("basedata.import.line", null, locale)) + ","
                + cell(messages.getMessage("basedata.import.column", null, locale)) + ","
                + cell(messages.getMessage("basedata.import.reason", null, locale)) + "\r\n");
        for (ImportReport.Problem p : imports.problems(id)) {
            out.write(p.line() + "," + cell(p.column()) + "," + cell(reason(p, locale)) + "\r\n");
        }
        out.flush();
    }

    private String reason(ImportReport.Problem p, Locale locale) {
        return messages.getMessage(
                new DefaultMessageSourceResolvable(new String[] {p.messageKey()}, p.argumentArray(), p.messageKey()),
                locale);
    }

    /** A CSV cell, quoted; a leading =, +, - or @ is made inert for spreadsheets (formula injection). */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** csv or xlsx by the name's extension; null for anything else. */
    static String kind(String fileName) {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return "csv";
        }
        if (lower.endsWith(".xlsx")) {
            return "xlsx";
        }
        return null;
    }

    /** Whether the bytes are what the name claims: a workbook, or text that is no other kind of file. */
    static boolean contentIs(String kind, byte[] content) {
        if (kind.equals("xlsx")) {
            return FileKind.XLSX.matches(content);
        }
        if (content.length >= ZIP_SIGNATURE.length
                && java.util.Arrays.equals(content, 0, ZIP_SIGNATURE.length, ZIP_SIGNATURE, 0, ZIP_SIGNATURE.length)) {
            return false;
        }
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        return FileKind.recognise(content).isEmpty();
    }
}
