package com.gridcare.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.testsupport.GridCareTest;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The job executor carries the node's name, which is what ACT_RU_JOB.LOCK_OWNER_ shows for its jobs. */
@GridCareTest
class NodeLockOwnerTest {

    @Autowired
    ProcessEngineConfigurationImpl configuration;

    @Test
    void theJobExecutorIsNamedAfterHostPortAndProcess() {
        assertThat(configuration.getJobExecutor().getLockOwner())
                .matches("[^:/]+:[0-9]+/" + ProcessHandle.current().pid());
    }
}
