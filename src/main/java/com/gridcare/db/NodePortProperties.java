package com.gridcare.db;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The one Spring Boot setting a node's name needs ({@link NodeLockOwner}): {@code server.port}, whose default
 * ({@code PORT} or 8080) is in application.yaml.
 *
 * @param port the HTTP port this node listens on (0 in tests: a free one)
 */
@Validated
@ConfigurationProperties(prefix = "server")
record NodePortProperties(@NotNull @Min(0) @Max(65535) Integer port) {
}
