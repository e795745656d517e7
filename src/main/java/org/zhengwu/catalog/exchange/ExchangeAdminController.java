package org.zhengwu.catalog.exchange;

import java.io.IOException;
import java.security.Principal;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.zhengwu.identity.Actors;
import org.zhengwu.shared.web.NotFoundException;

/**
 * 目录交换: export of the catalogue, and import of an exchange file by the platform's own editors, who alone extend
 * the base list. The import runs in the background; its page shows how far it has come.
 */
@Controller
@RequestMapping("/admin/catalog/exchange")
class ExchangeAdminController {

    /** The largest file accepted (the multipart limit of the application may be lower). */
    static final long MAX_FILE = 20L * 1024 * 1024;

    private final ImportJobs jobs;
    private final Actors actors;
    private final MessageSource messages;

    ExchangeAdminController(ImportJobs jobs, Actors actors, MessageSource messages) {
        this.jobs = jobs;
        this.actors = actors;
        this.messages = messages;
    }

    /** A job as it stood when the page was asked for. */
    record JobView(
            String id,
            String fileName,
            ImportJobs.State state,
            boolean finished,
            int total,
            int done,
            int baseItems,
            int entries) {}

    /** A problem as the reader sees it: where, and why in their language. */
    record ShownProblem(String row, String column, String reason) {}

    @GetMapping
    @PreAuthorize("hasAuthority('catalog.edit')")
    String page(Model model) {
        requireProvinceWideEditor();
        return "catalog/admin/exchange";
    }

    @PostMapping("/import")
    @PreAuthorize("hasAuthority('catalog.edit')")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Principal principal, Model model)
            throws IOException {
        requireProvinceWideEditor();
        if (file == null || file.isEmpty()) {
            model.addAttribute("problem", "catalog.exchange.no-file");
            return "catalog/admin/exchange";
        }
        if (file.getSize() > MAX_FILE) {
            model.addAttribute("problem", "catalog.exchange.file-too-large");
            return "catalog/admin/exchange";
        }
        String id = jobs.start(file.getBytes(), file.getOriginalFilename(), principal.getName());
        return "redirect:/admin/catalog/exchange/jobs/" + id;
    }

    /** The spreadsheets as {@link CatalogueSheets} writes them; those not given have no rows. */
    @PostMapping("/import-sheets")
    @PreAuthorize("hasAuthority('catalog.edit')")
    String uploadSheets(
            @RequestParam(name = "baseItems", required = false) MultipartFile baseItems,
            @RequestParam(name = "entries", required = false) MultipartFile entries,
            @RequestParam(name = "materials", required = false) MultipartFile materials,
            @RequestParam(name = "lists", required = false) MultipartFile lists,
            Principal principal,
            Model model)
            throws IOException {
        requireProvinceWideEditor();
        Map<CatalogueSheetImport.Sheet, MultipartFile> files = new EnumMap<>(CatalogueSheetImport.Sheet.class);
        files.put(CatalogueSheetImport.Sheet.BASE_ITEMS, baseItems);
        files.put(CatalogueSheetImport.Sheet.ENTRIES, entries);
        files.put(CatalogueSheetImport.Sheet.MATERIALS, materials);
        files.put(CatalogueSheetImport.Sheet.LISTS, lists);
        files.values().removeIf(f -> f == null || f.isEmpty());
        if (files.isEmpty()) {
            model.addAttribute("problem", "catalog.exchange.no-file");
            return "catalog/admin/exchange";
        }
        if (files.values().stream().mapToLong(MultipartFile::getSize).sum() > MAX_FILE) {
            model.addAttribute("problem", "catalog.exchange.file-too-large");
            return "catalog/admin/exchange";
        }
        Map<CatalogueSheetImport.Sheet, CatalogueSheetImport.Upload> sheets =
                new EnumMap<>(CatalogueSheetImport.Sheet.class);
        for (Map.Entry<CatalogueSheetImport.Sheet, MultipartFile> file : files.entrySet()) {
            sheets.put(
                    file.getKey(),
                    new CatalogueSheetImport.Upload(
                            file.getValue().getOriginalFilename(),
                            file.getValue().getBytes()));
        }
        String id = jobs.startSheets(sheets, principal.getName());
        return "redirect:/admin/catalog/exchange/jobs/" + id;
    }

    @GetMapping("/jobs/{id}")
    @PreAuthorize("hasAuthority('catalog.edit')")
    String job(@PathVariable String id, Model model, Locale locale) {
        requireProvinceWideEditor();
        ImportJobs.Job job = jobs.find(id).orElseThrow(() -> new NotFoundException("catalog.exchange.no-job"));
        // The state first: a job writes its problems and counts before it changes state, so what is read after the
        // state is at least as new as it.
        ImportJobs.State state = job.getState();
        model.addAttribute(
                "job",
                new JobView(
                        job.getId(),
                        job.getFileName(),
                        state,
                        state.finished(),
                        job.getTotal(),
                        job.getDone(),
                        job.getBaseItems(),
                        job.getEntries()));
        model.addAttribute("problems", shown(job.getProblems(), locale));
        return "catalog/admin/exchange-job";
    }

    private List<ShownProblem> shown(List<ImportProblem> problems, Locale locale) {
        return problems.stream()
                .map(p -> new ShownProblem(
                        p.sheet() == null
                                ? p.row()
                                : messages.getMessage(
                                        "catalog.exchange.sheetLine", new Object[] {p.sheet(), p.line()}, locale),
                        p.column(),
                        messages.getMessage(
                                new DefaultMessageSourceResolvable(
                                        new String[] {p.messageKey()}, p.argumentArray(), p.messageKey()),
                                locale)))
                .toList();
    }

    /** As for the base list: the catalogue as a whole is the platform's editors' to extend, not a department's. */
    private void requireProvinceWideEditor() {
        if (!actors.require().scope().platform()) {
            throw new AccessDeniedException("catalogue import is for the platform's editors only");
        }
    }
}
