package dk.dss.flexclaims.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}) as problem details, in place of Spring Boot's
 * default, which answers the request's {@code path} (a path may hold a CPR number) and, called
 * directly, a 500. Never the exception's message, never the path.
 */
@RestController
class ErrorPage implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer value && HttpStatus.resolve(value) != null
            ? HttpStatus.valueOf(value)
            : HttpStatus.NOT_FOUND;
    if (status.is2xxSuccessful() || status.is3xxRedirection()) {
      status = HttpStatus.NOT_FOUND;
    }
    String detail =
        switch (status) {
          case NOT_FOUND -> "There is nothing at this address.";
          case BAD_REQUEST -> "The request could not be read. Check the address and the body.";
          case UNAUTHORIZED -> "Log in with HTTP Basic: a Flex Claims user name and password.";
          case FORBIDDEN -> "Your user's groups do not allow this request.";
          default ->
              status.is5xxServerError()
                  ? "Something went wrong on our side. Please try again later."
                  : "The request was refused (" + status.value() + ").";
        };
    String type =
        status.is5xxServerError()
            ? "internal"
            : status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    response.resetBuffer();
    Problems.write(response, Problems.problem(status, type, status.getReasonPhrase(), detail));
  }
}
