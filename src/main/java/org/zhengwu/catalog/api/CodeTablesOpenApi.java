package org.zhengwu.catalog.api;

import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Names the code tables in the OpenAPI document, as the allowed values of the path parameter, from the registry. */
@Configuration(proxyBeanMethods = false)
class CodeTablesOpenApi {

    @Bean
    OperationCustomizer codeTableNames() {
        return (operation, handler) -> {
            if (handler.getBeanType() == CodeTablesController.class && operation.getParameters() != null) {
                operation.getParameters().stream()
                        .filter(p -> CodeTablesController.TABLE_PARAMETER.equals(p.getName()))
                        .forEach(p -> {
                            StringSchema names = new StringSchema();
                            CodeTables.names().forEach(names::addEnumItem);
                            p.setSchema(names);
                        });
            }
            return operation;
        };
    }
}
