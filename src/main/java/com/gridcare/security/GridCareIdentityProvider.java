package com.gridcare.security;

import com.gridcare.kernel.Groups;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's database identity provider with three changes:
 * <ul>
 * <li>a password hash older than {@link Pbkdf2PasswordHash} is replaced by a PBKDF2 hash at the next
 * right password;</li>
 * <li>passwords are checked through {@link LoginThrottle} (per user and client address, a bounded
 * wait) instead of the engine's own lock, which locks a user for good after ten wrong passwords from
 * anyone; a lock the engine set earlier is ignored and cleared at the next right password;</li>
 * <li>ids and names longer than Camunda's columns, and memberships of unknown users or groups, are
 * refused with a message naming them;</li>
 * <li>whenever a membership changes, the grants that let a group read a member's profile
 * ({@link GroupPermissions#readersOf}) follow it.</li>
 * </ul>
 * Every way in checks passwords here: {@code /engine-rest} (HTTP Basic), the webapps' login,
 * GridCare's API and the actuator.
 */
class GridCareIdentityProvider extends DbIdentityServiceProvider {

    static final int MAX_ID = 64;
    static final int MAX_TEXT = 255;
    /** The engine's query limit: users and groups are read in pages of this size. */
    private static final int PAGE = 1000;

    private final Supplier<LoginThrottle> throttle;

    GridCareIdentityProvider(Supplier<LoginThrottle> throttle) {
        this.throttle = throttle;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        if (userId == null || password == null || !possibleUserId(userId)) return false;
        var origin = LoginOrigin.current();
        var throttle = this.throttle.get();
        var wait = throttle.waitBeforeCheck(userId, origin.address, origin.entryPoint);
        if (wait.isPresent()) {
            origin.mustWait(wait.get());
            return false;
        }
        var valid = verifyPassword(userId, password);
        if (valid) {
            throttle.succeeded(userId, origin.address);
        } else {
            throttle.failed(userId, origin.address, origin.entryPoint);
        }
        return valid;
    }

    /**
     * Whether a login name could be anyone's: not longer than any source's ids, no control characters
     * (a NUL, say, which PostgreSQL refuses in a query and which has no business in a directory filter).
     * Anything else is looked up as the literal name it is; the directory provider escapes filter characters.
     */
    static boolean possibleUserId(String userId) {
        if (userId.isEmpty() || userId.length() > BasicCredentials.MAX_USER_ID) return false;
        return userId.chars().noneMatch(Character::isISOControl);
    }

    /** Whether the password is right, asked once the throttle let the check happen. */
    protected boolean verifyPassword(String userId, String password) {
        var valid = super.checkPassword(userId, password);
        if (valid) upgradeHash(userId, password);
        return valid;
    }

    /** A hash made before {@link Pbkdf2PasswordHash} is replaced by one made with it, now that the password is known. */
    private void upgradeHash(String userId, String password) {
        var user = getDbEntityManager().selectById(UserEntity.class, userId);
        if (user == null || Pbkdf2PasswordHash.madeBy(user.getPassword())) return;
        user.setPassword(password);
        user.encryptPassword();
        // the entity is the one the check read, in this command's cache: the changed hash is written when it ends
    }

    @Override
    protected boolean isUserLocked(UserEntity user) {
        return false;
    }

    @Override
    protected void lockUser(UserEntity user) {
        // LoginThrottle delays instead
    }

    @Override
    public IdentityOperationResult unlockUser(String userId) {
        throttle.get().forget(userId);
        return super.unlockUser(userId);
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
        checkLength("user id", user.getId(), MAX_ID);
        checkLength("first name", user.getFirstName(), MAX_TEXT);
        checkLength("last name", user.getLastName(), MAX_TEXT);
        checkLength("e-mail", user.getEmail(), MAX_TEXT);
        return super.saveUser(user);
    }

    @Override
    public IdentityOperationResult saveGroup(Group group) {
        checkLength("group id", group.getId(), MAX_ID);
        checkLength("group name", group.getName(), MAX_TEXT);
        checkLength("group type", group.getType(), MAX_TEXT);
        return super.saveGroup(group);
    }

    @Override
    public IdentityOperationResult saveTenant(Tenant tenant) {
        checkLength("tenant id", tenant.getId(), MAX_ID);
        checkLength("tenant name", tenant.getName(), MAX_TEXT);
        return super.saveTenant(tenant);
    }

    private static void checkLength(String what, String value, int max) {
        if (value != null && value.length() > max) {
            throw new BadUserRequestException(
                    "%s: at most %d characters (this one has %d)".formatted(what, max, value.length()));
        }
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
        // the permission first: whether a user exists is not for those who may not add members
        checkAuthorization(Permissions.CREATE, Resources.GROUP_MEMBERSHIP, groupId);
        if (findUserById(userId) == null) throw new BadUserRequestException("user id: no user '" + shorten(userId) + "'");
        if (findGroupById(groupId) == null) {
            throw new BadUserRequestException("group id: no group '" + shorten(groupId) + "'");
        }
        var result = super.createMembership(userId, groupId);
        grantProfileReaders(userId, groupId, null);
        return result;
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
        var result = super.deleteMembership(userId, groupId);
        grantProfileReaders(userId, null, groupId);
        return result;
    }

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
        var commandContext = Context.getCommandContext();
        var formerMembers = new ArrayList<User>();
        for (int page = 0; formerMembers.size() == page * PAGE; page++) {
            var first = page * PAGE;
            formerMembers.addAll(commandContext.runWithoutAuthorization(
                    () -> createUserQuery(commandContext).memberOfGroup(groupId).orderByUserId().asc().listPage(first, PAGE)));
        }
        var result = super.deleteGroup(groupId);
        for (var member : formerMembers) {
            grantProfileReaders(member.getId(), null, groupId);
        }
        return result;
    }

    private static String shorten(String id) {
        return id == null || id.length() <= MAX_ID ? String.valueOf(id) : id.substring(0, MAX_ID) + "…";
    }

    /**
     * Makes the groups that may read this user's profile exactly those {@link GroupPermissions#readersOf}
     * the user's groups: READ on the user for each, no such grant for any other staff group. The
     * membership this command adds or removes is not in the database yet, so it is named here.
     */
    void grantProfileReaders(String userId, String joined, String left) {
        var commandContext = Context.getCommandContext();
        var groups = new HashSet<String>();
        for (var group : commandContext.runWithoutAuthorization(
                () -> createGroupQuery(commandContext).groupMember(userId).listPage(0, PAGE))) {
            groups.add(group.getId());
        }
        if (joined != null) groups.add(joined);
        if (left != null) groups.remove(left);
        var readers = new HashSet<String>();
        for (var group : groups) {
            readers.addAll(GroupPermissions.readersOf(group));
        }
        grantProfileReaders(userId, readers);
    }

    private void grantProfileReaders(String userId, Set<String> readers) {
        var authorizations = getAuthorizationManager();
        for (var group : Groups.STAFF) {
            var existing = authorizations.findAuthorizationByGroupIdAndResourceId(Authorization.AUTH_TYPE_GRANT, group,
                    Resources.USER, userId);
            if (readers.contains(group) && existing == null) {
                var grant = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
                grant.setGroupId(group);
                grant.setResource(Resources.USER);
                grant.setResourceId(userId);
                grant.addPermission(Permissions.READ);
                saveDefaultAuthorizations(new AuthorizationEntity[] {grant});
            } else if (!readers.contains(group) && existing != null) {
                deleteAuthorizationsForGroup(Resources.USER, userId, group);
            }
        }
    }

    /** Opens a provider per command, as Camunda's own factory does, with GridCare's throttle. */
    static final class Factory implements SessionFactory {

        private final Supplier<LoginThrottle> throttle;

        Factory(Supplier<LoginThrottle> throttle) {
            this.throttle = throttle;
        }

        @Override
        public Class<?> getSessionType() {
            return GridCareIdentityProvider.class;
        }

        @Override
        public Session openSession() {
            return new GridCareIdentityProvider(throttle);
        }
    }
}
