package org.zhengwu.catalog.entry;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;
import org.zhengwu.catalog.CodeLayout;

/** Reads a configured layout ({@code ITEM_TYPE:2,MAIN_ITEM:5,…}), so that a mistyped one stops the start-up. */
@Component
@ConfigurationPropertiesBinding
class CodeLayoutConverter implements Converter<String, CodeLayout> {

    @Override
    public CodeLayout convert(String definition) {
        return CodeLayout.parse(definition);
    }
}
