package com.gridcare.security;

import java.util.List;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.LdapUserQueryImpl;

/**
 * Camunda's LDAP identity provider session, used by {@link DirectoryIdentityProvider} beside GridCare's
 * own tables. The provider looks users and groups up internally through queries that the engine would
 * run against whichever provider the command context holds; here they always run against this session.
 * Ids are the directory's: {@link DirectoryIdentityProvider} maps groups to GridCare's.
 */
class DirectoryReader extends LdapIdentityProviderSession {

    DirectoryReader(LdapConfiguration configuration) {
        super(configuration);
    }

    @Override
    public UserQueryImpl createUserQuery(CommandContext commandContext) {
        return new UserSearch(ldapConfiguration, this);
    }

    @Override
    public GroupQuery createGroupQuery(CommandContext commandContext) {
        return new GroupSearch(this);
    }

    /** Users found by the given criteria (only the criteria of the query are read, not its executor). */
    List<User> users(LdapUserQueryImpl criteria) {
        return findUserByQueryCriteria(criteria);
    }

    List<Group> groups(LdapGroupQuery criteria) {
        return findGroupByQueryCriteria(criteria);
    }

    /** A user query answered by this session. */
    static final class UserSearch extends LdapUserQueryImpl {
        private final transient DirectoryReader directory;

        UserSearch(LdapConfiguration configuration, DirectoryReader directory) {
            super(configuration);
            this.directory = directory;
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return directory.findUserCountByQueryCriteria(this);
        }

        @Override
        public List<User> executeList(CommandContext commandContext, Page page) {
            return directory.findUserByQueryCriteria(this);
        }
    }

    /** A group query answered by this session. */
    static final class GroupSearch extends LdapGroupQuery {
        private final transient DirectoryReader directory;

        GroupSearch(DirectoryReader directory) {
            this.directory = directory;
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return directory.findGroupCountByQueryCriteria(this);
        }

        @Override
        public List<Group> executeList(CommandContext commandContext, Page page) {
            return directory.findGroupByQueryCriteria(this);
        }
    }
}
