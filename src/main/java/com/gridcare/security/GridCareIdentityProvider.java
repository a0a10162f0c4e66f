package com.gridcare.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's database identity provider, with passwords checked through {@link LoginThrottle} (per
 * user and client address, a bounded wait) instead of the engine's own lock, which locks a user for
 * good after ten wrong passwords from anyone; a lock the engine set earlier is ignored and cleared at
 * the next right password. Every way in checks passwords here: {@code /engine-rest} (HTTP Basic),
 * the webapps' login, GridCare's API and the actuator.
 */
class GridCareIdentityProvider extends DbIdentityServiceProvider {

    /** The length of Camunda's id columns. */
    static final int MAX_ID = 64;

    private final Supplier<LoginThrottle> throttle;

    GridCareIdentityProvider(Supplier<LoginThrottle> throttle) {
        this.throttle = throttle;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        if (userId == null || password == null) return false;
        var origin = LoginOrigin.current();
        var throttle = this.throttle.get();
        var wait = throttle.waitBeforeCheck(userId, origin.address, origin.entryPoint);
        if (wait.isPresent()) {
            origin.mustWait(wait.get());
            return false;
        }
        var valid = super.checkPassword(userId, password);
        if (valid) {
            throttle.succeeded(userId, origin.address);
        } else {
            throttle.failed(userId, origin.address, origin.entryPoint);
        }
        return valid;
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
