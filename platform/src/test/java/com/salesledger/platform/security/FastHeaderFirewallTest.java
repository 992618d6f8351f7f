package com.salesledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

class FastHeaderFirewallTest {

  /** The expression Spring Security's strict firewall checks header text with by default. */
  private static final Pattern SPRING_RULE =
      Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

  @Test
  void agrees_with_spring_security_rule_on_random_text_of_every_plane() {
    Random random = new Random(20261206);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(6);
      for (int j = 0; j < length; j++) {
        int codePoint =
            switch (random.nextInt(4)) {
              case 0 -> random.nextInt(0x80);
              case 1 -> random.nextInt(0x800);
              case 2 -> random.nextInt(0x10000);
              default -> random.nextInt(Character.MAX_CODE_POINT + 1);
            };
        text.appendCodePoint(codePoint);
      }
      String sample = text.toString();
      assertThat(FastHeaderFirewall.assignedAndNotControl(sample))
          .as("U+%s", sample.codePoints().mapToObj(Integer::toHexString).toList())
          .isEqualTo(SPRING_RULE.matcher(sample).matches());
    }
  }

  @Test
  void refuses_control_characters_and_unassigned_code_points_in_headers() {
    assertThat(FastHeaderFirewall.assignedAndNotControl("Bearer eyJhbGciOi.x-y_z")).isTrue();
    assertThat(FastHeaderFirewall.assignedAndNotControl("Zürich ☃ 𝄞")).isTrue();
    assertThat(FastHeaderFirewall.assignedAndNotControl("a\u0001b")).isFalse();
    assertThat(FastHeaderFirewall.assignedAndNotControl("a\u007fb")).isFalse();
    assertThat(FastHeaderFirewall.assignedAndNotControl("a\u0085b")).isFalse();
    assertThat(FastHeaderFirewall.assignedAndNotControl("a\u0378b")).isFalse();
  }

  @Test
  void the_firewall_refuses_a_request_whose_header_has_a_control_character() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/deals");
    request.addHeader("X-Correlation-Id", "a\u0001b");
    var firewalled = FastHeaderFirewall.create().getFirewalledRequest(request);
    assertThatThrownBy(() -> firewalled.getHeader("X-Correlation-Id"))
        .isInstanceOf(RequestRejectedException.class);
  }
}
