package com.gridcare.browser;

import com.gridcare.testsupport.TestData;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test that drives GridCare's webapps in headless Chromium. Same Spring configuration as
 * {@code @GridCareTest}, so it shares that one application context, but tagged "browser" instead of
 * "database": it runs once, on H2 (the PostgreSQL re-run selects "database" only). Skip it where no
 * Chromium is installed with {@code -DexcludedGroups=browser}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
@Tag("browser")
public @interface BrowserTest {
}
