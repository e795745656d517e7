package org.zhengwu.shared.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.thymeleaf.ITemplateEngine;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts {@link ContainerErrorReportValve} in the place of Tomcat's error report valve. Runs after Spring Boot's own
 * customizer, which adds a plain {@link ErrorReportValve} to the host; the host is told the valve's class so that it
 * does not add another one when it starts.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ObjectProvider<MessageSource> messages;
    private final ObjectProvider<ITemplateEngine> templates;
    private final ObjectProvider<JsonMapper> json;
    private final ObjectProvider<ResourceUrlProvider> assets;

    ContainerErrors(
            ObjectProvider<MessageSource> messages,
            ObjectProvider<ITemplateEngine> templates,
            ObjectProvider<JsonMapper> json,
            ObjectProvider<ResourceUrlProvider> assets) {
        this.messages = messages;
        this.templates = templates;
        this.json = json;
        this.assets = assets;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container parent = context.getParent();
            if (!(parent instanceof StandardHost host)) {
                return;
            }
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.setErrorReportValveClass(ContainerErrorReportValve.class.getName());
            host.getPipeline()
                    .addValve(new ContainerErrorReportValve(new PlainErrorPages(messages, templates, json, assets)));
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
