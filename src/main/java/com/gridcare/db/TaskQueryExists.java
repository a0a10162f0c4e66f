package com.gridcare.db;

import java.io.IOException;
import java.util.HashMap;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.parsing.XNode;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The engine's task query (Tasklist's inboxes and filters, {@code /engine-rest/task}, every
 * {@code TaskQuery}) with its authorization check as a correlated {@code EXISTS} instead of Camunda 7.24's
 * join with the grant table ({@code ... JOIN (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE ...) AUTH ON
 * AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}, then {@code SELECT DISTINCT} over every task and grant
 * pair). The join makes PostgreSQL build every visible task with its grants before it can sort and cut
 * the first page; with {@code EXISTS} it reads tasks newest first and stops after the page.
 *
 * <p>Through the engine's own extension points: a MyBatis mapper ({@code com/gridcare/db/TaskQueryExists.xml})
 * added to the engine's MyBatis configuration, and the engine's statement mapping (the one that gives
 * databases their own statements) pointing the two task query statements at it. The criteria are the
 * engine's own fragment, copied in memory at start-up with two changes: the grant join is left out and
 * the contextual check becomes {@code TaskQueryExists.authorization}. Which grants make a task visible is
 * unchanged: the same rows as the join's (grants of the user, of {@code *} and of the user's groups, the
 * same permission checks, the task's id, its process definition's key or {@code *}). Revoke checks
 * ({@code authorizationCheckRevokes}) keep the engine's SQL. The candidate links a group's inbox asks for are an
 * {@code EXISTS} too (no {@code DISTINCT}: PostgreSQL reads the newest tasks and stops after the page), and the
 * look-up of the groups that hold grants, which every checked query makes first, walks the group index instead
 * of the whole grant table. On PostgreSQL a query for one candidate group also joins that group's tasks in
 * creation order ({@link TaskGroupInbox}), so its newest page is read from an index whatever the other groups'
 * tasks are. Off on the stock benchmark profile.
 */
@Component
class TaskQueryExists extends AbstractProcessEnginePlugin {

    static final String NAMESPACE = "com.gridcare.db.TaskQueryExists";
    static final String ENGINE_TASK = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
    static final String ENGINE_AUTHORIZATION = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity";
    static final String SELECT = "selectTaskByQueryCriteria";
    static final String COUNT = "selectTaskCountByQueryCriteria";
    static final String AUTHORIZED_GROUPS = "selectAuthorizedGroupIds";

    private final boolean enabled;

    @Autowired
    TaskQueryExists(EngineProperties properties) {
        this(properties.taskQueryExists());
    }

    TaskQueryExists(boolean enabled) {
        this.enabled = enabled;
    }

    /** Whether the EXISTS replaces the join for this query (the join stays for revoke checks and composite checks). */
    public static boolean applies(AuthorizationCheck check) {
        var composite = check.getPermissionChecks().getCompositeChecks();
        return check.isAuthorizationCheckEnabled() && check.getAuthUserId() != null
                && !check.isRevokeAuthorizationCheckEnabled() && (composite == null || composite.isEmpty());
    }

    /**
     * Whether the task list must be made distinct: with the grant join gone only the candidate links (a
     * task with several matching candidates) and an ordering by a related table (variables) can give a
     * task twice; the other joins (process definition, execution, case) give each task one row. Without
     * {@code DISTINCT} PostgreSQL reads the tasks newest first and stops after the page instead of
     * sorting every visible task.
     */
    public static boolean distinct(TaskQueryImpl query) {
        if (!applies(query.getAuthCheck())) return true;
        if (query.getOrderingProperties().stream().anyMatch(o -> o.getRelation() != null)) return true;
        if (!joinsCandidateLinks(query)) return false;
        for (var q : query.getQueries()) {
            if (q.getCandidateUser() != null || q.getCandidateGroups() != null || q.getCandidateGroupLike() != null
                    || q.getInvolvedUser() != null || q.isWithCandidateGroups() || q.isWithCandidateUsers()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the candidate links are joined to the tasks, as the engine does, or asked for as a correlated
     * {@code EXISTS} (one per task, through the links' task index: no task repeated, so no {@code DISTINCT}).
     * Joined where the grant check keeps the engine's SQL, and for "involved user" queries, whose criterion
     * reads the joined link beside the task's assignee and owner.
     */
    public static boolean joinsCandidateLinks(TaskQueryImpl query) {
        if (!applies(query.getAuthCheck())) return true;
        return query.getQueries().stream().anyMatch(q -> q.getInvolvedUser() != null);
    }

    /**
     * The candidate group of a query for exactly one (a group's inbox, Tasklist's group filters), which then joins
     * {@link TaskGroupInbox}'s table on PostgreSQL; null for other queries (no group, several, a candidate user,
     * a group pattern, "or" queries, and queries that keep the engine's grant join), which keep the candidate criteria.
     */
    public static String groupInbox(TaskQueryImpl query) {
        if (query.getQueries().size() != 1 || joinsCandidateLinks(query)) return null;
        if (query.getCandidateUser() != null || query.getCandidateGroupLike() != null || query.getInvolvedUser() != null
                || query.isWithCandidateUsers()) {
            return null;
        }
        var groups = query.getCandidateGroups();
        return groups != null && groups.size() == 1 ? groups.get(0) : null;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl engine) {
        if (!enabled) return;
        var mybatis = engine.getSqlSessionFactory().getConfiguration();
        mybatis.getSqlFragments().put(NAMESPACE + ".criteria",
                criteria(mybatis, TaskGroupInbox.kept(engine.getDatabaseType(), enabled)));
        var resource = new ClassPathResource("com/gridcare/db/TaskQueryExists.xml");
        try (var in = resource.getInputStream()) {
            new XMLMapperBuilder(in, mybatis, resource.getPath(), mybatis.getSqlFragments()).parse();
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + resource.getPath(), e);
        }
        var factory = engine.getDbSqlSessionFactory();
        var mappings = factory.getStatementMappings() == null ? new HashMap<String, String>()
                : new HashMap<>(factory.getStatementMappings());
        if (mappings.containsKey(SELECT) || mappings.containsKey(COUNT) || mappings.containsKey(AUTHORIZED_GROUPS)) {
            throw new IllegalStateException("the engine already maps the task query for " + engine.getDatabaseType());
        }
        mappings.put(SELECT, NAMESPACE + ".selectTasksWithGrantExists");
        mappings.put(COUNT, NAMESPACE + ".selectTaskCountWithGrantExists");
        mappings.put(AUTHORIZED_GROUPS, NAMESPACE + "." + AUTHORIZED_GROUPS);
        factory.setStatementMappings(mappings);
    }

    /**
     * The engine's task criteria fragment with the grant join made conditional on the EXISTS not applying
     * and its contextual authorization check replaced by {@code TaskQueryExists.authorization}. Fails when
     * the engine's fragment does not have exactly one of each (another engine version: look again).
     */
    static XNode criteria(Configuration mybatis, boolean groupInbox) {
        var original = mybatis.getSqlFragments().get(ENGINE_TASK + ".selectTaskByQueryCriteriaSql");
        if (original == null) throw new IllegalStateException("the engine has no task query criteria fragment");
        var copy = original.getNode().cloneNode(true);
        int joins = 0;
        int checks = 0;
        for (var include : elements(copy, "include")) {
            var refid = include.getAttribute("refid");
            if (refid.equals(ENGINE_AUTHORIZATION + ".authCheckJoinWithoutOnClause")) {
                var guard = (Element) include.getParentNode();
                if (!guard.getTagName().equals("if")) throw new IllegalStateException("grant join without its condition");
                guard.setAttribute("test", "(" + guard.getAttribute("test") + ") and !@" + NAMESPACE
                        + "@applies(authCheck)");
                joins++;
            } else if (refid.equals(ENGINE_AUTHORIZATION + ".contextualAuthorizationCheck")) {
                include.setAttribute("refid", NAMESPACE + ".authorization");
                checks++;
            }
        }
        if (joins != 1 || checks != 1) {
            throw new IllegalStateException("the engine's task query has " + joins + " grant joins and " + checks
                    + " authorization checks, not one each");
        }
        candidateLinksAsExists(copy, groupInbox);
        return new XNode(null, copy, mybatis.getVariables());
    }

    static final String LINK_JOIN = "left join ${prefix}ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_";
    static final String CANDIDATE = "and I.TYPE_ = 'candidate'";
    /** The inbox table of a one-group query ({@link #groupInbox}); its group is the query's candidate criterion. */
    static final String GROUP_INBOX_JOIN = "inner join " + TaskGroupInbox.TABLE + " GI on GI.task_id = RES.ID_";

    /**
     * The candidate-link join made conditional on {@link #joinsCandidateLinks}, and otherwise the candidate
     * criteria ({@code I.TYPE_ = 'candidate' and (I.GROUP_ID_ IN …)}) wrapped in an {@code EXISTS} over the links
     * of the task. With {@code groupInbox} (PostgreSQL) a query for one candidate group joins its group's rows of
     * {@link TaskGroupInbox} instead and has no candidate-link criterion: PostgreSQL's estimate of the two
     * together made it sort all of the group's tasks. {@code GROUP_INBOX} is bound first (null without), so the
     * statement can order by the table's creation time. Fails when the engine's fragment does not have exactly
     * one candidate-link join and one candidate criterion.
     */
    private static void candidateLinksAsExists(Node copy, boolean groupInbox) {
        var joins = elements(copy, "if").stream().filter(e -> text(e).equals(LINK_JOIN)).toList();
        var candidates = elements(copy, "trim").stream().filter(e -> directText(e).contains(CANDIDATE)).toList();
        if (joins.size() != 1 || candidates.size() != 1) {
            throw new IllegalStateException("the engine's task query has " + joins.size() + " candidate-link joins and "
                    + candidates.size() + " candidate criteria, not one each");
        }
        var join = joins.get(0);
        join.setAttribute("test", "(" + join.getAttribute("test") + ") and @" + NAMESPACE + "@joinsCandidateLinks(_parameter)");
        var trim = candidates.get(0);
        var document = trim.getOwnerDocument();

        var bind = document.createElement("bind");
        bind.setAttribute("name", "GROUP_INBOX");
        bind.setAttribute("value", groupInbox ? "@" + NAMESPACE + "@groupInbox(_parameter)" : "null");
        copy.insertBefore(bind, copy.getFirstChild());
        var inbox = document.createElement("if");
        inbox.setAttribute("test", "GROUP_INBOX != null");
        inbox.appendChild(document.createTextNode(" " + GROUP_INBOX_JOIN + " "));
        join.getParentNode().insertBefore(inbox, join.getNextSibling());

        // from the candidate criterion to the end of the trim: the group's rows, or the links as EXISTS
        var choose = document.createElement("choose");
        var when = document.createElement("when");
        when.setAttribute("test", "GROUP_INBOX != null");
        when.appendChild(document.createTextNode(" and GI.group_id = #{GROUP_INBOX} "));
        var otherwise = document.createElement("otherwise");
        boolean moving = false;
        for (var child : children(trim)) {
            if (child.getNodeType() == Node.TEXT_NODE && child.getNodeValue().contains(CANDIDATE)) moving = true;
            if (moving) otherwise.appendChild(child);
        }
        var unless = "!@" + NAMESPACE + "@joinsCandidateLinks(_parameter)";
        var open = document.createElement("if");
        open.setAttribute("test", unless);
        open.appendChild(document.createTextNode(" and EXISTS (SELECT 1 FROM ${prefix}ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_ "));
        otherwise.insertBefore(open, otherwise.getFirstChild());
        var close = document.createElement("if");
        close.setAttribute("test", unless);
        close.appendChild(document.createTextNode(" ) "));
        otherwise.appendChild(close);
        choose.appendChild(when);
        choose.appendChild(otherwise);
        trim.appendChild(choose);
    }

    /**
     * "asc" or "desc" when the query is ordered by creation time alone (the inbox's order), else null: a one-group
     * query is then ordered by the inbox table's copy of the time, which PostgreSQL reads in order from its index.
     */
    public static String createTimeOrder(TaskQueryImpl query) {
        var orderings = query.getOrderingProperties();
        if (orderings.size() != 1 || orderings.get(0).getRelation() != null) return null;
        var ordering = orderings.get(0);
        return ordering.getQueryProperty().getName().equals("CREATE_TIME_") ? ordering.getDirection().getName() : null;
    }

    private static java.util.List<Node> children(Node node) {
        var list = new java.util.ArrayList<Node>();
        for (int i = 0; i < node.getChildNodes().getLength(); i++) list.add(node.getChildNodes().item(i));
        return list;
    }

    private static java.util.List<Element> elements(Node node, String tag) {
        var found = new java.util.ArrayList<Element>();
        for (var child : children(node)) {
            if (child instanceof Element element) {
                if (element.getTagName().equals(tag)) found.add(element);
                found.addAll(elements(element, tag));
            }
        }
        return found;
    }

    private static String text(Node node) {
        return node.getTextContent().replaceAll("\\s+", " ").trim();
    }

    /** The element's own text, without its child elements'. */
    private static String directText(Element element) {
        var out = new StringBuilder();
        for (var child : children(element)) {
            if (child.getNodeType() == Node.TEXT_NODE) out.append(child.getNodeValue());
        }
        return out.toString().replaceAll("\\s+", " ");
    }

}
