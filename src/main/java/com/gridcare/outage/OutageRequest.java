package com.gridcare.outage;

import com.gridcare.customer.CustomerMasterData;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code POST /api/v1/outages}: an outage on some feeders or transformer areas (at least one of
 * them). {@code overrideReason}: a supervisor registers a planned or temporary outage inside its
 * notice period, and says why.
 */
public record OutageRequest(
        @NotNull OutageKind kind,
        @Size(max = 50) List<@NotNull @Pattern(regexp = CustomerMasterData.SUPPLY_POINT,
                message = CustomerMasterData.SUPPLY_POINT_MESSAGE) String> feeders,
        @Size(max = 200) List<@NotNull @Pattern(regexp = CustomerMasterData.SUPPLY_POINT,
                message = CustomerMasterData.SUPPLY_POINT_MESSAGE) String> transformerAreas,
        @NotNull OffsetDateTime startsAt,
        @NotNull OffsetDateTime expectedRestorationAt,
        @NotBlank @Size(max = 500) String reason,
        @Size(max = 1000) String overrideReason) {

    public List<String> feederList() {
        return feeders == null ? List.of() : feeders.stream().distinct().toList();
    }

    public List<String> transformerAreaList() {
        return transformerAreas == null ? List.of() : transformerAreas.stream().distinct().toList();
    }
}
