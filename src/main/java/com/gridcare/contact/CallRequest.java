package com.gridcare.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridcare.api.PlainText;
import com.gridcare.cases.Channel;
import com.gridcare.complaint.ComplaintCategory;
import com.gridcare.servicerequest.ServiceRequestType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * A call staff register while the caller is on the line ({@code POST /api/v1/calls}): a complaint
 * (with {@code complaint}), a service request (with {@code serviceRequest}), or a contact that needs
 * no process (with {@code summary}).
 */
record CallRequest(
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$",
                message = "must be 1 to 32 letters, digits, '-' or '_'") String customerId,
        @NotNull Channel channel,
        @NotNull ContactKind kind,
        @Size(max = 2000) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String summary,
        @Valid Complaint complaint,
        @Valid ServiceRequest serviceRequest) {

    /** What the caller complains about, as {@code POST /complaints} takes it. */
    record Complaint(
            @NotNull ComplaintCategory category,
            @NotBlank @Size(max = 4000) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE)
            String description,
            @Pattern(regexp = "^\\+?[0-9][0-9 -]{5,19}$", message = "must be a phone number of 6 to 20 digits")
            String contactPhone,
            @PastOrPresent OffsetDateTime occurredAt) {}

    /** What the caller asks for, as {@code POST /service-requests} takes it. */
    record ServiceRequest(@NotNull ServiceRequestType type, @NotNull JsonNode details) {}
}
