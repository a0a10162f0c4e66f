package com.gridcare.db;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names each node's job executor after the node ({@code host:port/pid}) instead of a random id, so that
 * the jobs a node holds can be told from the database ({@code ACT_RU_JOB.LOCK_OWNER_}): an operator
 * sees which node a stuck timer waits for, and the fault suite checks that the node it killed really
 * held jobs when it died. The process id keeps two nodes on one host and port apart over restarts.
 */
@Component
class NodeLockOwner extends AbstractProcessEnginePlugin {

    private final String port;

    NodeLockOwner(NodePortProperties server) {
        this.port = String.valueOf(server.port());
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(name(port));
        }
    }

    static String name(String port) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        var name = host + ":" + port + "/" + ProcessHandle.current().pid();
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
