package com.gridcare.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Creates GridCare's groups in Camunda's identity service when they are missing (every profile). */
@Component
class IdentitySetup implements SmartInitializingSingleton {

    private final IdentityService identityService;

    IdentitySetup(IdentityService identityService) {
        this.identityService = identityService;
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
    }
}
