package com.gridcare.security;

import com.gridcare.kernel.Groups;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gridcare.security.*} (defaults in application.yaml), checked at start-up: a value out of range or a
 * directory setting that cannot work stops GridCare with a message naming the property.
 *
 * @param passwordHashing how Camunda's own identity hashes passwords
 * @param credentialCache how long a verified HTTP Basic credential is remembered (by its hash), so that a
 *        busy channel system does not pay a slow password hash on every call; 0 checks every call
 * @param directory directory sign-on (LDAP, Active Directory): profile {@code ldap}
 */
@ConfigurationProperties(prefix = "gridcare.security", ignoreUnknownFields = false)
@Validated
public record SecurityProperties(
        @Valid @NotNull PasswordHashing passwordHashing,
        @NotNull Duration credentialCache,
        @Valid @NotNull Directory directory) {

    /**
     * @param iterations PBKDF2-HMAC-SHA-512 iterations of a new hash; a stored hash keeps the count it was made with
     */
    public record PasswordHashing(
            @NotNull @Min(Pbkdf2PasswordHash.MIN_ITERATIONS) @Max(10_000_000) Integer iterations) {
    }

    /**
     * Users and groups from a directory through Camunda's LDAP identity provider. Names are the
     * provider's settings; docs/directory-sign-on.md shows them for OpenLDAP and Active Directory.
     *
     * @param enabled read users and groups from the directory (GridCare's own tables keep local accounts)
     * @param url {@code ldap://host:389} or {@code ldaps://host:636}
     * @param managerDn the account GridCare searches the directory with (read-only is enough)
     * @param baseDn where users and groups are searched; the search bases below are relative to it
     * @param userIdAttribute the attribute that is the login name ({@code uid}; {@code sAMAccountName} in AD)
     * @param groupIdAttribute the attribute naming a group in {@link #groups} ({@code cn})
     * @param groupMemberAttribute the attribute of a group listing its members' DNs ({@code member})
     * @param groups GridCare's group (key) and the directory group whose members belong to it (value); a
     *        directory group not named here means nothing to GridCare
     */
    public record Directory(
            @NotNull Boolean enabled,
            String url,
            String managerDn,
            String managerPassword,
            @NotNull String baseDn,
            @NotNull String userSearchBase,
            @NotNull String userSearchFilter,
            @NotNull String userIdAttribute,
            @NotNull String userFirstnameAttribute,
            @NotNull String userLastnameAttribute,
            @NotNull String userEmailAttribute,
            @NotNull String groupSearchBase,
            @NotNull String groupSearchFilter,
            @NotNull String groupIdAttribute,
            @NotNull String groupNameAttribute,
            @NotNull String groupMemberAttribute,
            @NotNull Boolean useSsl,
            @NotNull Boolean sortControlSupported,
            Integer pageSize,
            Map<String, String> groups) {

        /** GridCare's groups and Camunda's administrators' group: the only keys {@link #groups} may have. */
        static final String CAMUNDA_ADMIN = "camunda-admin";

        public Directory {
            groups = groups == null ? Map.of() : new TreeMap<>(groups);
            if (Boolean.TRUE.equals(enabled)) {
                if (url == null || !(url.startsWith("ldap://") || url.startsWith("ldaps://"))) {
                    throw new IllegalArgumentException(
                            "gridcare.security.directory.url: ldap://host:port or ldaps://host:port, not " + url);
                }
                if (groups.isEmpty()) {
                    throw new IllegalArgumentException("gridcare.security.directory.groups: map at least one of "
                            + Groups.ALL + " to a directory group, or nobody can work");
                }
                var directoryGroups = new HashSet<String>();
                for (var entry : groups.entrySet()) {
                    if (!Groups.ALL.contains(entry.getKey()) && !CAMUNDA_ADMIN.equals(entry.getKey())) {
                        throw new IllegalArgumentException("gridcare.security.directory.groups." + entry.getKey()
                                + ": not a GridCare group; these are " + Groups.ALL + " and " + CAMUNDA_ADMIN);
                    }
                    if (entry.getValue() == null || entry.getValue().isBlank()) {
                        throw new IllegalArgumentException(
                                "gridcare.security.directory.groups." + entry.getKey() + ": name a directory group");
                    }
                    if (!directoryGroups.add(entry.getValue())) {
                        throw new IllegalArgumentException("gridcare.security.directory.groups." + entry.getKey()
                                + ": directory group '" + entry.getValue() + "' is mapped twice; one GridCare group each");
                    }
                }
            }
        }
    }
}
