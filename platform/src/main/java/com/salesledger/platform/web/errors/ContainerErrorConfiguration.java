package com.salesledger.platform.web.errors;

import com.salesledger.platform.web.ProblemJson;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Errors raised before Spring MVC sees a request, as problem+json: Tomcat's (its error report valve
 * is replaced by {@link ProblemErrorReportValve}) and Spring Security's firewall (a URL it refuses
 * is a 400, not an exception that would surface as a 500).
 */
@Configuration(proxyBeanMethods = false)
public class ContainerErrorConfiguration {

  @Bean
  @ConditionalOnClass(StandardHost.class)
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                // Spring Boot adds a plain ErrorReportValve of its own; by the time the context
                // starts the host's pipeline is complete and that valve can be taken out.
                context.addLifecycleListener(
                    event -> {
                      if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                        replaceErrorValves(host);
                      }
                    });
              }
            });
  }

  private static void replaceErrorValves(Container host) {
    boolean ours = false;
    for (Valve valve : host.getPipeline().getValves()) {
      if (valve instanceof ProblemErrorReportValve) {
        ours = true;
      } else if (valve instanceof ErrorReportValve) {
        host.getPipeline().removeValve(valve);
      }
    }
    if (!ours) {
      host.getPipeline().addValve(new ProblemErrorReportValve());
    }
  }

  @Bean
  RequestRejectedHandler problemRequestRejectedHandler() {
    return (request, response, rejected) -> {
      response.setStatus(400);
      response.setContentType(ProblemJson.CONTENT_TYPE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response
          .getWriter()
          .write(
              ProblemJson.of(
                  400, "The request URL or a header is not acceptable: " + rejected.getMessage()));
    };
  }
}
