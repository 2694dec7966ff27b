package cn.luoyang.pollution.enforcement.console;

import cn.luoyang.pollution.kit.security.PlatformSecurity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's sign-in page: the user-name form in basic mode (Spring Security's form login handles
 * the POST), a button to the platform's identity provider in jwt mode ({@link ConsoleSignIn}).
 */
@Controller
class LoginController {

    private final boolean oidc;

    LoginController(PlatformSecurity security) {
        this.oidc = security.jwt();
    }

    @GetMapping("/console/login")
    String login(@RequestParam(name = "continue", required = false) String continueTo, Model model) {
        // where to go after signing in (an expired session's page); console pages only
        model.addAttribute("continueTo", SignInAgain.safe(continueTo) ? continueTo : null);
        model.addAttribute("oidc", oidc);
        model.addAttribute("oidcStart", "/oauth2/authorization/" + ConsoleSignIn.REGISTRATION_ID);
        return "console/login";
    }
}
