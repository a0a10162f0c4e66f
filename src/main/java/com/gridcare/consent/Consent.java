package com.gridcare.consent;

import com.gridcare.customer.PreferredChannel;
import java.time.OffsetDateTime;

/** A customer's current consent on one channel for one purpose, with when and where it was given or withdrawn. */
public record Consent(
        PreferredChannel channel,
        ConsentPurpose purpose,
        boolean granted,
        OffsetDateTime grantedAt,
        String grantedSource,
        OffsetDateTime withdrawnAt,
        String withdrawnSource,
        OffsetDateTime updatedAt,
        String updatedBy) {}
