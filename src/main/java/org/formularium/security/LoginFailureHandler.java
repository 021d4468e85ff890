package org.formularium.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;

/**
 * After a failed login: {@code login?locked=<minutes>} when the name or address is locked (the same for
 * existing and unknown users), otherwise {@code login?error}.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

    static final String LOCKED_PARAMETER = "locked";

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String target = request.getContextPath() + "/login?error";
        if (exception instanceof LoginThrottledException throttled) {
            long seconds = Math.max(0, throttled.remaining().getSeconds());
            long minutes = Math.max(1, (seconds + 59) / 60);
            target = request.getContextPath() + "/login?" + LOCKED_PARAMETER + "=" + minutes;
        }
        response.sendRedirect(target);
    }
}
