package com.gridcare.tasks;

import static com.gridcare.kernel.Groups.BILLING;
import static com.gridcare.kernel.Groups.CUSTOMER_SERVICE;
import static com.gridcare.kernel.Groups.FIELD_SERVICE;
import static com.gridcare.kernel.Groups.KEY_ACCOUNTS;
import static com.gridcare.kernel.Groups.METERING;
import static com.gridcare.kernel.Groups.SERVICE_MANAGERS;
import static com.gridcare.kernel.Groups.SUPERVISORS;
import static com.gridcare.kernel.Groups.SURVEY_TEAM;

import com.gridcare.api.Idempotency;
import com.gridcare.kernel.AllowedGroups;
import com.gridcare.security.ApiUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Staff complete their tasks through GridCare: checked against the form, 409 (never 500) when someone was quicker. */
@RestController
class TaskController {

    /** {@code {"variables": {"resolution": "...", "justified": true}}}: the form's fields by key. */
    record CompleteTaskRequest(Map<String, Object> variables) {}

    private final TaskCompletion completion;
    private final Idempotency idempotency;

    TaskController(TaskCompletion completion, Idempotency idempotency) {
        this.completion = completion;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/v1/tasks/{taskId}/complete")
    @AllowedGroups({CUSTOMER_SERVICE, KEY_ACCOUNTS, FIELD_SERVICE, BILLING, METERING, SUPERVISORS, SERVICE_MANAGERS,
            SURVEY_TEAM})
    ResponseEntity<TaskCompletion.Completed> complete(
            @PathVariable @Pattern(regexp = "^[A-Za-z0-9-]{1,64}$", message = "must be a task id") String taskId,
            @RequestHeader(value = Idempotency.HEADER, required = false) String idempotencyKey,
            @RequestBody(required = false) CompleteTaskRequest request,
            HttpServletRequest http) {
        var user = ApiUser.of(http);
        Map<String, Object> variables = request == null || request.variables() == null ? Map.of()
                : request.variables();
        var identity = new LinkedHashMap<String, Object>();
        identity.put("taskId", taskId);
        identity.put("user", user.id());
        identity.put("variables", variables);
        return idempotency.once("task-completion", idempotencyKey, identity, TaskCompletion.Completed.class,
                () -> ResponseEntity.ok(completion.complete(taskId, variables, user)));
    }
}
