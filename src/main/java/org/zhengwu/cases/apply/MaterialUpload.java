package org.zhengwu.cases.apply;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.shared.files.UploadRefusedException;

/**
 * One file sent from a material's upload form — of an online draft, a bundle or a counter draft: stored by the caller's
 * own check and store, and the outcome flashed for the page the form returns to (a refusal names the file there).
 */
final class MaterialUpload {

    /** Stores the file under the caller's checks; a refusal is an {@link UploadRefusedException}. */
    @FunctionalInterface
    interface Store {
        void add(String fileName, InputStream content) throws IOException;
    }

    private MaterialUpload() {}

    static void receive(MultipartFile file, int material, RedirectAttributes redirect, Store store) throws IOException {
        try (InputStream content = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            store.add(file == null ? null : file.getOriginalFilename(), content);
            redirect.addFlashAttribute("notice", "cases.material.added");
        } catch (UploadRefusedException e) {
            redirect.addFlashAttribute("uploadProblem", e.messageKey());
            redirect.addFlashAttribute("uploadArguments", e.arguments());
            redirect.addFlashAttribute("uploadMaterial", material);
        }
    }
}
