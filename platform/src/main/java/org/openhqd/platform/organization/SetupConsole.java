package org.openhqd.platform.organization;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** {@code /setup}: the first system administrator, with the one-time token printed at start. */
@Controller
class SetupConsole {

    private final FirstStart firstStart;

    SetupConsole(FirstStart firstStart) {
        this.firstStart = firstStart;
    }

    @GetMapping("/setup")
    String form() {
        if (firstStart.setUp()) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        return "setup";
    }

    @PostMapping("/setup")
    String complete(@RequestParam String token, @RequestParam String communityName, @RequestParam String hospitalName,
                    @RequestParam String username, @RequestParam String password, Model model) {
        if (firstStart.setUp()) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        String error = null;
        if (communityName.isBlank() || hospitalName.isBlank() || !username.matches("[A-Za-z0-9._-]{3,64}")) {
            error = "请填写医共体与医院名称；用户名 3–64 位字母数字 / fill in the names; username of 3–64 letters or digits";
        } else if (org.openhqd.platform.security.Secrets.passwordProblem(password).isPresent()) {
            error = org.openhqd.platform.security.Secrets.passwordProblem(password).get();
        } else if (!firstStart.complete(new FirstStart.Setup(token, communityName.strip(), hospitalName.strip(), username, password))) {
            error = "设置令牌无效或已使用 / the setup token is wrong or was used";
        }
        if (error != null) {
            model.addAttribute("error", error);
            return "setup";
        }
        return "redirect:/login";
    }
}
