package org.zhengwu;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows the production profile's refusal as Spring Boot's "APPLICATION FAILED TO START" report, no stack trace. */
class ProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<ProductionSettingsMissing> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProductionSettingsMissing cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Supply each setting as its environment variable (or the property in brackets), from the"
                        + " deployment's configuration and key store, and start again. To try the platform without"
                        + " them, start it without the production profile: it then runs the embedded PostgreSQL and"
                        + " generates its keys under ZHENGWU_DATA_DIR.",
                cause);
    }
}
