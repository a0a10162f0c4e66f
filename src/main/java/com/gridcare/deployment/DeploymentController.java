package com.gridcare.deployment;

import com.gridcare.kernel.AllowedGroups;
import com.gridcare.kernel.Groups;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets administrators deploy changed models from processes/ and forms/ without a restart. */
@RestController
@AllowedGroups(Groups.ADMINS)
class DeploymentController {

    private final ModelDeployer deployer;

    DeploymentController(ModelDeployer deployer) {
        this.deployer = deployer;
    }

    @PostMapping("/api/v1/deployments/reload")
    ResponseEntity<ModelDeployer.Report> reload() {
        var report = deployer.deployChanged();
        return report.ok() ? ResponseEntity.ok(report) : ResponseEntity.unprocessableEntity().body(report);
    }
}
