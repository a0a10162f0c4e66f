package com.gridcare.security;

import com.gridcare.kernel.AllowedGroups;

import com.gridcare.kernel.Groups;

import com.gridcare.api.NotFoundException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators let a user log in again at once: the wait {@link LoginThrottle} imposes after
 * repeated wrong passwords is cleared for every address (on the node that answers; elsewhere it ends
 * by itself within a minute), and so is a lock the engine set before GridCare took over throttling.
 * Camunda's own {@code POST /engine-rest/user/{id}/unlock} does the same for Camunda administrators.
 */
@RestController
@AllowedGroups(Groups.ADMINS)
class UserUnlockController {

    private final IdentityService identity;

    UserUnlockController(IdentityService identity) {
        this.identity = identity;
    }

    @PostMapping("/api/v1/admin/users/{id}/unlock")
    ResponseEntity<Void> unlock(@PathVariable String id) {
        if (id.length() > GridCareIdentityProvider.MAX_ID || identity.createUserQuery().userId(id).count() == 0) {
            throw new NotFoundException("id: no user '" + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + "'");
        }
        identity.unlockUser(id);
        return ResponseEntity.noContent().build();
    }
}
