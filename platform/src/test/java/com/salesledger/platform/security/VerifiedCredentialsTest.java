package com.salesledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** The cache of verified credentials: hashes once, but never accepts what it should not. */
class VerifiedCredentialsTest {

  private LedgerUsers users;
  private AtomicInteger hashed;
  private VerifiedCredentials credentials;

  @BeforeEach
  void setUp() {
    users =
        new LedgerUsers(
            List.of(User.withUsername("ann").password("{noop}right").roles("AUDITOR").build()));
    hashed = new AtomicInteger();
    credentials =
        new VerifiedCredentials(
            new CountingPasswordCheck(users, hashed), users, Duration.ofMinutes(1));
  }

  @Test
  void a_verified_password_is_not_checked_again_within_its_lifetime() {
    for (int i = 0; i < 5; i++) {
      assertThat(credentials.authenticate(login("ann", "right")).isAuthenticated()).isTrue();
    }
    assertThat(hashed).hasValue(1);
  }

  @Test
  void a_wrong_password_is_checked_and_refused_every_time() {
    credentials.authenticate(login("ann", "right"));
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> credentials.authenticate(login("ann", "wrong")))
          .isInstanceOf(BadCredentialsException.class);
    }
    assertThat(hashed).hasValue(4);
  }

  @Test
  void a_changed_password_or_role_or_a_removed_user_counts_on_the_next_request() {
    credentials.authenticate(login("ann", "right"));
    users.save(User.withUsername("ann").password("{noop}right").roles("REP").build());
    assertThat(credentials.authenticate(login("ann", "right")).getAuthorities())
        .extracting(Object::toString)
        .containsExactly("ROLE_REP");
    users.save(User.withUsername("ann").password("{noop}new").roles("REP").build());
    assertThatThrownBy(() -> credentials.authenticate(login("ann", "right")))
        .isInstanceOf(BadCredentialsException.class);
    credentials.authenticate(login("ann", "new"));
    users.remove("ann");
    assertThatThrownBy(() -> credentials.authenticate(login("ann", "new")))
        .isInstanceOf(BadCredentialsException.class);
  }

  @Test
  void an_expired_entry_is_checked_again() {
    VerifiedCredentials shortLived =
        new VerifiedCredentials(
            new CountingPasswordCheck(users, hashed), users, Duration.ofNanos(1));
    shortLived.authenticate(login("ann", "right"));
    shortLived.authenticate(login("ann", "right"));
    assertThat(hashed).hasValue(2);
  }

  @Test
  void the_user_store_does_not_upgrade_noop_passwords_to_bcrypt() {
    credentials.authenticate(login("ann", "right"));
    assertThat(users.loadUserByUsername("ann").getPassword()).isEqualTo("{noop}right");
    assertThat(users)
        .isNotInstanceOf(
            org.springframework.security.core.userdetails.UserDetailsPasswordService.class);
  }

  private static UsernamePasswordAuthenticationToken login(String name, String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
  }

  /** A password check that counts how often it runs. */
  private static final class CountingPasswordCheck implements AuthenticationProvider {
    private final DaoAuthenticationProvider passwords;
    private final AtomicInteger count;

    CountingPasswordCheck(LedgerUsers users, AtomicInteger count) {
      this.passwords = new DaoAuthenticationProvider(users);
      this.passwords.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
      this.count = count;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
      count.incrementAndGet();
      return passwords.authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> type) {
      return passwords.supports(type);
    }
  }
}
