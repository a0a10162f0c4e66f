package com.gridcare.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A test against the whole of GridCare signing staff on from a directory (profile {@code ldap}): an
 * UnboundID LDAP server started in-process by Spring Boot ({@code spring.ldap.embedded.*}) with the
 * directory in {@code ldap/gridcare-directory.ldif}, and GridCare's directory settings pointed at it
 * ({@code ldap/directory-test.properties}). Every such test shares one application context (a second
 * one beside {@link GridCareTest}'s); tag the class "database" or "browser" as its kind.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(value = {"test", "ldap"}, inheritProfiles = false)
@TestPropertySource(locations = "classpath:ldap/directory-test.properties")
@Import(TestData.class)
public @interface DirectoryTest {
}
