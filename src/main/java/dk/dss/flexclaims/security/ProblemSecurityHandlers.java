package dk.dss.flexclaims.security;

import dk.dss.flexclaims.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 of the API as problem details. */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Basic realm=\"Flex Claims\"");
    Problems.write(
        response,
        Problems.problem(
            HttpStatus.UNAUTHORIZED,
            "unauthenticated",
            "Authentication required",
            "Log in with HTTP Basic: a Flex Claims user name and password."));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    Problems.write(
        response,
        Problems.problem(
            HttpStatus.FORBIDDEN,
            "forbidden",
            "Not allowed",
            "Your user's groups do not allow this request."));
  }
}
