package org.zhengwu.catalog.entry;

import org.springframework.stereotype.Component;
import org.zhengwu.catalog.Guide;
import tools.jackson.databind.json.JsonMapper;

/** The stored form of a guide: JSON in the version row, written and read only through here. */
@Component
public class GuideJson {

    private final JsonMapper json;

    GuideJson(JsonMapper json) {
        this.json = json;
    }

    public String write(Guide guide) {
        return json.writeValueAsString(guide);
    }

    public Guide read(String text) {
        return json.readValue(text, Guide.class);
    }
}
