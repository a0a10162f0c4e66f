package com.gridcare.contact;

import com.gridcare.api.PlainText;
import com.gridcare.cases.Channel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A contact that needs no process: {@code POST /api/v1/contacts}. */
record ContactRequest(
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$",
                message = "must be 1 to 32 letters, digits, '-' or '_'") String customerId,
        @NotNull Channel channel,
        @NotNull ContactKind kind,
        @NotBlank @Size(max = 2000) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE)
        String summary) {
}
