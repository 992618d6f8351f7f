package com.salesledger.platform.security;

import java.util.List;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The users who may log in with a password. Deliberately not a password-upgrading service: Spring
 * Security would otherwise re-hash even {@code {noop}} passwords to bcrypt on first login and pay
 * bcrypt on every later check. Changes take effect on the next request (see {@link
 * VerifiedCredentials}).
 */
public final class LedgerUsers implements UserDetailsService {

  private final InMemoryUserDetailsManager store;

  LedgerUsers(List<UserDetails> users) {
    this.store = new InMemoryUserDetailsManager(users);
  }

  @Override
  public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
    return store.loadUserByUsername(username);
  }

  /** Adds the user, or replaces one of the same name (password, roles). */
  public void save(UserDetails user) {
    if (store.userExists(user.getUsername())) {
      store.updateUser(user);
    } else {
      store.createUser(user);
    }
  }

  public void remove(String username) {
    store.deleteUser(username);
  }
}
