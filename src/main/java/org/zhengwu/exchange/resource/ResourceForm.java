package org.zhengwu.exchange.resource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;
import org.springframework.validation.ValidationUtils;
import org.springframework.validation.Validator;

/**
 * What the catalogue form posts: every element of a resource (政务信息资源目录编制指南(试行) 核心元数据) and its 信息项
 * as rows. A row left wholly blank is no item; a button adds a blank row by sending the form back, so the form works
 * without JavaScript. Also the stored form of an edit of a published resource awaiting review.
 */
public class ResourceForm {

    static final Pattern FIELD = Pattern.compile("[a-z][A-Za-z0-9]{0,59}");
    static final int MAX_ITEMS = 200;

    public static final Validator RULES = Validator.forInstanceOf(ResourceForm.class, ResourceForm::check);

    /** One 信息项: its key in the API, its name, data type, length, description, whether sensitive and the key. */
    public static class ItemRow {
        private String field;
        private String name;
        private DataType dataType;
        private Integer length;
        private String description;
        private boolean sensitive;
        private boolean key;

        public ItemRow() {}

        ItemRow(
                String field,
                String name,
                DataType dataType,
                Integer length,
                String description,
                boolean sensitive,
                boolean key) {
            this.field = field;
            this.name = name;
            this.dataType = dataType;
            this.length = length;
            this.description = description;
            this.sensitive = sensitive;
            this.key = key;
        }

        boolean blank() {
            return field == null && name == null && dataType == null && length == null && description == null;
        }

        public String getField() {
            return field;
        }

        public void setField(String field) {
            this.field = field;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public DataType getDataType() {
            return dataType;
        }

        public void setDataType(DataType dataType) {
            this.dataType = dataType;
        }

        public Integer getLength() {
            return length;
        }

        public void setLength(Integer length) {
            this.length = length;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public boolean isSensitive() {
            return sensitive;
        }

        public void setSensitive(boolean sensitive) {
            this.sensitive = sensitive;
        }

        public boolean isKey() {
            return key;
        }

        public void setKey(boolean key) {
            this.key = key;
        }
    }

    private String code;
    private String classification;
    private String name;
    private String summary;
    private String format;
    private ShareType shareType;
    private String shareBasis;
    private String shareConditions;
    private Set<ShareMethod> shareMethods = new LinkedHashSet<>();
    private OpenType openType;
    private UpdateCycle updateCycle;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate publishedOn;

    private String relatedCodes;
    private List<ItemRow> items = new ArrayList<>(List.of(new ItemRow()));

    private static void check(ResourceForm form, Errors errors) {
        ValidationUtils.rejectIfEmpty(errors, "classification", "validation.required");
        ValidationUtils.rejectIfEmpty(errors, "code", "validation.required");
        ValidationUtils.rejectIfEmpty(errors, "name", "validation.required");
        ValidationUtils.rejectIfEmpty(errors, "summary", "validation.required");
        ValidationUtils.rejectIfEmpty(errors, "format", "validation.required");
        ValidationUtils.rejectIfEmpty(errors, "shareType", "validation.required");
        ValidationUtils.rejectIfEmpty(errors, "openType", "validation.required");
        ValidationUtils.rejectIfEmpty(errors, "updateCycle", "validation.required");
        if (form.classification != null) {
            ResourceCode.classificationDefect(form.classification)
                    .ifPresent(key -> errors.rejectValue("classification", key));
        }
        if (form.code != null) {
            ResourceCode.defect(form.code, form.classification).ifPresent(key -> errors.rejectValue("code", key));
        }
        tooLong(errors, "name", form.name, 200);
        tooLong(errors, "summary", form.summary, 2000);
        tooLong(errors, "format", form.format, 40);
        tooLong(errors, "shareBasis", form.shareBasis, 1000);
        tooLong(errors, "shareConditions", form.shareConditions, 1000);
        if (form.shareType == ShareType.NONE && form.shareBasis == null) {
            errors.rejectValue("shareBasis", "exchange.resource.share-basis.required");
        }
        if (form.shareType == ShareType.CONDITIONAL && form.shareConditions == null) {
            errors.rejectValue("shareConditions", "exchange.resource.share-conditions.required");
        }
        if (form.shareType != null && form.shareType != ShareType.NONE && form.shareMethods.isEmpty()) {
            errors.rejectValue("shareMethods", "exchange.resource.share-methods.required");
        }
        for (String related : form.related()) {
            if (ResourceCode.defect(related, null).isPresent()) {
                errors.rejectValue("relatedCodes", "exchange.resource.related.format", new Object[] {related}, null);
                break;
            }
        }
        List<ItemRow> rows = form.items;
        if (rows.stream().allMatch(ItemRow::blank)) {
            errors.rejectValue("items", "exchange.resource.items.required");
            return;
        }
        if (rows.size() > MAX_ITEMS) {
            errors.rejectValue("items", "exchange.resource.items.too-many", new Object[] {MAX_ITEMS}, null);
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            ItemRow row = rows.get(i);
            if (row.blank()) {
                continue;
            }
            String path = "items[" + i + "].";
            Object[] n = {i + 1};
            if (row.field == null) {
                errors.rejectValue(path + "field", "exchange.resource.item.field.required", n, null);
            } else if (!FIELD.matcher(row.field).matches()) {
                errors.rejectValue(path + "field", "exchange.resource.item.field.format", n, null);
            } else if (!seen.add(row.field)) {
                errors.rejectValue(path + "field", "exchange.resource.item.field.duplicate", n, null);
            }
            if (row.name == null) {
                errors.rejectValue(path + "name", "exchange.resource.item.name.required", n, null);
            } else if (row.name.length() > 100) {
                errors.rejectValue(path + "name", "exchange.resource.item.name.too-long", n, null);
            }
            if (row.dataType == null) {
                errors.rejectValue(path + "dataType", "exchange.resource.item.data-type.required", n, null);
            }
            if (row.length != null && (row.length < 1 || row.length > 4000)) {
                errors.rejectValue(path + "length", "exchange.resource.item.length.range", n, null);
            }
            if (row.description != null && row.description.length() > 500) {
                errors.rejectValue(path + "description", "exchange.resource.item.description.too-long", n, null);
            }
        }
    }

    private static void tooLong(Errors errors, String field, String value, int limit) {
        if (value != null && value.length() > limit) {
            errors.rejectValue(field, "exchange.resource.too-long", new Object[] {limit}, null);
        }
    }

    /** The related resources' codes, as typed: separated by commas, semicolons or white space. */
    List<String> related() {
        if (relatedCodes == null) {
            return List.of();
        }
        return List.of(relatedCodes.split("[,;，；\\s]+")).stream()
                .filter(c -> !c.isEmpty())
                .distinct()
                .toList();
    }

    /** The rows that are items (not blank). */
    List<ItemRow> filledItems() {
        return items.stream().filter(r -> !r.blank()).toList();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getClassification() {
        return classification;
    }

    public void setClassification(String classification) {
        this.classification = classification;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public ShareType getShareType() {
        return shareType;
    }

    public void setShareType(ShareType shareType) {
        this.shareType = shareType;
    }

    public String getShareBasis() {
        return shareBasis;
    }

    public void setShareBasis(String shareBasis) {
        this.shareBasis = shareBasis;
    }

    public String getShareConditions() {
        return shareConditions;
    }

    public void setShareConditions(String shareConditions) {
        this.shareConditions = shareConditions;
    }

    public Set<ShareMethod> getShareMethods() {
        return shareMethods;
    }

    public void setShareMethods(Set<ShareMethod> shareMethods) {
        this.shareMethods = shareMethods == null ? new LinkedHashSet<>() : shareMethods;
    }

    public OpenType getOpenType() {
        return openType;
    }

    public void setOpenType(OpenType openType) {
        this.openType = openType;
    }

    public UpdateCycle getUpdateCycle() {
        return updateCycle;
    }

    public void setUpdateCycle(UpdateCycle updateCycle) {
        this.updateCycle = updateCycle;
    }

    public LocalDate getPublishedOn() {
        return publishedOn;
    }

    public void setPublishedOn(LocalDate publishedOn) {
        this.publishedOn = publishedOn;
    }

    public String getRelatedCodes() {
        return relatedCodes;
    }

    public void setRelatedCodes(String relatedCodes) {
        this.relatedCodes = relatedCodes;
    }

    public List<ItemRow> getItems() {
        return items;
    }

    public void setItems(List<ItemRow> items) {
        this.items = items == null ? new ArrayList<>() : items;
    }
}
