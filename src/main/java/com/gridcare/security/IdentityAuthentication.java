package com.gridcare.security;

import com.gridcare.api.DatabaseUnavailable;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Spring Security's check of a user name and password (HTTP Basic on {@code /api} and {@code /engine-rest}):
 * Camunda's identity service decides, whichever source it reads (GridCare's tables or the directory,
 * profile {@code ldap}), through {@link LoginThrottle}. The authorities are the user's groups, as the
 * identity service names them.
 */
final class IdentityAuthentication implements AuthenticationProvider {

    private final BasicCredentials credentials;

    IdentityAuthentication(BasicCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var userId = authentication.getName();
        var password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        ApiUser user;
        try {
            user = credentials.check(userId, password);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causes(e) && !directoryUnreachable(e)) throw e;
            throw new IdentitySourceUnavailable(e);
        }
        if (user == null) throw new BadCredentialsException("wrong user name or password");
        return authenticated(user);
    }

    /** The directory (profile ldap) did not answer: down, or the network to it cut. */
    static boolean directoryUnreachable(Throwable failure) {
        for (var t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof javax.naming.CommunicationException || t instanceof javax.naming.ServiceUnavailableException) {
                return true;
            }
        }
        return false;
    }

    static Authentication authenticated(ApiUser user) {
        List<GrantedAuthority> groups = user.groups().stream().sorted()
                .<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
        var token = UsernamePasswordAuthenticationToken.authenticated(user.id(), null, groups);
        token.setDetails(user);
        return token;
    }

    /** The caller an authentication of this provider (or of the webapp session) stands for. */
    static ApiUser user(Authentication authentication) {
        return authentication != null && authentication.getDetails() instanceof ApiUser user ? user : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The password could not be checked: the database is out of reach (answered 503, not 401). */
    static final class IdentitySourceUnavailable extends AuthenticationServiceException {
        IdentitySourceUnavailable(Throwable cause) {
            super("the identity source is out of reach", cause);
        }
    }
}
