package io.mlops.monitoring.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /dashboard} serves the static page; everything it shows comes from the REST reports. */
@Controller
class DashboardController {

    @GetMapping({"/dashboard", "/dashboard/"})
    String dashboard() {
        return "forward:/dashboard/index.html";
    }
}
