package org.zhengwu.cases.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.zhengwu.cases.lifecycle.BundleRecords;
import org.zhengwu.cases.lifecycle.BundleRow;
import org.zhengwu.cases.lifecycle.CaseMaterial;
import org.zhengwu.catalog.Bundle;
import org.zhengwu.catalog.PublishedBundle;
import org.zhengwu.shared.web.UserFacingException;

/**
 * What the applicant's bundle pages need: the merged materials with the files given for each, and whether each is
 * needed given the answers so far (a material only a member not taking part asks for is not).
 */
@Service
class BundlePages {

    /** One material of the merged list with its files; the template reads it as it reads a case's slot. */
    record BundleSlot(int number, Bundle.Material material, List<CaseMaterial> files, boolean needed) {
        boolean missing() {
            return needed && material.required() && material.condition() == null && files.isEmpty();
        }
    }

    private final BundleRecords records;

    BundlePages(BundleRecords records) {
        this.records = records;
    }

    List<BundleSlot> slots(PublishedBundle bundle, BundleRow draft, Map<String, String> acceptedValues) {
        List<CaseMaterial> given = records.materials(draft.id());
        List<BundleSlot> slots = new ArrayList<>();
        List<Bundle.Material> materials = bundle.bundle().materials();
        for (int i = 0; i < materials.size(); i++) {
            int number = i + 1;
            Bundle.Material material = materials.get(i);
            slots.add(new BundleSlot(
                    number,
                    material,
                    given.stream().filter(m -> m.materialNo() == number).toList(),
                    !bundle.usesTakingPart(material, acceptedValues).isEmpty()));
        }
        return slots;
    }

    /** Refuses the submission of a bundle whose needed materials are not all given, naming the first missing. */
    void requireComplete(BundleRow draft, PublishedBundle bundle, Map<String, String> acceptedValues) {
        for (BundleSlot slot : slots(bundle, draft, acceptedValues)) {
            if (slot.missing()) {
                throw new UserFacingException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "cases.submit.material-missing",
                        slot.material().name());
            }
        }
    }
}
