package com.gridcare.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.testsupport.GridCareTest;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@GridCareTest
class AuditWithoutVariablesTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void processHistoryKeepsInstancesActivitiesAndTasksButNoVariableValues() {
        var repository = engine.getRepositoryService();
        var model = Bpmn.createExecutableProcess("Process_AuditWithoutVariablesTest").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Note").endEvent().done();
        var deployment = repository.createDeployment().name("audit-without-variables-test")
                .addModelInstance("audit-without-variables-test.bpmn", model).deploy();
        try {
            var instance = engine.getRuntimeService().startProcessInstanceByKey("Process_AuditWithoutVariablesTest",
                    Map.of("customerName", "Wang Fang")).getId();
            var task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
            engine.getTaskService().complete(task.getId(), Map.of("contactNote", "Called Ms Wang on 13800138000"));

            var history = engine.getHistoryService();
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count())
                    .isEqualTo(1);
            assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance).finished().count())
                    .isEqualTo(1);
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).count()).isEqualTo(3);
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).count()).isZero();
            assertThat(history.createHistoricDetailQuery().processInstanceId(instance).count()).isZero();
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }
}
