package com.example.shop;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Form login with CSRF protection, a new session id at login, and one session per user: a second login ends the
 * first session, on whichever instance it lives, because the starter's SessionRegistry reads the shared store.
 */
@Configuration
public class SecurityConfig {

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests
            .requestMatchers("/audit/**", "/actuator/health/**").permitAll()
            .anyRequest().authenticated())
        .formLogin(Customizer.withDefaults())
        .logout(Customizer.withDefaults())
        .sessionManagement(sessions -> sessions
            .sessionFixation(fixation -> fixation.changeSessionId())
            .maximumSessions(1));
    return http.build();
  }

  /** Demo users ann, bob, cat, dan and eve; their password is SHOP_DEMO_PASSWORD, or "shop-demo". */
  @Bean
  UserDetailsService users(Environment environment) {
    PasswordEncoder encoder = passwordEncoder();
    String password = encoder.encode(environment.getProperty("SHOP_DEMO_PASSWORD", "shop-demo"));
    return new InMemoryUserDetailsManager(
        User.withUsername("ann").password(password).roles("USER").build(),
        User.withUsername("bob").password(password).roles("USER").build(),
        User.withUsername("cat").password(password).roles("USER").build(),
        User.withUsername("dan").password(password).roles("USER").build(),
        User.withUsername("eve").password(password).roles("USER").build());
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
