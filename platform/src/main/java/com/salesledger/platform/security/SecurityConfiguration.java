package com.salesledger.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Logins: HTTP Basic over users from configuration (the demo users of API.md only while demo data
 * is on), checked cheaply through {@link VerifiedCredentials}, and bearer tokens (the ledger's own
 * or, in single-sign-on mode, the identity provider's). Health (status only), OpenAPI and Swagger
 * UI are open; everything under /api needs a login.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(LedgerUsersProperties.class)
@Import({PermittedAuthorization.class, TokenConfiguration.class, AccessPolicy.class})
public class SecurityConfiguration {

  static final List<String> DEMO_USERS =
      List.of("rep1", "rep2", "manager1", "finance1", "finance2", "auditor1", "admin");

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  LedgerUsers users(
      LedgerUsersProperties properties,
      @Value("${ledger.security.demo-users:${ledger.demo.enabled:false}}") boolean demo) {
    List<UserDetails> users = new ArrayList<>();
    for (LedgerUsersProperties.User user : properties.users()) {
      users.add(
          User.withUsername(user.name())
              .password(user.password())
              .roles(user.roles().stream().map(Enum::name).toArray(String[]::new))
              .build());
    }
    if (demo) {
      for (String name : DEMO_USERS) {
        users.add(
            User.withUsername(name).password("{noop}demo").roles(demoRole(name).name()).build());
      }
    }
    return new LedgerUsers(users);
  }

  static Role demoRole(String name) {
    return switch (name.replaceAll("\\d", "")) {
      case "rep" -> Role.REP;
      case "manager" -> Role.MANAGER;
      case "finance" -> Role.FINANCE;
      case "auditor" -> Role.AUDITOR;
      default -> Role.ADMIN;
    };
  }

  @Bean
  VerifiedCredentials verifiedCredentials(
      LedgerUsers users,
      PasswordEncoder encoder,
      @Value("${ledger.security.basic-cache-ttl:PT60S}") Duration ttl) {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
    passwords.setPasswordEncoder(encoder);
    return new VerifiedCredentials(passwords, users, ttl);
  }

  /** The strict firewall, with its header check made cheap ({@link FastHeaderFirewall}). */
  @Bean
  WebSecurityCustomizer fastHeaderFirewall() {
    return web -> web.httpFirewall(FastHeaderFirewall.create());
  }

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      ObjectMapper objectMapper,
      VerifiedCredentials verifiedCredentials,
      JwtAuthenticationProvider jwtAuthenticationProvider)
      throws Exception {
    AuthenticationEntryPoint askForLogin =
        (request, response, e) -> {
          response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge(request));
          writeProblem(
              response,
              objectMapper,
              HttpStatus.UNAUTHORIZED,
              "Log in with HTTP Basic credentials or a valid bearer token.");
        };
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authenticationManager(new ProviderManager(verifiedCredentials))
        .httpBasic(basic -> basic.authenticationEntryPoint(askForLogin))
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .authenticationEntryPoint(askForLogin)
                    .jwt(
                        jwt ->
                            jwt.authenticationManager(
                                new ProviderManager(jwtAuthenticationProvider))))
        .exceptionHandling(
            ex ->
                ex.authenticationEntryPoint(askForLogin)
                    .accessDeniedHandler(
                        (request, response, e) ->
                            writeProblem(
                                response,
                                objectMapper,
                                HttpStatus.FORBIDDEN,
                                "Your role does not allow this.")))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/info",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**",
                        "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated());
    return http.build();
  }

  /** A client that sent a bearer token is told what was wrong with it (RFC 6750). */
  private static String challenge(HttpServletRequest request) {
    String sent = request.getHeader(HttpHeaders.AUTHORIZATION);
    return sent != null && sent.regionMatches(true, 0, "Bearer ", 0, 7)
        ? "Bearer error=\"invalid_token\""
        : "Basic realm=\"sales-ledger\"";
  }

  private static void writeProblem(
      HttpServletResponse response, ObjectMapper objectMapper, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status.getReasonPhrase());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
