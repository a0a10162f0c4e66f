package com.gridcare.security;

import com.gridcare.kernel.Groups;

import java.util.Arrays;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates GridCare's groups in Camunda's identity service when they are missing, and grants each the
 * engine permissions of {@link GroupPermissions} (every profile; a grant an administrator widened
 * in Admin keeps its extra permissions). A database from before staff read only their own groups'
 * profiles loses the staff groups' READ on every user, and gets the per-member grants instead.
 */
@Component
class IdentitySetup implements SmartInitializingSingleton {

    private static final int PAGE = 1000;

    private final IdentityService identityService;
    private final AuthorizationService authorizations;
    private final ProcessEngineConfigurationImpl engine;
    private final boolean directory;

    IdentitySetup(IdentityService identityService, AuthorizationService authorizations,
            ProcessEngine engine, SecurityProperties properties) {
        this.identityService = identityService;
        this.authorizations = authorizations;
        this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.directory = properties.directory().enabled();
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (var id : Groups.ALL) {
            // with the directory beside them, GridCare's tables still hold its groups, for local accounts' memberships
            var group = directory ? localGroup(id) : identityService.createGroupQuery().groupId(id).singleResult();
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
        // directory memberships change outside GridCare: their profile grants are brought up to date at each start
        // (and at each directory user's login)
        if (revokeReadingEveryUser() || directory) {
            grantProfileReadersOfEveryUser();
        }
    }

    private Group localGroup(String id) {
        return engine.getCommandExecutorTxRequired().execute(
                commandContext -> commandContext.getDbEntityManager().selectById(GroupEntity.class, id));
    }

    /** Removes READ on every user from the staff groups' grants; whether any had it. */
    private boolean revokeReadingEveryUser() {
        var revoked = false;
        for (var group : Groups.STAFF) {
            for (var authorization : authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                    .groupIdIn(group).resourceType(Resources.USER).resourceId(Authorization.ANY).list()) {
                if (!authorization.isPermissionGranted(Permissions.READ)) continue;
                authorization.removePermission(Permissions.READ);
                var left = Arrays.stream(Permissions.values())
                        .anyMatch(p -> p != Permissions.NONE && p != Permissions.ALL && authorization.isPermissionGranted(p));
                if (left) {
                    authorizations.saveAuthorization(authorization);
                } else {
                    authorizations.deleteAuthorization(authorization.getId());
                }
                revoked = true;
            }
        }
        return revoked;
    }

    private void grantProfileReadersOfEveryUser() {
        for (int first = 0; ; first += PAGE) {
            var users = identityService.createUserQuery().orderByUserId().asc().listPage(first, PAGE);
            engine.getCommandExecutorTxRequired().execute(commandContext -> {
                var provider = (GridCareIdentityProvider) commandContext.getWritableIdentityProvider();
                users.forEach(user -> provider.grantProfileReaders(user.getId(), null, null));
                return null;
            });
            if (users.size() < PAGE) return;
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
