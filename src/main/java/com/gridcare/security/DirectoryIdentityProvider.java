package com.gridcare.security;

import com.gridcare.kernel.Groups;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbGroupQueryImpl;
import org.camunda.bpm.engine.impl.identity.db.DbUserQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapUserQueryImpl;

/**
 * Directory sign-on (profile {@code ldap}): staff are the directory's users, their GridCare groups the
 * directory groups mapped to them ({@code gridcare.security.directory.groups}); a directory group not
 * mapped means nothing to GridCare. GridCare's own tables stay beside the directory for local accounts
 * (channel systems, monitoring, a break-glass administrator), which Admin and {@code /engine-rest} still
 * create and change; a directory user is never changed here, nor added to a group.
 * <p>
 * Every query answers from both: the directory's users and groups first, then local ones with other
 * ids. A password is checked where the user lives, through {@link LoginThrottle} either way; a directory
 * user's right password also refreshes the grants that let their groups read their profile
 * ({@link GroupPermissions#readersOf}), which follow the directory's memberships.
 */
class DirectoryIdentityProvider extends GridCareIdentityProvider {

    private final LdapConfiguration ldap;
    private final GroupMapping groups;
    private DirectoryReader directory;

    DirectoryIdentityProvider(Supplier<LoginThrottle> throttle, LdapConfiguration ldap, GroupMapping groups) {
        super(throttle);
        this.ldap = ldap;
        this.groups = groups;
    }

    private DirectoryReader directory() {
        if (directory == null) directory = new DirectoryReader(ldap);
        return directory;
    }

    @Override
    public void close() {
        try {
            if (directory != null) directory.close();
        } finally {
            super.close();
        }
    }

    // ---- passwords ----

    @Override
    protected boolean verifyPassword(String userId, String password) {
        if (directoryUser(userId) == null) return super.verifyPassword(userId, password);
        boolean valid;
        try {
            valid = directory().checkPassword(userId, password);
        } finally {
            // the provider's password check leaves its search connection closed: later searches need a new one
            directory.close();
            directory = null;
        }
        if (valid) grantProfileReaders(userId, null, null);
        return valid;
    }

    // ---- users ----

    private UserEntity directoryUser(String userId) {
        if (userId == null || userId.isEmpty()) return null;
        var criteria = new LdapUserQueryImpl(ldap);
        criteria.userId(userId);
        var found = directory().users(criteria);
        return found.isEmpty() ? null : (UserEntity) found.get(0);
    }

    @Override
    public UserEntity findUserById(String userId) {
        var user = directoryUser(userId);
        return user != null ? user : super.findUserById(userId);
    }

    @Override
    public UserQuery createUserQuery() {
        return new MergedUsers(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public UserQueryImpl createUserQuery(CommandContext commandContext) {
        return new MergedUsers();
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
        refuseDirectoryUser(user.getId(), "is the directory's user: change it in the directory");
        return super.saveUser(user);
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
        refuseDirectoryUser(userId, "is the directory's user: remove it in the directory");
        return super.deleteUser(userId);
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
        checkAuthorization(Permissions.CREATE, Resources.GROUP_MEMBERSHIP, groupId);
        refuseDirectoryUser(userId, "is the directory's user: its GridCare groups follow its directory groups"
                + " (gridcare.security.directory.groups)");
        return super.createMembership(userId, groupId);
    }

    private void refuseDirectoryUser(String userId, String why) {
        if (directoryUser(userId) != null) throw new BadUserRequestException("user id: '" + userId + "' " + why);
    }

    private List<User> users(MergedUsers query, LdapUserQueryImpl directoryCriteria) {
        var found = new LinkedHashMap<String, User>();
        if (directoryCriteria != null) {
            for (var user : directory().users(directoryCriteria)) found.put(user.getId(), user);
        }
        for (var user : unpaged(query, () -> findUserByQueryCriteria(query))) found.putIfAbsent(user.getId(), user);
        return page(new ArrayList<>(found.values()), query.getFirstResult(), query.getMaxResults(), User::getId);
    }

    // ---- groups ----

    @Override
    public GroupEntity findGroupById(String groupId) {
        var group = super.findGroupById(groupId);
        if (group != null) return group;
        var mapped = groups.directoryGroup(groupId);
        return mapped != null && directoryGroupExists(mapped) ? groups.asGridCare(groupId) : null;
    }

    private boolean directoryGroupExists(String directoryGroup) {
        var criteria = new LdapGroupQuery();
        criteria.groupId(directoryGroup);
        return !directory().groups(criteria).isEmpty();
    }

    @Override
    public GroupQuery createGroupQuery() {
        return new MergedGroups(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public GroupQuery createGroupQuery(CommandContext commandContext) {
        return new MergedGroups();
    }

    private List<Group> groups(MergedGroups query, LdapGroupQuery directoryCriteria, Filter filter) {
        var found = new LinkedHashMap<String, Group>();
        for (var group : unpaged(query, () -> findGroupByQueryCriteria(query))) found.put(group.getId(), group);
        if (directoryCriteria != null) {
            for (var group : directory().groups(directoryCriteria)) {
                var gridCare = groups.gridCareGroup(group.getId());
                if (gridCare == null || found.containsKey(gridCare)) continue;
                var mapped = groups.asGridCare(gridCare);
                if (filter.accepts(mapped)) found.put(gridCare, mapped);
            }
        }
        return page(new ArrayList<>(found.values()), query.getFirstResult(), query.getMaxResults(), Group::getId);
    }

    /** Name and type criteria of a group query, applied to mapped directory groups (the directory knows other names). */
    private record Filter(String name, Pattern nameLike, String type) {
        boolean accepts(Group group) {
            return (name == null || name.equals(group.getName()))
                    && (nameLike == null || nameLike.matcher(group.getName()).matches())
                    && (type == null || type.equals(group.getType()));
        }
    }

    // ---- paging over both sources ----

    /** The query's local results without its page (the page is cut from both sources together). */
    private static <T> List<T> unpaged(org.camunda.bpm.engine.impl.db.ListQueryParameterObject query,
            Supplier<List<T>> run) {
        int first = query.getFirstResult();
        int max = query.getMaxResults();
        query.setFirstResult(0);
        query.setMaxResults(Integer.MAX_VALUE);
        try {
            return run.get();
        } finally {
            query.setFirstResult(first);
            query.setMaxResults(max);
        }
    }

    private static <T> List<T> page(List<T> all, int first, int max, java.util.function.Function<T, String> id) {
        all.sort(Comparator.comparing(id));
        if (first >= all.size()) return List.of();
        var end = max >= all.size() - first ? all.size() : first + max;
        return List.copyOf(all.subList(first, end));
    }

    private static DirectoryIdentityProvider current(CommandContext commandContext) {
        return (DirectoryIdentityProvider) commandContext.getReadOnlyIdentityProvider();
    }

    /** A user query over the directory and GridCare's tables. */
    static final class MergedUsers extends DbUserQueryImpl {

        MergedUsers() {
        }

        MergedUsers(CommandExecutor executor) {
            super(executor);
        }

        /** The same criteria for the directory; null when they cannot match a directory user. */
        private LdapUserQueryImpl directoryCriteria(DirectoryIdentityProvider provider) {
            if (tenantId != null || procDefId != null) return null; // tenants and starters are GridCare's
            var criteria = new LdapUserQueryImpl(provider.ldap);
            if (id != null) criteria.userId(id);
            if (ids != null) criteria.userIdIn(ids);
            if (firstName != null) criteria.userFirstName(firstName);
            if (firstNameLike != null) criteria.userFirstNameLike(firstNameLike);
            if (lastName != null) criteria.userLastName(lastName);
            if (lastNameLike != null) criteria.userLastNameLike(lastNameLike);
            if (email != null) criteria.userEmail(email);
            if (emailLike != null) criteria.userEmailLike(emailLike);
            if (groupId != null) {
                var mapped = provider.groups.directoryGroup(groupId);
                // the provider would search the whole directory for the members of a group it cannot find
                if (mapped == null || !provider.directoryGroupExists(mapped)) return null;
                criteria.memberOfGroup(mapped);
            }
            return criteria;
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            checkQueryOk();
            var provider = current(commandContext);
            return unpaged(this, () -> provider.users(this, directoryCriteria(provider))).size();
        }

        @Override
        public List<User> executeList(CommandContext commandContext, Page page) {
            checkQueryOk();
            var provider = current(commandContext);
            return provider.users(this, directoryCriteria(provider));
        }
    }

    /** A group query over the directory (mapped to GridCare's groups) and GridCare's tables. */
    static final class MergedGroups extends DbGroupQueryImpl {

        MergedGroups() {
        }

        MergedGroups(CommandExecutor executor) {
            super(executor);
        }

        private LdapGroupQuery directoryCriteria(DirectoryIdentityProvider provider) {
            if (tenantId != null || procDefId != null) return null;
            var criteria = new LdapGroupQuery();
            if (id != null) {
                var mapped = provider.groups.directoryGroup(id);
                if (mapped == null) return null;
                criteria.groupId(mapped);
            }
            if (ids != null) {
                var mapped = new ArrayList<String>();
                for (var one : ids) {
                    var directoryGroup = provider.groups.directoryGroup(one);
                    if (directoryGroup != null) mapped.add(directoryGroup);
                }
                if (mapped.isEmpty()) return null;
                criteria.groupIdIn(mapped.toArray(String[]::new));
            }
            if (userId != null) {
                // a local account is in no directory group (and the provider would look for members with an empty DN)
                if (provider.directoryUser(userId) == null) return null;
                criteria.groupMember(userId);
            }
            return criteria;
        }

        private Filter filter() {
            Pattern like = null;
            if (nameLike != null) {
                var regex = new StringBuilder();
                for (var c : nameLike.toCharArray()) {
                    regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
                }
                like = Pattern.compile(regex.toString());
            }
            return new Filter(name, like, type);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            checkQueryOk();
            var provider = current(commandContext);
            return unpaged(this, () -> provider.groups(this, directoryCriteria(provider), filter())).size();
        }

        @Override
        public List<Group> executeList(CommandContext commandContext, Page page) {
            checkQueryOk();
            var provider = current(commandContext);
            return provider.groups(this, directoryCriteria(provider), filter());
        }
    }

    /** GridCare's groups and the directory groups standing for them, both ways. */
    record GroupMapping(Map<String, String> toDirectory, Map<String, String> toGridCare) {

        static GroupMapping of(Map<String, String> gridCareToDirectory) {
            var reverse = new HashMap<String, String>();
            gridCareToDirectory.forEach((gridCare, directory) -> reverse.put(directory, gridCare));
            return new GroupMapping(Map.copyOf(gridCareToDirectory), Map.copyOf(reverse));
        }

        String directoryGroup(String gridCareGroup) {
            return gridCareGroup == null ? null : toDirectory.get(gridCareGroup);
        }

        String gridCareGroup(String directoryGroup) {
            return directoryGroup == null ? null : toGridCare.get(directoryGroup);
        }

        GroupEntity asGridCare(String gridCareGroup) {
            var group = new GroupEntity(gridCareGroup);
            var admin = SecurityProperties.Directory.CAMUNDA_ADMIN.equals(gridCareGroup);
            group.setName(admin ? "Camunda administrators" : Groups.name(gridCareGroup));
            group.setType(admin ? "SYSTEM" : "WORKFLOW");
            return group;
        }
    }

    /** Opens a provider per command, as Camunda's own factory does. */
    static final class Factory implements SessionFactory {

        private final Supplier<LoginThrottle> throttle;
        private final LdapConfiguration ldap;
        private final GroupMapping groups;

        Factory(Supplier<LoginThrottle> throttle, LdapConfiguration ldap, GroupMapping groups) {
            this.throttle = throttle;
            this.ldap = ldap;
            this.groups = groups;
        }

        @Override
        public Class<?> getSessionType() {
            return DirectoryIdentityProvider.class;
        }

        @Override
        public Session openSession() {
            return new DirectoryIdentityProvider(throttle, ldap, groups);
        }
    }
}
