package com.salesledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Both apps publish their OpenAPI document and Swagger UI without a login. */
class OpenApiTest {

  @Test
  void each_side_documents_its_own_paths() {
    JsonNode commands = Api.at(SharedLedger.get().commandPort(), null).get("/v3/api-docs").json();
    assertThat(commands.get("paths").has("/api/deals")).isTrue();
    assertThat(commands.get("paths").has("/api/invoices/{invoiceId}/payments")).isTrue();
    assertThat(commands.get("paths").has("/api/dashboard/sales")).isFalse();

    JsonNode queries = Api.at(SharedLedger.get().queryPort(), null).get("/v3/api-docs").json();
    assertThat(queries.get("paths").has("/api/dashboard/sales")).isTrue();
    assertThat(queries.get("paths").has("/api/receivables/invoices/{invoiceId}")).isTrue();
    assertThat(queries.get("paths").has("/api/invoices")).isFalse();
    // the reports are written as kept JSON bytes; the document still names what they hold
    assertThat(
            queries
                .at(
                    "/paths/~1api~1receivables~1ageing/get/responses/200/content/application~1json"
                        + "/schema/$ref")
                .asText())
        .endsWith("/AgeingReport");

    assertThat(Api.at(SharedLedger.get().queryPort(), null).get("/swagger-ui/index.html").status())
        .isEqualTo(200);
  }
}
