package com.gridcare.survey;

import static com.gridcare.kernel.Groups.CHANNEL_SYSTEMS;
import static com.gridcare.kernel.Groups.CUSTOMER_SERVICE;
import static com.gridcare.kernel.Groups.RULE_ANALYSTS;
import static com.gridcare.kernel.Groups.SERVICE_MANAGERS;
import static com.gridcare.kernel.Groups.SUPERVISORS;
import static com.gridcare.kernel.Groups.SURVEY_TEAM;

import com.gridcare.api.Idempotency;
import com.gridcare.api.PlainText;
import com.gridcare.customer.Area;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.Tier;
import com.gridcare.kernel.AllowedGroups;
import com.gridcare.security.ApiUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Survey campaigns: defined and launched by analysts and managers, answered through channel systems. */
@RestController
@Validated
class CampaignController {

    static final String CAMPAIGN_ID = "^CPG-\\d{4}-\\d{4,6}$";
    static final String CAMPAIGN_ID_MESSAGE = "must be like CPG-2026-0007";

    record QuestionRequest(@NotNull SurveyCampaigns.QuestionKind kind,
            @NotBlank @Size(max = 500) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String textEn,
            @NotBlank @Size(max = 500) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String textZh) {}

    record TargetRequest(Tier tier,
            @Pattern(regexp = "^(GREEN|RELIABILITY|DIGITAL|PRICE_SENSITIVE)$",
                    message = "must be GREEN, RELIABILITY, DIGITAL or PRICE_SENSITIVE") String segment,
            CustomerClass customerClass, Area area,
            @NotNull @Min(1) @Max(1_000_000) Integer sampleSize) {}

    record CampaignRequest(
            @NotBlank @Size(max = 200) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String nameEn,
            @NotBlank @Size(max = 200) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String nameZh,
            @NotNull @Valid TargetRequest target,
            @NotNull OffsetDateTime opensAt, @NotNull OffsetDateTime closesAt,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid QuestionRequest> questions) {}

    record AnswerRequest(@NotNull @Min(1) Integer question, Integer score,
            @Size(max = 2000) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String text) {}

    record ResponseRequest(@NotBlank @Pattern(regexp = "^[A-Z0-9]{6,12}$", message = "must be the code of the invitation")
            String replyCode, @NotEmpty @Size(max = 20) List<@NotNull @Valid AnswerRequest> answers) {}

    private final SurveyCampaigns campaigns;
    private final Idempotency idempotency;

    CampaignController(SurveyCampaigns campaigns, Idempotency idempotency) {
        this.campaigns = campaigns;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/v1/campaigns")
    @AllowedGroups({RULE_ANALYSTS, SERVICE_MANAGERS, SURVEY_TEAM})
    ResponseEntity<SurveyCampaigns.Campaign> define(
            @RequestHeader(value = Idempotency.HEADER, required = false) String idempotencyKey,
            @RequestBody @NotNull @Valid CampaignRequest request, HttpServletRequest http) {
        var by = ApiUser.of(http).id();
        return idempotency.once("campaign", idempotencyKey, request, SurveyCampaigns.Campaign.class, () -> {
            var t = request.target();
            var campaign = campaigns.define(request.nameEn().strip(), request.nameZh().strip(),
                    new SurveyCampaigns.Target(t.tier(), t.segment(), t.customerClass(), t.area(), t.sampleSize()),
                    request.opensAt(), request.closesAt(), request.questions().stream()
                            .map(q -> new SurveyCampaigns.Question(0, q.kind(), q.textEn().strip(), q.textZh().strip()))
                            .toList(), by);
            return ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.id())).body(campaign);
        });
    }

    @GetMapping("/api/v1/campaigns/{id}")
    @AllowedGroups({RULE_ANALYSTS, SERVICE_MANAGERS, SURVEY_TEAM, SUPERVISORS, CHANNEL_SYSTEMS})
    SurveyCampaigns.Campaign campaign(@PathVariable @Pattern(regexp = CAMPAIGN_ID, message = CAMPAIGN_ID_MESSAGE) String id) {
        return campaigns.get(id);
    }

    @PostMapping("/api/v1/campaigns/{id}/launch")
    @AllowedGroups({RULE_ANALYSTS, SERVICE_MANAGERS, SURVEY_TEAM})
    SurveyCampaigns.Launch launch(@PathVariable @Pattern(regexp = CAMPAIGN_ID, message = CAMPAIGN_ID_MESSAGE) String id) {
        return campaigns.launch(id);
    }

    @PostMapping("/api/v1/campaigns/{id}/responses")
    @AllowedGroups({CHANNEL_SYSTEMS, CUSTOMER_SERVICE, SURVEY_TEAM})
    ResponseEntity<Map<String, String>> respond(
            @PathVariable @Pattern(regexp = CAMPAIGN_ID, message = CAMPAIGN_ID_MESSAGE) String id,
            @RequestBody @NotNull @Valid ResponseRequest request) {
        campaigns.answer(id, request.replyCode(), request.answers().stream()
                .map(a -> new SurveyCampaigns.Answer(a.question(), a.score(), a.text())).toList());
        return ResponseEntity.accepted().body(Map.of("campaignId", id, "status", "ANSWERED"));
    }

    @GetMapping("/api/v1/campaigns/{id}/results")
    @AllowedGroups({RULE_ANALYSTS, SERVICE_MANAGERS, SURVEY_TEAM, SUPERVISORS})
    Map<String, Object> results(@PathVariable @Pattern(regexp = CAMPAIGN_ID, message = CAMPAIGN_ID_MESSAGE) String id) {
        return campaigns.results(id);
    }
}
