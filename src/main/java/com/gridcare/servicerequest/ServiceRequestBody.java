package com.gridcare.servicerequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridcare.cases.Channel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A service request as a channel registers it: {@code POST /api/v1/service-requests}. What
 * {@code details} must hold depends on the type ({@link RequestDetails}).
 */
public record ServiceRequestBody(
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$",
                message = "must be 1 to 32 letters, digits, '-' or '_'") String customerId,
        @NotNull ServiceRequestType type,
        @NotNull Channel channel,
        @NotNull JsonNode details) {
}
