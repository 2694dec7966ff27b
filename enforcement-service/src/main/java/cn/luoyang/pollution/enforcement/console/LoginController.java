package cn.luoyang.pollution.enforcement.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's sign-in page; Spring Security's form login handles the POST. */
@Controller
class LoginController {

    @GetMapping("/console/login")
    String login() {
        return "console/login";
    }
}
