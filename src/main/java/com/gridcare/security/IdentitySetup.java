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
            if (identityService.createGroupQuery().groupId(id).count() == 0) {
                var group = identityService.newGroup(id);
                group.setName(id);
                group.setType("WORKFLOW");
                identityService.saveGroup(group);
            }
        }
    }
}
