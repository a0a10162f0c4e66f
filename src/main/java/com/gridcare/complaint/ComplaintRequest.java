package com.gridcare.complaint;

import com.gridcare.cases.Channel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** A complaint as a channel registers it: {@code POST /api/v1/complaints}. */
public record ComplaintRequest(
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$",
                message = "must be 1 to 32 letters, digits, '-' or '_'") String customerId,
        @NotNull Channel channel,
        @NotNull ComplaintCategory category,
        @NotBlank @Size(max = 4000) String description,
        @Pattern(regexp = "^\\+?[0-9][0-9 -]{5,19}$", message = "must be a phone number of 6 to 20 digits")
        String contactPhone,
        @PastOrPresent OffsetDateTime occurredAt) {
}
