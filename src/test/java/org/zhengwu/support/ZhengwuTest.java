package org.zhengwu.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole platform on a random port, over a throw-away embedded PostgreSQL loaded with the demo province. Every
 * test class with this annotation shares one running application (Spring caches the context), so tests that change
 * data create their own entries rather than relying on counts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface ZhengwuTest {

    /** The initial administrator's password in tests (set in src/test/resources/config/application.yml). */
    String ADMIN_PASSWORD = "Test-Root-Password-1";
}
