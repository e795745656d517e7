package org.zhengwu.catalog.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;
import org.zhengwu.catalog.attachment.AttachmentStore;

/**
 * Stores the blank forms and samples uploaded with a guide form and points the materials at them, and the guide at
 * its 审批结果样本. A refused file
 * becomes an error on its own field; files already accepted stay attached, so nothing the editor did is lost.
 */
@Component
class MaterialFiles {

    private final AttachmentStore store;

    MaterialFiles(AttachmentStore store) {
        this.store = store;
    }

    /** @param prefix the path of the guide in the form ('' or 'guide.') */
    void apply(List<GuideForm.MaterialRow> materials, String prefix, BindingResult binding, String actor) {
        for (int i = 0; i < materials.size(); i++) {
            GuideForm.MaterialRow row = materials.get(i);
            String path = prefix + "materials[" + i + "].";
            row.setBlankFormId(resolve(
                    row.getBlankFormId(),
                    row.getBlankFormFile(),
                    row.isClearBlankForm(),
                    path + "blankFormFile",
                    binding,
                    actor));
            row.setSampleId(resolve(
                    row.getSampleId(), row.getSampleFile(), row.isClearSample(), path + "sampleFile", binding, actor));
            row.setClearBlankForm(false);
            row.setClearSample(false);
        }
    }

    /** The 审批结果样本 uploaded with the guide, like a material's sample. */
    void applyResultSample(GuideForm form, String prefix, BindingResult binding, String actor) {
        form.setResultSampleId(resolve(
                form.getResultSampleId(),
                form.getResultSampleFile(),
                form.isClearResultSample(),
                prefix + "resultSampleFile",
                binding,
                actor));
        form.setClearResultSample(false);
    }

    private String resolve(
            String currentId, MultipartFile upload, boolean clear, String field, BindingResult binding, String actor) {
        if (upload != null && !upload.isEmpty()) {
            try {
                return store.store(upload.getOriginalFilename(), upload.getBytes(), actor);
            } catch (AttachmentStore.RejectedFileException e) {
                binding.rejectValue(field, e.messageKey(), e.arguments(), null);
                return clear ? null : known(currentId, field, binding);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return clear ? null : known(currentId, field, binding);
    }

    /** A hidden id posted back must name a stored file: a forged one is refused. */
    private String known(String id, String field, BindingResult binding) {
        if (id == null) {
            return null;
        }
        if (!id.matches("[0-9a-f]{64}") || !store.exists(id)) {
            binding.rejectValue(field, "attachment.not-found");
            return null;
        }
        return id;
    }
}
