package dk.dss.flexclaims.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Requests the servlet container refuses before the application sees them (a NUL byte or an encoded
 * slash in the path, ...) are answered as problem details too, instead of Tomcat's HTML page;
 * nothing of the request is repeated.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> context.getParent().getPipeline().addValve(new ProblemReportValve()));
  }

  /** Tomcat's error report as problem details. */
  static final class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      // as Tomcat's own: only an error the container reported (sendError) and nobody answered yet
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      AtomicBoolean ioAllowed = new AtomicBoolean(false);
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
      if (!ioAllowed.get()) {
        return;
      }
      HttpStatus known = HttpStatus.resolve(status);
      String title = known == null ? "Error" : known.getReasonPhrase();
      String type =
          status >= 500 ? "internal" : status == 400 ? "bad-request" : String.valueOf(status);
      String detail =
          status >= 500
              ? "Something went wrong on our side. Please try again later."
              : "The request was refused before it could be read; check the address.";
      String json =
          "{\"type\":\""
              + Problems.TYPE_BASE
              + type
              + "\",\"title\":\""
              + title
              + "\",\"status\":"
              + status
              + ",\"detail\":\""
              + detail
              + "\"}";
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(json);
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the client is gone or the answer already started: nothing more to say
      }
    }
  }
}
