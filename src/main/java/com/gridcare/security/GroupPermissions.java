package com.gridcare.security;

import com.gridcare.kernel.Groups;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * What each group may do in the engine (Tasklist, Cockpit, Admin, {@code /engine-rest}), granted by
 * {@link IdentitySetup}. Generic on purpose: every GridCare process by the {@code *} wildcard, and a
 * task through its candidate groups (the engine grants a task's candidate group READ, UPDATE and
 * READ_VARIABLE on it when the task is created), so a new process or task needs no new grant.
 * <ul>
 * <li>front line (customer service, key accounts, field service, billing, metering, survey team):
 * Tasklist, the names of processes and groups, filters; their own groups' tasks only; the profiles
 * (name, e-mail) of their own groups' members only ({@link #readersOf});</li>
 * <li>supervisors and service managers: also Cockpit, every case's tasks, instances and history;
 * supervisors may reassign tasks and read the profiles of the front line's members, to whom they reassign;</li>
 * <li>rule analysts, channel systems and operators: nothing in the engine (they work through GridCare's
 * API: rules, respectively intake and status; operators read the actuator's metrics and health);</li>
 * <li>administrators: everything, including deployments.</li>
 * </ul>
 */
public final class GroupPermissions {

    /** One grant: the group may do these on this resource (id or {@code *}). */
    public record Grant(String group, Resource resource, String resourceId, Permission... permissions) {}

    private static final List<String> FRONT_LINE = List.of(Groups.CUSTOMER_SERVICE, Groups.KEY_ACCOUNTS,
            Groups.FIELD_SERVICE, Groups.BILLING, Groups.METERING, Groups.SURVEY_TEAM);
    private static final List<String> OVERSIGHT = List.of(Groups.SUPERVISORS, Groups.SERVICE_MANAGERS);

    public static List<Grant> all() {
        var grants = new ArrayList<Grant>();
        for (var group : Groups.STAFF) {
            grants.add(new Grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
            grants.add(new Grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ));
            grants.add(new Grant(group, Resources.FILTER, ANY, Permissions.READ));
            grants.add(new Grant(group, Resources.GROUP, ANY, Permissions.READ));
        }
        for (var group : OVERSIGHT) {
            grants.add(new Grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
            grants.add(new Grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                    ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                    ProcessDefinitionPermissions.READ_TASK_VARIABLE));
            grants.add(new Grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ));
            grants.add(new Grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ));
        }
        grants.add(new Grant(Groups.SUPERVISORS, Resources.PROCESS_DEFINITION, ANY,
                ProcessDefinitionPermissions.TASK_ASSIGN));
        for (var resource : Resources.values()) {
            grants.add(new Grant(Groups.ADMINS, resource, ANY, Permissions.ALL));
        }
        return List.copyOf(grants);
    }

    /**
     * The groups whose members may read the profile of a member of this group: the group itself when
     * it is a staff group, and supervisors for the front line they oversee. Administrators read every
     * profile anyway, and everyone reads their own. Granted per member by {@link GridCareIdentityProvider}
     * whenever a membership changes (READ on the user), and checked at start by {@link IdentitySetup}.
     */
    public static Set<String> readersOf(String memberGroup) {
        var readers = new TreeSet<String>();
        if (Groups.STAFF.contains(memberGroup)) readers.add(memberGroup);
        if (FRONT_LINE.contains(memberGroup)) readers.add(Groups.SUPERVISORS);
        return readers;
    }

    /** Groups working tasks in Tasklist that see only their own groups' tasks. */
    public static List<String> frontLine() {
        return FRONT_LINE;
    }

    private GroupPermissions() {
    }
}
