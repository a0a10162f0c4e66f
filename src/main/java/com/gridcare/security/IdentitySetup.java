package com.gridcare.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates GridCare's groups in Camunda's identity service when they are missing, and grants each the
 * engine permissions of {@link GroupPermissions} (every profile; a grant an administrator widened
 * in Admin keeps its extra permissions).
 */
@Component
class IdentitySetup implements SmartInitializingSingleton {

    private final IdentityService identityService;
    private final AuthorizationService authorizations;

    IdentitySetup(IdentityService identityService, AuthorizationService authorizations) {
        this.identityService = identityService;
        this.authorizations = authorizations;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (var id : Groups.ALL) {
            var group = identityService.createGroupQuery().groupId(id).singleResult();
            if (group == null) {
                group = identityService.newGroup(id);
                group.setName(Groups.name(id));
                group.setType("WORKFLOW");
                identityService.saveGroup(group);
            } else if (id.equals(group.getName())) {
                // named by its id before groups had names staff read (Tasklist shows the name); an edited name stays
                group.setName(Groups.name(id));
                identityService.saveGroup(group);
            }
        }
        for (var grant : GroupPermissions.all()) {
            grant(grant);
        }
    }

    private void grant(GroupPermissions.Grant grant) {
        var existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(grant.group())
                .resourceType(grant.resource())
                .resourceId(grant.resourceId())
                .list();
        Authorization authorization = existing.isEmpty() ? null : existing.get(0);
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(grant.group());
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
            authorization.removePermission(Permissions.NONE);
        }
        var missing = false;
        for (var permission : grant.permissions()) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                missing = true;
            }
        }
        if (missing) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
